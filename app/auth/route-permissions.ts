import type { Permission } from "./policy";

/**
 * What each route module's loader and action require: a permission from the policy table, or
 * "public" (sign-in, language switch) — the list the route × role test checks every route against.
 * Every file in app/routes must have an entry; a new route without one fails that test.
 */
export interface RouteAccess {
  loader?: Permission | "public";
  action?: Permission | "public";
}

export const ROUTE_PERMISSIONS: Record<string, RouteAccess> = {
  "_index.tsx": { loader: "overview.view" },
  "overview[.]csv.ts": { loader: "overview.view" },
  "lang.ts": { loader: "public" },
  // Unknown paths: a 404 for everyone (it reveals nothing a sign-in redirect would not).
  "$.tsx": { loader: "public" },
  "login.tsx": { loader: "public", action: "public" },
  "logout.tsx": { loader: "public", action: "public" },
  "rounds._index.tsx": { loader: "rounds.view" },
  // The round page's action needs the permission of the step it posts (`?step=`, STEP_PERMISSION in
  // app/components/round/steps.ts); a post without a valid step needs rounds.prepare to be told 400.
  "rounds.$roundId._index.tsx": { loader: "rounds.view", action: "rounds.prepare" },
  "rounds.$roundId.analysis.tsx": { loader: "rounds.view" },
  "rounds.$roundId.csv.$table.ts": { loader: "rounds.view" },
  "rounds.$roundId.record.tsx": { loader: "rounds.view", action: "rounds.view" },
  "rounds.$roundId.record[.]json.ts": { loader: "rounds.view" },
  "rounds.$roundId.record[.]md.ts": { loader: "rounds.view" },
  "rounds.new.tsx": { loader: "rounds.create", action: "rounds.create" },
  "data._index.tsx": { loader: "data.view" },
  "data.indicators[.]csv.ts": { loader: "data.view" },
  "data.indicators.$indicatorId.tsx": { loader: "data.view" },
  "data.indicators.$indicatorId_.csv.ts": { loader: "data.view" },
  "data.import.tsx": { loader: "data.import", action: "data.import" },
  "interventions._index.tsx": { loader: "interventions.view" },
  "interventions.new.tsx": { loader: "interventions.edit", action: "interventions.edit" },
  "interventions.$interventionId.tsx": { loader: "interventions.view", action: "interventions.edit" },
  "scenarios._index.tsx": { loader: "scenarios.view" },
  "scenarios.$scenarioId.tsx": { loader: "scenarios.view", action: "scenarios.view" },
  "scenarios.rules.$ruleSetId.tsx": { loader: "scenarios.view", action: "scenarios.edit" },
};

/**
 * Who may do what: the one policy table (role × permission) that every loader and action consults.
 * A route asks for a permission with `requirePermission(request, permission)`.
 */
export const ROLES = ["viewer", "analyst", "budget_planner", "committee", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "overview.view",
  "data.view",
  "data.import",
  "interventions.view",
  "interventions.edit",
  "scenarios.view",
  "scenarios.edit",
  "rounds.view",
  "rounds.create",
  "rounds.prepare",
  "rounds.analyse",
  "rounds.budget",
  "rounds.review",
  "rounds.publish",
  "rounds.followup",
  "audit.view",
  "users.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: readonly Role[] = ROLES;
const analysts: readonly Role[] = ["analyst", "admin"];

export const POLICY: Record<Permission, readonly Role[]> = {
  "overview.view": everyone,
  "data.view": everyone,
  "data.import": analysts,
  "interventions.view": everyone,
  "interventions.edit": ["analyst", "budget_planner", "admin"],
  "scenarios.view": everyone,
  "scenarios.edit": analysts,
  "rounds.view": everyone,
  "rounds.create": ["analyst", "budget_planner", "admin"],
  "rounds.prepare": ["analyst", "budget_planner", "admin"],
  "rounds.analyse": analysts,
  "rounds.budget": ["budget_planner", "analyst", "admin"],
  "rounds.review": ["committee", "admin"],
  "rounds.publish": ["committee", "admin"],
  "rounds.followup": analysts,
  "audit.view": ["committee", "admin"],
  "users.manage": ["admin"],
};

/** Whether a role holds a permission under {@link POLICY}. */
export function can(role: Role, permission: Permission): boolean {
  return POLICY[permission].includes(role);
}

export const ROLE_LABELS: Record<Role, { sv: string; en: string }> = {
  viewer: { sv: "Läsare", en: "Viewer" },
  analyst: { sv: "Analytiker", en: "Analyst" },
  budget_planner: { sv: "Budgetplanerare", en: "Budget planner" },
  committee: { sv: "Nämndledamot", en: "Committee member" },
  admin: { sv: "Administratör", en: "Administrator" },
};

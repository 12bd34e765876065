import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_ID, seedDemoRound } from "../../../db/seed/demo-round";
import type { Db } from "../../../db/schema";
import type { Role } from "~/auth/policy";
import { action as roundAction, loader as roundLoader } from "~/routes/rounds.$roundId._index";
import { loader as analysisLoader } from "~/routes/rounds.$roundId.analysis";
import { loader as csvLoader } from "~/routes/rounds.$roundId.csv.$table";
import { action as recordAction, loader as recordLoader } from "~/routes/rounds.$roundId.record";
import { loader as jsonLoader } from "~/routes/rounds.$roundId.record[.]json";
import { loader as mdLoader } from "~/routes/rounds.$roundId.record[.]md";
import { getAnalysisJob } from "~/utils/round-analysis.server";
import { loadInterventions } from "~/utils/round-data.server";
import { loadRound } from "~/utils/rounds.server";
import { call, get, post, roundTestDb, tableCounts, type Signed } from "./support";

let db: Db;
let users: Record<Role, Signed>;
const url = (step: string) => `http://localhost/rounds/${DEMO_ROUND_ID}?step=${step}`;
const params = { roundId: DEMO_ROUND_ID };

async function version(): Promise<string> {
  return String((await loadRound(db, DEMO_ROUND_ID))!.version);
}

async function step(role: Role, name: string, fields: [string, string][]) {
  return call(roundAction, post(url(name), users[role], [["version", await version()], ...fields]), params);
}

async function state(): Promise<string> {
  return (await loadRound(db, DEMO_ROUND_ID))!.state;
}

beforeAll(async () => {
  ({ db, users } = await roundTestDb());
  await seedDemoRound(db, { now: "2026-12-04T20:00:00.000Z" });
});

afterAll(async () => {
  await db.destroy();
});

describe("the round page", () => {
  it("shows the seeded demo round in scoped with the needs form for an analyst", async () => {
    const r = await call(roundLoader, get(`http://localhost/rounds/${DEMO_ROUND_ID}`, users.analyst), params);
    expect(r.status).toBe(200);
    const view = r.body as { round: { state: string }; steps: string[]; profiles: { segments: unknown[] } };
    expect(view.round.state).toBe("scoped");
    expect(view.steps).toContain("needs");
    expect(view.profiles.segments).toHaveLength(10);
  });

  it("answers 404 for a round that does not exist", async () => {
    const r = await call(roundLoader, get("http://localhost/rounds/nope", users.viewer), { roundId: "nope" });
    expect(r.status).toBe(404);
  });

  it("refuses a viewer's step with 403 and writes nothing", async () => {
    const before = await tableCounts(db);
    const r = await step("viewer", "needs", [
      ["note", "x"],
      ["profileRefs", "1283:age_0_19_f"],
    ]);
    expect(r.status).toBe(403);
    expect(await tableCounts(db)).toBe(before);
  });

  it("refuses a committee member's scope with 403 and writes nothing", async () => {
    const before = await tableCounts(db);
    const r = await step("committee", "scope", [
      ["areas", "1283"],
      ["groups", "age_0_19_f"],
      ["from", "2027"],
      ["to", "2027"],
      ["budget", "1000"],
    ]);
    expect(r.status).toBe(403);
    expect(await tableCounts(db)).toBe(before);
  });

  it("refuses an analyst's committee approval with 403 (policy) and an admin's with 400 (the machine)", async () => {
    const before = await tableCounts(db);
    const analyst = await step("analyst", "review", [
      ["intent", "approve"],
      ["text", ""],
    ]);
    expect(analyst.status).toBe(403);
    // admins hold rounds.review, but committee decisions are the committee's alone (separation of duties)
    const admin = await step("admin", "review", [
      ["intent", "approve"],
      ["text", ""],
    ]);
    expect(admin.status).toBe(400);
    expect((admin.body as { formError: string }).formError).toMatch(
      /committee.approved is not allowed in state scoped|role "admin" may not send/,
    );
    expect(await tableCounts(db)).toBe(before);
  });

  it("refuses a forged form token with 403 and writes nothing", async () => {
    const before = await tableCounts(db);
    const r = await step("analyst", "needs", [
      ["csrf", "forged"],
      ["note", "x"],
    ]);
    expect(r.status).toBe(403);
    expect(await tableCounts(db)).toBe(before);
  });

  it("shows the machine's refusal as a form-level message with 400 and writes nothing", async () => {
    const before = await tableCounts(db);
    // budget planners hold rounds.prepare, but the machine lets only analysts and admins review needs
    const r = await step("budget_planner", "needs", [["note", "looked"]]);
    expect(r.status).toBe(400);
    expect((r.body as { formError: string }).formError).toMatch(
      /role "budget_planner" may not send needs.reviewed/,
    );
    expect(await tableCounts(db)).toBe(before);
  });

  it("returns field errors with 400 for a bad scope", async () => {
    const r = await step("analyst", "scope", [
      ["from", "20x7"],
      ["to", "2027"],
      ["budget", "-1"],
    ]);
    expect(r.status).toBe(400);
    const errors = (r.body as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["areas", "budget", "from", "groups"]);
  });

  it("refuses a save over a stale version with 409", async () => {
    const r = await call(
      roundAction,
      post(url("needs"), users.analyst, [
        ["version", "99"],
        ["note", "stale"],
      ]),
      params,
    );
    expect(r.status).toBe(409);
    expect(await state()).toBe("scoped");
  });

  it("takes the round from scoped to followed up", async () => {
    let r = await step("analyst", "needs", [
      ["note", "Äldre kvinnor har lägst hälsa."],
      ["profileRefs", "1283:age_80p_f"],
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    expect(r.location).toBe(`/rounds/${DEMO_ROUND_ID}`);
    expect(await state()).toBe("needsReviewed");

    const ids = ["samtalsstod-grupp", "samtalsbank", "volontaruppdrag-aldre", "parkrun-motion", "lyckokurs"];
    r = await step(
      "analyst",
      "candidates",
      ids.map((id) => ["candidateIds", id]),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(302);

    r = await step("analyst", "rules", [["ruleSet", "helsingborg-2026"]]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    const ruled = (await loadRound(db, DEMO_ROUND_ID))!;
    expect(ruled.state).toBe("rulesApplied");
    // a round stores the engine's (English) reasons; the page gets the rule set's pairs to show them in Swedish
    const rulesPage = (await call(roundLoader, get(url("rules"), users.analyst), params)).body as {
      rulePairs: { sv: string; en: string }[];
    };
    expect(rulesPage.rulePairs).toContainEqual({
      sv: "insatser med evidensgrad D får kosta högst 1 mkr",
      en: "evidence grade D may not exceed 1 MSEK",
    });

    for (const x of ruled.context.exclusions) {
      r = await step("budget_planner", "override", [
        ["candidateId", x.candidateId],
        ["rule", x.rule],
        ["reason", ""],
      ]);
      expect(r.status).toBe(400);
      r = await step("budget_planner", "override", [
        ["candidateId", x.candidateId],
        ["rule", x.rule],
        ["reason", "Pilot med utvärdering."],
      ]);
      expect(r.status, JSON.stringify(r.body)).toBe(302);
    }

    r = await step("analyst", "scenario", [
      ["primary", "equal"],
      ["sensitivity", "strong-equity"],
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    expect(await state()).toBe("scenarioChosen");

    r = await step("analyst", "analyse", []);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    for (let i = 0; i < 600 && getAnalysisJob(DEMO_ROUND_ID)?.status === "running"; i++) {
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(getAnalysisJob(DEMO_ROUND_ID)).toMatchObject({ status: "done" });
    expect(await state()).toBe("analysed");

    const view = (
      await call(roundLoader, get(`http://localhost/rounds/${DEMO_ROUND_ID}`, users.budget_planner), params)
    ).body as {
      portfolioRows: { id: string; suggested: boolean }[];
    };
    expect(view.portfolioRows.map((p) => p.id).sort()).toEqual([...ids].sort());
    const chosen = view.portfolioRows.filter((p) => p.suggested).map((p) => p.id);
    const rationale = ids.map((id): [string, string] => [
      `rationale.${id}`,
      chosen.includes(id) ? "Hög effekt per krona." : "Ryms inte i budgeten.",
    ]);
    r = await step("budget_planner", "portfolio", [
      ...chosen.map((id): [string, string] => ["selected", id]),
      ...rationale.slice(1),
      [rationale[0]![0], ""],
    ]);
    expect(r.status).toBe(400);
    r = await step("budget_planner", "portfolio", [
      ...chosen.map((id): [string, string] => ["selected", id]),
      ...rationale,
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    r = await step("budget_planner", "submit", []);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    expect(await state()).toBe("committeeReview");

    r = await step("committee", "publish", [["summary", "För tidigt."]]);
    expect(r.status).toBe(400);
    expect((r.body as { formError: string }).formError).toMatch(/no decision without committee approval/);
    r = await step("admin", "review", [
      ["intent", "approve"],
      ["text", ""],
    ]);
    expect(r.status).toBe(400);
    expect((r.body as { formError: string }).formError).toMatch(
      /role "admin" may not send committee.approved/,
    );
    r = await step("committee", "review", [
      ["intent", "return"],
      ["text", "Motivera valet av lyckokursen tydligare."],
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    expect(await state()).toBe("portfolioProposed");
    r = await step("budget_planner", "submit", []);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    r = await step("committee", "review", [
      ["intent", "dissent"],
      ["text", "Jag reserverar mig mot lyckokursen."],
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    r = await step("committee", "review", [
      ["intent", "approve"],
      ["text", ""],
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    r = await step("committee", "publish", [["summary", "Nämnden beslutar enligt förslaget."]]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    expect(await state()).toBe("decided");

    const decided = (await loadRound(db, DEMO_ROUND_ID))!.context.decision!;
    expect(decided.dissentedBy).toEqual([users.committee.userId]);
    const rows = decided.selected.flatMap((id): [string, string][] => [
      ["candidateId", id],
      ["expectedChange", "0.01"],
      ["measured", "0.012"],
      ["u", "0.004"],
    ]);
    r = await step("analyst", "followup", [["note", "Första årets mätning."], ...rows]);
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    expect(await state()).toBe("followedUp");

    const final = (
      await call(roundLoader, get(`http://localhost/rounds/${DEMO_ROUND_ID}`, users.viewer), params)
    ).body as {
      followupRows: { measured: number; en: number; pMet: number }[];
      audit: { action: string; from_state: string | null; to_state: string | null }[];
    };
    expect(final.followupRows.every((f) => f.measured === 0.012 && f.en !== null && f.pMet !== null)).toBe(
      true,
    );
    expect(final.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "round.created",
        "scope.submitted",
        "needs.reviewed",
        "analysis.completed",
        "decision.published",
        "followup.recorded",
      ]),
    );
  });

  it("shows the analysis: ranking with intervals, rank shares summing to 1, charts and an explained pair", async () => {
    const r = await call(
      analysisLoader,
      get(`http://localhost/rounds/${DEMO_ROUND_ID}/analysis?a=samtalsbank&b=lyckokurs`, users.viewer),
      params,
    );
    expect(r.status).toBe(200);
    const a = (r.body as { analysis: Record<string, unknown> }).analysis as {
      meta: { scenario: string };
      portfolio: { selected: string[]; labels: string[] } | null;
      scenarioRows: (string | number | null)[][];
      notes: string[];
      ranked: { id: string; label: string; shares: number[] }[];
      tables: Record<string, { rows: unknown[][] }>;
      why: { a: { id: string }; segments: unknown[] } | null;
      tornado: { bars: unknown[] } | null;
    };
    // the scenario by its name (scenarios/weights/equal.json, version 1), not only "equal@v1"
    expect(a.meta.scenario).toBe("Lika vikter (equal@v1)");
    // the portfolio by the candidates' names, not their ids
    expect(a.portfolio?.selected.length).toBeGreaterThan(0);
    const names = new Map(a.ranked.map((x) => [x.id, x.label]));
    expect(a.portfolio!.labels).toEqual(a.portfolio!.selected.map((id) => names.get(id)));
    // the sensitivity table on the page names scenarios and candidates (its CSV keeps ids)
    expect(a.scenarioRows.length).toBeGreaterThan(0);
    expect(a.scenarioRows[0]![0]).toBe("Lika vikter (equal@v1)");
    for (const row of a.scenarioRows)
      expect(row.slice(2).every((c) => [...names.values()].includes(String(c)))).toBe(true);
    // the notes name dimensions in words ("income and wealth (10 of 10 groups)"), not by id
    expect(a.ranked.length).toBeGreaterThan(1);
    for (const row of a.ranked) expect(row.shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    // every candidate takes each rank in some share of draws: the shares of a rank sum to 1 too
    for (let k = 0; k < a.ranked.length; k++) {
      expect(a.ranked.reduce((x, row) => x + row.shares[k]!, 0)).toBeCloseTo(1, 12);
    }
    expect(a.tables.ranking!.rows).toHaveLength(5);
    expect(a.tornado?.bars.length).toBeGreaterThan(0);
    expect(a.why?.a.id).toBe("samtalsbank");
  });

  it("downloads a chart's numbers as CSV and answers 404 for an unknown table", async () => {
    const ok = await call(
      csvLoader,
      get(`http://localhost/rounds/${DEMO_ROUND_ID}/csv/ranking`, users.viewer),
      { ...params, table: "ranking" },
    );
    expect(ok.status).toBe(200);
    const lines = String(ok.body).trimEnd().split("\r\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Rang,id,Insats,/);
    const missing = await call(
      csvLoader,
      get(`http://localhost/rounds/${DEMO_ROUND_ID}/csv/nope`, users.viewer),
      { ...params, table: "nope" },
    );
    expect(missing.status).toBe(404);
  });

  it("labels the tornado's inputs with dimension and segment names in the page's language, ids in their own column", async () => {
    // from db/seed/demo-dimensions.ts and db/import/population-groups.ts (group labels are stored in
    // Swedish; the English page names the age bands in English)
    const dims: Record<string, [string, string]> = {
      subjective_wellbeing: ["subjektivt välbefinnande", "subjective well-being"],
      health: ["hälsa", "health"],
    };
    const groups: Record<string, [string, string]> = {
      age_0_19_f: ["0–19 år, kvinnor", "0–19 years, women"],
      age_0_19_m: ["0–19 år, män", "0–19 years, men"],
      age_20_44_f: ["20–44 år, kvinnor", "20–44 years, women"],
      age_20_44_m: ["20–44 år, män", "20–44 years, men"],
      age_45_64_f: ["45–64 år, kvinnor", "45–64 years, women"],
      age_45_64_m: ["45–64 år, män", "45–64 years, men"],
      age_65_79_f: ["65–79 år, kvinnor", "65–79 years, women"],
      age_65_79_m: ["65–79 år, män", "65–79 years, men"],
      age_80p_f: ["80+ år, kvinnor", "80+ years, women"],
      age_80p_m: ["80+ år, män", "80+ years, men"],
    };
    const words = {
      sv: { header: "id,Indata,", weight: "Vikt: ", effect: "Effekt: ", eps: "Ojämlikhetsaversion ε" },
      en: { header: "id,Input,", weight: "Weight: ", effect: "Effect: ", eps: "Inequality aversion ε" },
    };
    for (const lang of ["sv", "en"] as const) {
      const w = words[lang];
      const r = await call(
        csvLoader,
        get(`http://localhost/rounds/${DEMO_ROUND_ID}/csv/tornado?lang=${lang}`, users.viewer),
        { ...params, table: "tornado" },
      );
      expect(r.status).toBe(200);
      expect(String(r.body).startsWith(w.header)).toBe(true);
      const lines = (parse(String(r.body)) as string[][]).slice(1);
      expect(lines.length).toBeGreaterThan(0);
      let effects = 0;
      for (const [id, label] of lines as [string, string][]) {
        const effect = /^1283:(\w+) · (\w+)$/.exec(id);
        if (id === "ε") expect(label).toBe(w.eps);
        else if (effect) {
          effects++;
          const dim = dims[effect[2]!]![lang === "sv" ? 0 : 1];
          expect(label).toBe(
            `${w.effect}${dim} – Helsingborg, ${groups[effect[1]!]![lang === "sv" ? 0 : 1]}`,
          );
        } else expect(label).toBe(`${w.weight}${dims[id]![lang === "sv" ? 0 : 1]}`);
      }
      expect(effects).toBeGreaterThan(0);
    }
  });

  it("prints the decision record with input hash, seed and engine version, and exports it as JSON and Markdown", async () => {
    const page = await call(
      recordLoader,
      get(`http://localhost/rounds/${DEMO_ROUND_ID}/record`, users.viewer),
      params,
    );
    const rec = page.body as {
      analysis: { inputHash: string; seed: number; engineVersion: string };
      decision: { dissentedBy: string[]; selected: { id: string }[] };
      decidedCost: number | null;
    };
    expect(rec.analysis.inputHash).toMatch(/^[0-9a-f]{64}$/);
    // the decided interventions' cost: the means of their cost distributions as stored, summed here
    const costs = new Map((await loadInterventions(db)).map((iv) => [iv.id, iv.expectedCost]));
    expect(rec.decision.selected.length).toBeGreaterThan(0);
    expect(rec.decidedCost).toBeCloseTo(
      rec.decision.selected.reduce((a, s) => a + costs.get(s.id)!, 0),
      6,
    );
    expect(rec.decision.dissentedBy).toEqual(["p-committee"]);
    const json = await call(
      jsonLoader,
      get(`http://localhost/rounds/${DEMO_ROUND_ID}/record.json`, users.viewer),
      params,
    );
    expect(JSON.parse(String(json.body))).toMatchObject({
      format: "livsval.decision-record/1",
      analysis: { seed: rec.analysis.seed },
    });
    const md = await call(
      mdLoader,
      get(`http://localhost/rounds/${DEMO_ROUND_ID}/record.md`, users.viewer),
      params,
    );
    expect(String(md.body)).toContain(`Input hash (sha256): \`${rec.analysis.inputHash}\``);
    expect(String(md.body)).toContain("Dissent (reservation) by p-committee");
  });

  it("reproduces the stored analysis bit for bit and writes nothing", async () => {
    const before = await tableCounts(db);
    const r = await call(
      recordAction,
      post(`http://localhost/rounds/${DEMO_ROUND_ID}/record`, users.viewer, []),
      params,
    );
    expect(r.status).toBe(200);
    const out = (r.body as { reproduced: { identical: boolean; storedHash: string; rerunHash: string } })
      .reproduced;
    expect(out.identical).toBe(true);
    expect(out.rerunHash).toBe(out.storedHash);
    expect(await tableCounts(db)).toBe(before);
  });
});

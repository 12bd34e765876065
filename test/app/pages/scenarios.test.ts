import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findLatestRuleSet,
  findLatestScenario,
  listScenarioVersions,
} from "../../../db/repositories/scenario-repository";
import type { Db } from "../../../db/schema";
import { DIMENSIONS, RuleSetSchema, ScenarioSchema } from "../../../scenarios/schema";
import { getRuleSet } from "../../../scenarios/index";
import { call, counts, get, installDb, post, seedReference, signIn, type Session } from "./harness";
import * as index from "~/routes/scenarios._index";
import * as editor from "~/routes/scenarios.$scenarioId";
import * as rules from "~/routes/scenarios.rules.$ruleSetId";
import type { Preview } from "~/components/pages/scenario-preview";

let db: Db;
let analyst: Session;
let viewer: Session;

beforeAll(async () => {
  db = await installDb();
  await seedReference(db);
  analyst = await signIn(db, "analyst");
  viewer = await signIn(db, "viewer");
});
afterAll(async () => {
  await db.destroy();
});

/** The editor's fields: health 10, safety 5, every other dimension 1. */
function editorForm(intent: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    intent,
    labelSv: "Hälsa först",
    labelEn: "Health first",
    descriptionSv: "Hälsa väger dubbelt så mycket som trygghet.",
    descriptionEn: "Health weighs twice as much as safety.",
    epsilon: "2",
    ...Object.fromEntries(DIMENSIONS.map((d) => [`weights.${d.id}`, "1"])),
    "weights.health": "10",
    "weights.safety": "5",
    ...extra,
  };
}

describe("the scenario pages", () => {
  it("lists the shipped scenarios and rule sets", async () => {
    const r = await call(index.loader, get("/scenarios", viewer));
    const body = r.body as Awaited<ReturnType<typeof index.loader>>;
    expect(body.scenarios.map((s) => s.id)).toContain("equal");
    expect(body.scenarios.find((s) => s.id === "helsingborg-programme")).toMatchObject({
      kind: "intervals",
      illustrative: true,
      origin: "bundled",
    });
    expect(body.ruleSets.map((s) => s.id)).toEqual(["helsingborg-2026"]);
  });

  it("previews composites and EDE on the server for the weights posted, writing nothing", async () => {
    const before = await counts(db);
    const r = await call(editor.action, post("/scenarios/equal", viewer, editorForm("preview")), {
      scenarioId: "equal",
    });
    expect(r.status).toBe(200);
    const preview = (r.body as { preview: Preview }).preview;
    // Common dimensions: health and safety (subjective well-being has no segment values), shares 10/15 and 5/15.
    // Women 20–44 (N = 3000): 2/3·80 + 1/3·60 = 73.333, u = √((2/3·4)² + (1/3·2)²) = 2.748737.
    // Men 20–44 (N = 1000): 2/3·40 + 1/3·20 = 33.333, u = √((2/3·3)² + (1/3·2)²) = 2.108185.
    // Whole area: health 60; safety 50 (the n = 7 value of small_cells is left out): 2/3·60 + 1/3·50 = 56.667.
    const byId = Object.fromEntries(preview.rows.map((x) => [x.id, x]));
    expect(byId["area"]!.value).toBeCloseTo(170 / 3, 10);
    expect(byId["1283:age_20_44_f"]!.value).toBeCloseTo(220 / 3, 10);
    expect(byId["1283:age_20_44_f"]!.u).toBeCloseTo(2.748737084, 8);
    expect(byId["1283:age_20_44_m"]!.value).toBeCloseTo(100 / 3, 10);
    expect(byId["1283:age_20_44_m"]!.u).toBeCloseTo(2.108185107, 8);
    // R: q <- c(220/3, 100/3); p <- c(.75, .25); EDE_ε = (Σ p q^(1−ε))^(1/(1−ε)), exp(Σ p ln q) at ε = 1
    //    → 63.3333333333, 61.8738295511, 60.2137612024, 56.4102564103 for ε = 0, 0.5, 1, 2.
    expect(preview.ede.map((e) => e.epsilon)).toEqual([0, 0.5, 1, 2]);
    const expected = [63.3333333333, 61.8738295511, 60.2137612024, 56.4102564103];
    preview.ede.forEach((e, i) => expect(e.ede).toBeCloseTo(expected[i]!, 8));
    // One point to the worst-off is worth (73.333/33.333)^ε = 2.2^ε points to the best-off: 4.84 at ε = 2.
    expect(preview.ede[3]!.ratio).toBeCloseTo(4.84, 10);
    expect(preview.worst).toBe("Män 20–44 år");
    expect(await counts(db)).toEqual(before);
  });

  it("leaves values resting on fewer than 10 respondents out of the profiles sent to the browser", async () => {
    const r = await call(editor.loader, get("/scenarios/equal", viewer), { scenarioId: "equal" });
    const input = (r.body as Awaited<ReturnType<typeof editor.loader>>).previewInput!;
    // small_cells 2019: 41.5 ± 3.3 with n = 7; the area's safety score is safety_a's 50 ± 1 alone.
    expect(input.area.scores.safety).toEqual({ value: 50, u: 1 });
    expect(JSON.stringify(input)).not.toContain("41.5");
  });

  it("refuses weights out of range and an empty label with 400 and field errors, writing nothing", async () => {
    const before = await counts(db);
    const r = await call(
      editor.action,
      post(
        "/scenarios/equal",
        analyst,
        editorForm("save", { "weights.health": "11", labelEn: " ", epsilon: "-1" }),
      ),
      { scenarioId: "equal" },
    );
    expect(r.status).toBe(400);
    expect((r.body as { errors: Record<string, string> }).errors).toEqual({
      "weights.health": "Ange ett tal mellan 0 och 10.",
      labelEn: "Fyll i fältet.",
      epsilon: "Ange ett tal mellan 0 och 5.",
    });
    const zero = await call(
      editor.action,
      post(
        "/scenarios/equal",
        analyst,
        editorForm("save", Object.fromEntries(DIMENSIONS.map((d) => [`weights.${d.id}`, "0"]))),
      ),
      { scenarioId: "equal" },
    );
    expect(zero.status).toBe(400);
    expect((zero.body as { formError: string }).formError).toBe("Minst en vikt måste vara större än noll.");
    expect(await counts(db)).toEqual(before);
  });

  it("does not let a viewer save, though a viewer may preview", async () => {
    const r = await call(editor.action, post("/scenarios/equal", viewer, editorForm("save")), {
      scenarioId: "equal",
    });
    expect(r.status).toBe(403);
  });

  it("saves a scenario as a new version, keeping the shipped one as version 1, with an audit event", async () => {
    const before = await counts(db);
    const r = await call(editor.action, post("/scenarios/equal", analyst, editorForm("save")), {
      scenarioId: "equal",
    });
    expect(r.status).toBe(302);
    expect(r.location).toBe("/scenarios/equal?saved=2");
    expect((await listScenarioVersions(db, "equal")).map((v) => [v.version, v.created_by])).toEqual([
      [1, null],
      [2, analyst.userId],
    ]);
    const latest = (await findLatestScenario(db, "equal", ScenarioSchema))!;
    expect(latest.json).toMatchObject({ version: 2, inequalityAversion: 2, label: { en: "Health first" } });
    expect((latest.json.weights as Record<string, number>).health).toBe(10);
    expect("illustrative" in latest.json.provenance).toBe(true);
    const after = await counts(db);
    expect(after.scenarios - before.scenarios).toBe(2);
    expect(after.audit_events - before.audit_events).toBe(1);
    const again = await call(
      editor.action,
      post("/scenarios/equal", analyst, editorForm("save", { epsilon: "1" })),
      {
        scenarioId: "equal",
      },
    );
    expect(again.location).toBe("/scenarios/equal?saved=3");
    const loaded = await call(editor.loader, get("/scenarios/equal", viewer), { scenarioId: "equal" });
    const body = loaded.body as Awaited<ReturnType<typeof editor.loader>>;
    expect(body.versions).toEqual([1, 2, 3]);
    expect(body.values.epsilon).toBe("1");
    expect(body.values.weights.health).toBe("10");
    // safety 5 of the largest 10 → slider 5
    expect(body.values.weights.safety).toBe("5");
    const first = await call(editor.loader, get("/scenarios/equal?version=1", viewer), {
      scenarioId: "equal",
    });
    const v1 = first.body as Awaited<ReturnType<typeof editor.loader>>;
    expect(v1.scenario.version).toBe(1);
    expect(v1.latestVersion).toBe(3);
    expect(v1.values.epsilon).toBe("1");
    expect(v1.values.weights.safety).toBe("10");
    const missing = await call(editor.loader, get("/scenarios/equal?version=9", viewer), {
      scenarioId: "equal",
    });
    expect(missing.status).toBe(404);
  });

  it("keeps a scenario's own weights and cited source when only its names change", async () => {
    for (const id of ["citizen-priorities", "helsingborg-programme"]) {
      const loaded = await call(editor.loader, get(`/scenarios/${id}`, analyst), { scenarioId: id });
      const body = loaded.body as Awaited<ReturnType<typeof editor.loader>>;
      const fields = Object.fromEntries(
        Object.entries(body.values.weights).map(([d, w]) => [`weights.${d}`, w]),
      );
      const r = await call(
        editor.action,
        post(`/scenarios/${id}`, analyst, {
          ...editorForm("save"),
          ...fields,
          epsilon: body.values.epsilon,
          labelEn: `${body.values.labelEn} (renamed)`,
        }),
        { scenarioId: id },
      );
      expect(r.status).toBe(302);
      const latest = (await findLatestScenario(db, id, ScenarioSchema))!;
      expect(latest.json.weights).toEqual(body.scenario.weights);
      expect(latest.json.provenance).toEqual(body.scenario.provenance);
      expect(latest.json.label.en).toMatch(/\(renamed\)$/);
    }
  });

  it("shows rule-set errors with their path and writes nothing", async () => {
    const before = await counts(db);
    const doc = structuredClone(getRuleSet("helsingborg-2026")!) as unknown as {
      rules: { event: { type: string } }[];
    };
    doc.rules[1]!.event.type = "";
    const r = await call(
      rules.action,
      post("/scenarios/rules/helsingborg-2026", analyst, { intent: "save", json: JSON.stringify(doc) }),
      { ruleSetId: "helsingborg-2026" },
    );
    expect(r.status).toBe(400);
    const issues = (r.body as { issues: { path: string }[] }).issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.path.startsWith("rules[1].event"))).toBe(true);
    const bad = await call(
      rules.action,
      post("/scenarios/rules/helsingborg-2026", analyst, { intent: "save", json: "{ not json" }),
      { ruleSetId: "helsingborg-2026" },
    );
    expect(bad.status).toBe(400);
    expect((bad.body as { jsonError: string }).jsonError).toMatch(/^Texten är inte giltig JSON: /);
    expect(await counts(db)).toEqual(before);
  });

  it("saves an edited rule set as a new version", async () => {
    const doc = structuredClone(getRuleSet("helsingborg-2026")!);
    doc.label.en = "Rule set for 2026, revised";
    const r = await call(
      rules.action,
      post("/scenarios/rules/helsingborg-2026", analyst, {
        intent: "save",
        json: JSON.stringify(doc, null, 2),
      }),
      { ruleSetId: "helsingborg-2026" },
    );
    expect(r.status).toBe(302);
    expect(r.location).toBe("/scenarios/rules/helsingborg-2026?saved=2");
    const latest = (await findLatestRuleSet(db, "helsingborg-2026", RuleSetSchema))!;
    expect(latest).toMatchObject({
      version: 2,
      json: { version: 2, label: { en: "Rule set for 2026, revised" } },
    });
  });

  it("refuses a reason pair without its English text or with an empty Swedish one, and writes nothing", async () => {
    const before = await counts(db);
    for (const reason of [
      { sv: "evidensgrad D" },
      { sv: "", en: "grade D" },
      { sv: "a", en: "b", de: "c" },
    ]) {
      const doc = structuredClone(getRuleSet("helsingborg-2026")!) as unknown as {
        rules: { event: { params: { reason: unknown } } }[];
      };
      doc.rules[0]!.event.params.reason = reason;
      const r = await call(
        rules.action,
        post("/scenarios/rules/helsingborg-2026", analyst, { intent: "save", json: JSON.stringify(doc) }),
        { ruleSetId: "helsingborg-2026" },
      );
      expect(r.status, JSON.stringify(reason)).toBe(400);
      const issues = (r.body as { issues: { path: string }[] }).issues;
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.every((i) => i.path.startsWith("rules[0].event.params.reason"))).toBe(true);
    }
    expect(await counts(db)).toEqual(before);
  });

  it("takes a plain string reason beside Swedish/English pairs (rule sets written before the pairs)", async () => {
    const doc = structuredClone(getRuleSet("helsingborg-2026")!);
    expect(doc.rules[0]!.event).toMatchObject({
      params: { reason: { sv: "insatser med evidensgrad D får kosta högst 1 mkr" } },
    });
    doc.rules[0]!.event = { type: "exclude", params: { reason: "grade D over 1 MSEK" } };
    const r = await call(
      rules.action,
      post("/scenarios/rules/helsingborg-2026", analyst, { intent: "save", json: JSON.stringify(doc) }),
      { ruleSetId: "helsingborg-2026" },
    );
    expect(r.status).toBe(302);
    const latest = (await findLatestRuleSet(db, "helsingborg-2026", RuleSetSchema))!;
    expect(latest.json.rules[0]!.event).toEqual({
      type: "exclude",
      params: { reason: "grade D over 1 MSEK" },
    });
    expect(latest.json.rules[1]!.event).toMatchObject({
      params: { reason: { sv: "lagstadgade uppgifter måste utföras", en: "statutory duties are required" } },
    });
  });

  it("answers 404 for an unknown scenario or rule set", async () => {
    expect((await call(editor.loader, get("/scenarios/nope", viewer), { scenarioId: "nope" })).status).toBe(
      404,
    );
    expect(
      (await call(rules.loader, get("/scenarios/rules/nope", viewer), { ruleSetId: "nope" })).status,
    ).toBe(404);
  });
});

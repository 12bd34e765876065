import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInterventionById } from "../../../db/repositories/intervention-repository";
import type { Db } from "../../../db/schema";
import { call, counts, get, installDb, post, seedReference, signIn, type Session } from "./harness";
import * as list from "~/routes/interventions._index";
import * as edit from "~/routes/interventions.$interventionId";
import * as create from "~/routes/interventions.new";

let db: Db;
let planner: Session;
let viewer: Session;

beforeAll(async () => {
  db = await installDb();
  await seedReference(db);
  planner = await signIn(db, "budget_planner");
  viewer = await signIn(db, "viewer");
});
afterAll(async () => {
  await db.destroy();
});

const good = {
  intent: "save",
  id: "parklek",
  label: "Parklek i Drottninghög",
  description: "Öppen lek i parken på eftermiddagar",
  department: "Kulturförvaltningen",
  evidenceGrade: "C",
  statutory: "on",
  legalBasis: "",
  "cost.type": "pert",
  "cost.min": "800000",
  "cost.mode": "1000000",
  "cost.max": "1600000",
  "effects[0].segment": "1283:age_20_44_f",
  "effects[0].dimension": "social_connections_missing",
  "effects[0].reach": "0,2",
  "effects[0].change.type": "normal",
  "effects[0].change.mean": "2",
  "effects[0].change.sd": "1",
};

describe("the intervention pages", () => {
  it("refuses bad input with 400 and an error next to each field, writing nothing", async () => {
    const before = await counts(db);
    const r = await call(
      create.action,
      post("/interventions/new", planner, {
        ...good,
        id: "Bad Id",
        label: " ",
        "cost.mode": "2000000",
        "effects[0].reach": "1.5",
        "effects[0].change.sd": "-1",
      }),
    );
    expect(r.status).toBe(400);
    const body = r.body as { errors: Record<string, string>; values: { label: string } };
    expect(body.errors).toEqual({
      id: "Använd bara små bokstäver a–z, siffror och bindestreck.",
      label: "Fyll i fältet.",
      "cost.mode": "Typvärdet måste ligga mellan minsta och största.",
      "effects[0].dimension": "Välj en dimension.",
      "effects[0].reach": "Ange en andel mellan 0 och 1.",
      "effects[0].change.sd": "Standardavvikelsen måste vara ≥ 0.",
    });
    expect(body.values.label).toBe(" ");
    expect(await counts(db)).toEqual(before);
  });

  it("adds an effect row without saving when asked to", async () => {
    const before = await counts(db);
    const r = await call(
      create.action,
      post("/interventions/new", planner, { ...good, intent: "add-effect" }),
    );
    expect(r.status).toBe(200);
    expect((r.body as { values: { effects: unknown[] } }).values.effects).toHaveLength(2);
    expect(await counts(db)).toEqual(before);
  });

  it("answers a body that is not the form it claims to be with 400", async () => {
    const request = new Request("http://localhost/interventions/new", {
      method: "POST",
      headers: { Cookie: planner.cookie, "Content-Type": "multipart/form-data; boundary=x" },
      body: "not multipart at all",
    });
    expect((await call(create.action, request)).status).toBe(400);
  });

  it("refuses an unknown intent", async () => {
    const r = await call(
      create.action,
      post("/interventions/new", planner, { ...good, intent: "drop-table" }),
    );
    expect(r.status).toBe(400);
  });

  it("saves a valid intervention with its distributions and an audit event, then redirects", async () => {
    const before = await counts(db);
    const r = await call(
      create.action,
      post("/interventions/new", planner, { ...good, "effects[0].dimension": "health" }),
    );
    expect(r.status).toBe(302);
    expect(r.location).toBe("/interventions?saved=parklek");
    const saved = await findInterventionById(db, "parklek");
    expect(saved).toMatchObject({
      label: "Parklek i Drottninghög",
      department: "Kulturförvaltningen",
      evidence_grade: "C",
      cost: { dist: "pert", min: 800000, mode: 1000000, max: 1600000 },
      attributes: { statutory: true, evidenceGrade: "C", dependsOn: [], excludes: [] },
      effects: [
        {
          segment_id: "1283:age_20_44_f",
          dimension_id: "health",
          reach: 0.2,
          change: { dist: "normal", mean: 2, sd: 1 },
        },
      ],
    });
    const after = await counts(db);
    expect(after.audit_events - before.audit_events).toBe(1);
    const audit = await db
      .selectFrom("audit_events")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: "intervention.created",
      entity_id: "parklek",
      user_id: planner.userId,
    });
    const listed = await call(list.loader, get("/interventions", viewer));
    const rows = (listed.body as Awaited<ReturnType<typeof list.loader>>).rows;
    // PERT mean (800000 + 4·1000000 + 1600000)/6 = 1066666.67
    expect(rows[0]!.cost.mean).toBeCloseTo(1066666.67, 1);
  });

  it("refuses a second intervention with the same id", async () => {
    const r = await call(
      create.action,
      post("/interventions/new", planner, { ...good, "effects[0].dimension": "health" }),
    );
    expect(r.status).toBe(400);
    expect((r.body as { errors: Record<string, string> }).errors.id).toBe(
      "Det finns redan en insats med detta id.",
    );
  });

  it("edits an intervention as a new audit event and refuses it excluding itself", async () => {
    const form = {
      ...good,
      "effects[0].dimension": "health",
      label: "Parklek",
      "cost.type": "exact",
      "cost.value": "900000",
    };
    const self = await call(
      edit.action,
      post("/interventions/parklek", planner, { ...form, excludes: "parklek" }),
      { interventionId: "parklek" },
    );
    expect(self.status).toBe(400);
    expect((self.body as { errors: Record<string, string> }).errors.excludes).toBe(
      "En insats kan inte kräva eller utesluta sig själv.",
    );
    const r = await call(edit.action, post("/interventions/parklek", planner, form), {
      interventionId: "parklek",
    });
    expect(r.status).toBe(302);
    expect(await findInterventionById(db, "parklek")).toMatchObject({ label: "Parklek", cost: 900000 });
    const audit = await db
      .selectFrom("audit_events")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("intervention.updated");
    const loaded = await call(edit.loader, get("/interventions/parklek", planner), {
      interventionId: "parklek",
    });
    expect((loaded.body as Awaited<ReturnType<typeof edit.loader>>).values.cost).toEqual({
      type: "exact",
      params: { value: "900000" },
    });
  });

  it("shows an intervention read-only to a viewer", async () => {
    const r = await call(edit.loader, get("/interventions/parklek", viewer), { interventionId: "parklek" });
    expect(r.status).toBe(200);
    expect((r.body as Awaited<ReturnType<typeof edit.loader>>).canEdit).toBe(false);
  });

  it("answers 404 for an unknown intervention and 403 to a viewer who tries to save", async () => {
    expect(
      (await call(edit.loader, get("/interventions/nope", planner), { interventionId: "nope" })).status,
    ).toBe(404);
    expect((await call(create.action, post("/interventions/new", viewer, good))).status).toBe(403);
  });
});

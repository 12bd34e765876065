import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/seed-demo";
import { freshDb } from "../../db/import/test-db";
import { indicatorLabel } from "~/utils/indicator-names";

let db: Db;
beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db, { pseudonymKey: "test" });
});
afterAll(async () => {
  await db.destroy();
});

describe("indicatorLabel", () => {
  it("names every indicator the demo seed stores in English, and keeps the Swedish label in Swedish", async () => {
    const rows = await db.selectFrom("indicators").select(["id", "label"]).execute();
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) {
      expect(indicatorLabel(r.id, r.label, "sv"), r.id).toBe(r.label);
      const en = indicatorLabel(r.id, r.label, "en");
      expect(en, r.id).not.toBe(r.label);
      expect(en, r.id).not.toMatch(/[åäö]|\b(och|med|per invånare|andel)\b/i);
    }
  });

  it("keeps the stored label of an indicator it has no English name for", () => {
    expect(indicatorLabel("my_new_indicator", "Ny indikator", "en")).toBe("Ny indikator");
  });
});

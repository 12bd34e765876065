import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/schema";
import { freshDb } from "../fresh-db";
import { listGroupsContaining, upsertAreaGroups } from "../../../db/repositories/area-group-repository";
import { upsertAreas } from "../../../db/repositories/area-repository";

let db: Db;

beforeAll(async () => {
  db = await freshDb();
  await upsertAreas(
    db,
    ["1283", "1282", "1280", "0180"].map((id) => ({
      id,
      name: `Area ${id}`,
      kind: "municipality" as const,
      parent_id: null,
      synthetic: 0 as const,
    })),
  );
});

afterAll(async () => {
  await db.destroy();
});

describe("area groups", () => {
  it("stores groups with members and finds those containing an area", async () => {
    await upsertAreaGroups(db, [
      { id: "G1", title: "Similar A", source: "test", dataset_id: null, members: ["1283", "1282"] },
      { id: "G2", title: "Similar B", source: "test", dataset_id: null, members: ["1280", "0180"] },
    ]);
    const found = await listGroupsContaining(db, "1283");
    expect(found.map((g) => [g.id, g.members])).toEqual([["G1", ["1282", "1283"]]]);
  });

  it("replaces a group's members when it is stored again", async () => {
    await upsertAreaGroups(db, [
      { id: "G1", title: "Similar A", source: "test", dataset_id: null, members: ["1283", "1280"] },
    ]);
    expect((await listGroupsContaining(db, "1283"))[0]!.members).toEqual(["1280", "1283"]);
    expect(await listGroupsContaining(db, "1282")).toEqual([]);
  });

  it("refuses a member that is not an area, writing nothing", async () => {
    await expect(
      upsertAreaGroups(db, [{ id: "G3", title: "Bad", source: "test", dataset_id: null, members: ["9999"] }]),
    ).rejects.toThrow();
    expect(await db.selectFrom("area_groups").select("id").where("id", "=", "G3").execute()).toEqual([]);
  });
});

import type { AreaGroup, Db, NewAreaGroup } from "../schema";

/** Store comparison groups with their members (one transaction; existing groups are replaced). */
export async function upsertAreaGroups(
  db: Db,
  groups: readonly (NewAreaGroup & { members: readonly string[] })[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { members, ...group } of groups) {
      await trx.deleteFrom("area_groups").where("id", "=", group.id).execute();
      await trx.insertInto("area_groups").values(group).execute();
      if (members.length > 0) {
        await trx
          .insertInto("area_group_members")
          .values(members.map((area_id) => ({ group_id: group.id, area_id })))
          .execute();
      }
    }
  });
}

/** The groups an area belongs to, with their members' ids. */
export async function listGroupsContaining(
  db: Db,
  areaId: string,
): Promise<(AreaGroup & { members: string[] })[]> {
  const groups = await db
    .selectFrom("area_groups")
    .innerJoin("area_group_members", "area_group_members.group_id", "area_groups.id")
    .selectAll("area_groups")
    .where("area_group_members.area_id", "=", areaId)
    .orderBy("area_groups.id")
    .execute();
  if (groups.length === 0) return [];
  const members = await db
    .selectFrom("area_group_members")
    .select(["group_id", "area_id"])
    .where(
      "group_id",
      "in",
      groups.map((g) => g.id),
    )
    .orderBy("area_id")
    .execute();
  return groups.map((g) => ({
    ...g,
    members: members.filter((m) => m.group_id === g.id).map((m) => m.area_id),
  }));
}

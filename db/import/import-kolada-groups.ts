import { z } from "zod";
import type { Db } from "../schema";
import { checkCellCount, mapHeader } from "./csv-header";
import { parseRow, textCell } from "./cell-schemas";
import { csvRecords, type ImportSource } from "./import-source";
import { runImport, type ImportOptions, type ImportSummary } from "./run-import";

/** Kolada's municipality-group export: id, title and the members as a JSON list. */
export const KOLADA_GROUP_COLUMNS = ["id", "title", "members"] as const;

const MembersSchema = z.array(z.object({ member_id: z.string().min(1), member_title: z.string() }));

const GroupRowSchema = z.object({
  id: textCell,
  title: textCell,
  members: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "members is not JSON" });
        return z.NEVER;
      }
    })
    .pipe(MembersSchema.min(1, { message: "a group needs at least one member" })),
});

/**
 * Import Kolada municipality groups (e.g. "Liknande kommuner", similar municipalities) as area
 * groups with their members. Every member must be a stored area; a group id already stored is an
 * error (groups are versioned by Kolada under new ids).
 */
export async function importKoladaGroups(
  db: Db,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return runImport(db, "kolada-groups", source, options, async ({ trx, datasetId, issues }) => {
    const add = issues.add.bind(issues);
    const areas = new Set((await trx.selectFrom("areas").select("id").execute()).map((a) => a.id));
    const stored = new Set((await trx.selectFrom("area_groups").select("id").execute()).map((g) => g.id));
    const label = options.provenance?.source ?? "Kolada municipality groups";
    let index: Record<string, number> | null = null;
    let width = 0;
    let rows = 0;
    let members = 0;
    const seen = new Map<string, number>();
    const groups: { id: string; title: string; members: string[] }[] = [];
    for await (const { line, cells } of csvRecords(source)) {
      if (index === null) {
        index = mapHeader(cells, KOLADA_GROUP_COLUMNS, [], issues);
        width = cells.length;
        if (index === null) return { rows: 0, inserted: 0 };
        continue;
      }
      rows++;
      if (!checkCellCount(line, cells, width, issues)) continue;
      const raw = Object.fromEntries(KOLADA_GROUP_COLUMNS.map((c) => [c, cells[index![c]!]!]));
      const row = parseRow(GroupRowSchema, raw, line, add);
      if (row === null) continue;
      const before = seen.get(row.id);
      if (before !== undefined) add(line, "id", row.id, `duplicate group id: already on line ${before}`);
      else if (stored.has(row.id)) add(line, "id", row.id, "group already stored");
      seen.set(row.id, line);
      const unknown = row.members.filter((m) => !areas.has(m.member_id)).map((m) => m.member_id);
      if (unknown.length > 0) add(line, "members", unknown.join(" "), "unknown member area(s)");
      groups.push({
        id: row.id,
        title: row.title,
        members: [...new Set(row.members.map((m) => m.member_id))],
      });
    }
    if (index === null) add(1, "", "", "file has no header line");
    if (!issues.empty) return { rows, inserted: 0 };
    for (const g of groups) {
      await trx
        .insertInto("area_groups")
        .values({ id: g.id, title: g.title, source: label, dataset_id: datasetId })
        .execute();
      await trx
        .insertInto("area_group_members")
        .values(g.members.map((area_id) => ({ group_id: g.id, area_id })))
        .execute();
      members += g.members.length;
    }
    return { rows, inserted: groups.length, details: { members } };
  });
}

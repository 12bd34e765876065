import { CliInputError, type Command, parseCommandArgs } from "../cli";
import { commandUsage } from "../command-usage";
import { openMigratedDb } from "../../db/import/open-database";
import { OBSERVATION_COLUMNS } from "../../db/import/import-observations";
import { findObservations } from "../../db/repositories/observation-repository";
import { suppressSmallCells } from "../../engine/disclosure";

const usage = commandUsage("export");

/** A CSV cell: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvCell(v: string | number | null): string {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * `livsval export --kind observations [--area ID] [--format json|csv]`: what is stored. JSON (default)
 * gives each observation with its dataset's provenance (source, licence, synthetic flag, note); CSV is
 * the observations import format (data/README.md) with the dataset's source in `source`, so an export
 * can be imported elsewhere.
 */
export const run: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      kind: { type: "string" },
      area: { type: "string" },
      format: { type: "string", default: "json" },
      database: { type: "string" },
    },
    usage,
  );
  if (positionals.length > 0) throw new CliInputError(`unexpected argument "${positionals[0]}" (${usage})`);
  if (values.kind !== "observations") throw new CliInputError(`--kind must be observations\n${usage}`);
  if (values.format !== "json" && values.format !== "csv") {
    throw new CliInputError(`--format must be json or csv, not "${values.format}"`);
  }
  const db = await openMigratedDb(values.database);
  try {
    if (values.area !== undefined) {
      const area = await db.selectFrom("areas").select("id").where("id", "=", values.area).executeTakeFirst();
      if (!area) throw new CliInputError(`--area: no area "${values.area}"`);
    }
    const all = await findObservations(db, values.area !== undefined ? { areaId: values.area } : {});
    // Disclosure control (DESIGN §2): a figure resting on fewer than 10 respondents never leaves. In
    // JSON the row stays with value and u blanked and `suppressed: true`; the CSV (an import file,
    // where a value is required) leaves such rows out. Either way stderr says how many.
    // Rows without n are not samples (register figures): nothing to suppress.
    const controlled = all.map((o) => {
      if (o.n === null) return { ...o, suppressed: false as boolean };
      const [c] = suppressSmallCells([{ ...o, n: o.n }], { fields: ["value", "u"] });
      return { ...o, value: c!.value, u: c!.u, suppressed: c!.suppressed === true };
    });
    const suppressedCount = controlled.filter((o) => o.suppressed).length;
    if (suppressedCount > 0) {
      process.stderr.write(
        `livsval export: ${suppressedCount} observation(s) with n < 10 suppressed (disclosure control)\n`,
      );
    }
    const rows = controlled;
    const datasets = new Map((await db.selectFrom("datasets").selectAll().execute()).map((d) => [d.id, d]));
    if (values.format === "csv") {
      const lines = [[...OBSERVATION_COLUMNS, "source"].join(",")];
      for (const o of rows) {
        if (o.suppressed) continue;
        lines.push(
          [
            o.indicator_id,
            o.area_id,
            o.group_code,
            o.period,
            o.value,
            o.u,
            o.n,
            datasets.get(o.dataset_id)!.source,
          ]
            .map(csvCell)
            .join(","),
        );
      }
      process.stdout.write(lines.join("\n") + "\n");
      return undefined;
    }
    return rows.map((o) => {
      const d = datasets.get(o.dataset_id)!;
      return {
        indicator: o.indicator_id,
        area: o.area_id,
        group: o.group_code,
        period: o.period,
        value: o.value,
        u: o.u,
        n: o.n,
        ...(o.suppressed ? { suppressed: true } : {}),
        dataset: o.dataset_id,
        source: d.source,
        licence: d.licence,
        synthetic: d.synthetic === 1,
        note: d.note,
      };
    });
  } finally {
    await db.destroy();
  }
};

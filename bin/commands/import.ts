import { CliInputError, type Command, parseCommandArgs } from "../cli";
import { commandUsage } from "../command-usage";
import { importKolada } from "../../db/import/import-kolada";
import { importKoladaGroups } from "../../db/import/import-kolada-groups";
import { importObservations } from "../../db/import/import-observations";
import { importOecdBli } from "../../db/import/import-oecd-bli";
import { importScbPopulation } from "../../db/import/import-scb-population";
import {
  configuredPseudonymKey,
  importSurvey,
  SurveyImportArgsSchema,
  surveyOptionsFrom,
} from "../../db/import/import-survey";
import { openMigratedDb } from "../../db/import/open-database";
import { IMPORT_KINDS, type ImportKind, type ImportOptions } from "../../db/import/run-import";

const usage = commandUsage("import");

/** The flag each survey option comes from, for messages. */
const SURVEY_FLAGS = {
  instrument: "instrument",
  label: "label",
  idColumn: "id",
  weightColumn: "weight",
  strataColumn: "strata",
  clusterColumn: "cluster",
  areaColumn: "area",
  groupColumn: "group",
  items: "items",
  scaleMin: "scale-min",
  scaleMax: "scale-max",
} as const;

function num(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(v))
    throw new CliInputError(`--${name}: "${raw}" is not a number`);
  return v;
}

/** `livsval import <file> --kind K`: validate and store a data file (see data/README.md for the formats). */
export const run: Command = async (argv) => {
  const parsed = parseCommandArgs(
    argv,
    {
      kind: { type: "string" },
      database: { type: "string" },
      "max-bytes": { type: "string" },
      source: { type: "string" },
      licence: { type: "string" },
      retrieved: { type: "string" },
      synthetic: { type: "boolean" },
      note: { type: "string" },
      user: { type: "string" },
      indicator: { type: "string" },
      "assumed-relative-u": { type: "string" },
      location: { type: "string" },
      period: { type: "string" },
      instrument: { type: "string" },
      label: { type: "string" },
      id: { type: "string" },
      weight: { type: "string" },
      strata: { type: "string" },
      cluster: { type: "string" },
      area: { type: "string" },
      group: { type: "string" },
      items: { type: "string" },
      "scale-min": { type: "string" },
      "scale-max": { type: "string" },
    },
    usage,
  );
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) throw new CliInputError(`give exactly one file\n${usage}`);
  const file = positionals[0]!;
  if (!v.kind || !(IMPORT_KINDS as readonly string[]).includes(v.kind)) {
    throw new CliInputError(`--kind must be one of ${IMPORT_KINDS.join(", ")}\n${usage}`);
  }
  const kind = v.kind as ImportKind;
  if (v.retrieved !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.retrieved)) {
    throw new CliInputError(`--retrieved: "${v.retrieved}" is not a date YYYY-MM-DD`);
  }
  const maxBytes = num("max-bytes", v["max-bytes"]);
  const base: ImportOptions = {
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    userId: v.user ?? null,
    provenance: {
      ...(v.source !== undefined ? { source: v.source } : {}),
      ...(v.licence !== undefined ? { licence: v.licence } : {}),
      ...(v.retrieved !== undefined ? { retrieved: v.retrieved } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
      synthetic: v.synthetic ?? false,
    },
  };
  const assumedRelativeU = num("assumed-relative-u", v["assumed-relative-u"]);
  const source = { path: file };
  const db = await openMigratedDb(v.database);
  try {
    switch (kind) {
      case "observations":
        return await importObservations(db, source, base);
      case "scb-population":
        return await importScbPopulation(db, source, base);
      case "kolada-groups":
        return await importKoladaGroups(db, source, base);
      case "kolada":
        return await importKolada(db, source, {
          ...base,
          ...(v.indicator !== undefined ? { indicator: v.indicator } : {}),
          ...(assumedRelativeU !== undefined ? { assumedRelativeU } : {}),
        });
      case "oecd-bli": {
        let locations: Record<string, string> | undefined;
        if (v.location !== undefined) {
          locations = {};
          for (const pair of v.location.split(",")) {
            const [loc, area] = pair.split("=").map((s) => s.trim());
            if (!loc || !area) throw new CliInputError(`--location: "${pair}" is not LOCATION=AREA`);
            locations[loc] = area;
          }
        }
        return await importOecdBli(db, source, {
          ...base,
          ...(locations ? { locations } : {}),
          ...(v.period !== undefined ? { period: v.period } : {}),
          ...(assumedRelativeU !== undefined ? { assumedRelativeU } : {}),
        });
      }
      case "survey": {
        if (!v.instrument) throw new CliInputError(`--kind survey needs --instrument ID\n${usage}`);
        const args = SurveyImportArgsSchema.safeParse({
          instrument: v.instrument,
          label: v.label,
          idColumn: v.id,
          weightColumn: v.weight,
          strataColumn: v.strata,
          clusterColumn: v.cluster,
          areaColumn: v.area,
          groupColumn: v.group,
          items: v.items,
          scaleMin: v["scale-min"],
          scaleMax: v["scale-max"],
        });
        if (!args.success) {
          const issue = args.error.issues[0]!;
          const flag = SURVEY_FLAGS[String(issue.path[0]) as keyof typeof SURVEY_FLAGS];
          throw new CliInputError(`--${flag}: ${issue.message}`);
        }
        return await importSurvey(db, source, {
          ...base,
          ...surveyOptionsFrom(args.data),
          ...configuredPseudonymKey(),
        });
      }
    }
  } finally {
    await db.destroy();
  }
};

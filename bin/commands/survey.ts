import { commandUsage } from "../command-usage";
import { DEFAULT_DISCLOSURE_THRESHOLD, suppressComplementary } from "../../engine/disclosure";
import { EngineInputError } from "../../engine/errors";
import {
  LONELY_PSU_OPTIONS,
  surveyDesign,
  surveyMean,
  type LonelyPsu,
  type ShownSurveyEstimate,
} from "../../engine/measurement/survey";
import {
  CliInputError,
  columnIndex,
  numericCell,
  parseCommandArgs,
  readCsv,
  type Command,
  type CsvTable,
} from "../cli";

const usage = commandUsage("survey");

/** The one data file of a command, read and checked to have rows. */
export async function readDataFile(positionals: string[], usageText: string): Promise<CsvTable> {
  if (positionals.length !== 1) throw new CliInputError(usageText);
  const table = await readCsv(positionals[0]!);
  if (table.rows.length === 0) throw new CliInputError(`${table.path}: no data rows under the header`);
  return table;
}

/** A numeric column where an empty or NA cell is a missing value (null). */
export function optionalNumbers(table: CsvTable, name: string): (number | null)[] {
  const col = columnIndex(table, name);
  return table.rows.map((row) => numericCell(table, row, col, true));
}

/**
 * Sampling weights from `--weight COL` (each > 0) or `--prob COL` (inclusion probabilities in (0, 1],
 * weight = 1/prob); all 1 without either.
 */
export function readWeights(table: CsvTable, weight?: string, prob?: string): number[] {
  if (weight !== undefined && prob !== undefined)
    throw new CliInputError("give --weight or --prob, not both");
  const name = weight ?? prob;
  if (name === undefined) return table.rows.map(() => 1);
  const col = columnIndex(table, name);
  return table.rows.map((row) => {
    const v = numericCell(table, row, col)!;
    const where = `${table.path}: line ${row.line}, column "${name}"`;
    if (prob !== undefined) {
      if (!(v > 0 && v <= 1))
        throw new CliInputError(`${where}: inclusion probability ${v} is not in (0, 1]`);
      return 1 / v;
    }
    if (!(v > 0)) throw new CliInputError(`${where}: weight ${v} must be > 0`);
    return v;
  });
}

/** A label column; empty cells are refused (design columns) or null (`allowEmpty`, e.g. a by-variable). */
export function labels(table: CsvTable, name: string, allowEmpty: true): (string | null)[];
export function labels(table: CsvTable, name: string, allowEmpty?: false): string[];
export function labels(table: CsvTable, name: string, allowEmpty = false): (string | null)[] {
  const col = columnIndex(table, name);
  return table.rows.map((row) => {
    const cell = (row.cells[col] ?? "").trim();
    if (cell === "" || cell === "NA") {
      if (allowEmpty) return null;
      throw new CliInputError(`${table.path}: line ${row.line}, column "${name}": empty cell`);
    }
    return cell;
  });
}

/** `--min-n`: the disclosure threshold, a whole number ≥ 0 (default 10). */
export function readThreshold(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DISCLOSURE_THRESHOLD;
  const t = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(t) || t < 0) {
    throw new CliInputError(`--min-n: "${raw}" is not a whole number ≥ 0`);
  }
  return t;
}

/**
 * `livsval survey <data.csv> --value COL …`: the weighted mean of a column (a proportion for a 0/1
 * column) with its design-based standard error (Taylor linearisation, PSUs with replacement, as R's
 * survey::svymean / svyby), overall (group "all") or per `--by` group. Empty or NA values are missing
 * and left out (na.rm = TRUE); rows with an empty `--by` cell belong to no group but stay in the
 * design. Cells with n below `--min-n` (default 10) are suppressed, and with `--by` so is a complementary
 * group when one alone would be (reason "complementary"), since the overall mean is a margin.
 * Prints [{group, estimate, se, n, suppressed?, reason?}].
 */
export const run: Command = async (argv): Promise<ShownSurveyEstimate[]> => {
  const { values: flags, positionals } = parseCommandArgs(
    argv,
    {
      value: { type: "string" },
      weight: { type: "string" },
      prob: { type: "string" },
      strata: { type: "string" },
      cluster: { type: "string" },
      by: { type: "string" },
      "lonely-psu": { type: "string" },
      "min-n": { type: "string" },
    },
    usage,
  );
  if (flags.value === undefined) throw new CliInputError(`--value is required; ${usage}`);
  const lonelyPsu = (flags["lonely-psu"] ?? "fail") as LonelyPsu;
  if (!LONELY_PSU_OPTIONS.includes(lonelyPsu)) {
    throw new CliInputError(`--lonely-psu: "${lonelyPsu}" is not one of ${LONELY_PSU_OPTIONS.join(", ")}`);
  }
  const disclosureThreshold = readThreshold(flags["min-n"]);
  const table = await readDataFile(positionals, usage);

  const values = optionalNumbers(table, flags.value);
  const design = surveyDesign({
    weights: readWeights(table, flags.weight, flags.prob),
    strata: flags.strata === undefined ? undefined : labels(table, flags.strata),
    clusters: flags.cluster === undefined ? undefined : labels(table, flags.cluster),
    lonelyPsu,
  });
  const by = flags.by === undefined ? undefined : labels(table, flags.by, true);
  try {
    const rows = surveyMean({ design, values, by, disclosureThreshold });
    // The overall mean (the same command without --by) is a margin of the groups: complement a lone
    // suppressed group so that it cannot be recovered by subtraction.
    return by === undefined
      ? rows
      : suppressComplementary(rows, { fields: ["estimate", "se"], threshold: disclosureThreshold });
  } catch (e) {
    if (e instanceof EngineInputError && e.message.includes("only one PSU")) {
      throw new CliInputError(`${e.message}: pass --lonely-psu`);
    }
    throw e;
  }
};

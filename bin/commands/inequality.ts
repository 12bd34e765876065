import {
  suppressComplementary,
  suppressSmallCells,
  type DisclosureControlled,
} from "../../engine/disclosure";
import { atkinson, gini, shareBelow, theil, theilDecomposition } from "../../engine/equity";
import { CliInputError, columnIndex, parseCommandArgs, type Command, type CsvTable } from "../cli";
import { commandUsage } from "../command-usage";
import { labels, optionalNumbers, readDataFile, readThreshold, readWeights } from "./survey";

const usage = commandUsage("inequality");

interface InequalitySummary {
  n: number;
  mean: number;
  /** EU-SILC weighted Gini, a fraction in 0..1. */
  gini: number;
  /** Atkinson index per ε, keyed by ε as written by JavaScript ("0.5", "1", "2"). */
  atkinson: Record<string, number>;
  /** Theil's T. */
  theil: number;
  /** With --below: the weighted share strictly below the threshold. */
  shareBelow?: { threshold: number; share: number };
}

interface TheilGroupRow {
  group: string;
  n: number;
  populationShare: number;
  mean: number;
  share: number;
  theil: number;
}

export type InequalityResult = DisclosureControlled<
  InequalitySummary,
  "mean" | "gini" | "atkinson" | "theil" | "shareBelow"
> & {
  theilDecomposition?: {
    between: number | null;
    within: number | null;
    byGroup: DisclosureControlled<TheilGroupRow, "populationShare" | "mean" | "share" | "theil">[];
  };
};

/** `--epsilon 0.5,1,2`: inequality aversions, each a finite number ≥ 0. */
function readEpsilons(raw: string | undefined): number[] {
  const parts = (raw ?? "0.5,1,2").split(",").map((s) => s.trim());
  return parts.map((p) => {
    const e = Number(p);
    if (p === "" || !Number.isFinite(e) || e < 0)
      throw new CliInputError(`--epsilon: "${p}" is not a number ≥ 0`);
    return e;
  });
}

/** Refuse, naming line and column, a value the measures cannot take. */
function checkValues(table: CsvTable, name: string, values: (number | null)[], positive: boolean): void {
  const col = columnIndex(table, name);
  values.forEach((v, i) => {
    if (v === null) return;
    const where = `${table.path}: line ${table.rows[i]!.line}, column "${table.header[col]}"`;
    if (positive && !(v > 0)) {
      throw new CliInputError(
        `${where}: ${v} must be > 0 for the Atkinson index with ε > 0 (use --epsilon 0)`,
      );
    }
    if (v < 0) throw new CliInputError(`${where}: ${v} must be ≥ 0 for Theil's T`);
  });
}

/**
 * `livsval inequality <data.csv> --value COL …`: inequality of a column, weighted by `--weight`:
 * {n, mean, gini (EU-SILC definition as laeken::gini, a fraction), atkinson {ε: A_ε}, theil}, with
 * `--below X` the share below X, with `--by COL` Theil's T split between and within the groups.
 * Empty or NA values are left out. With n below `--min-n` (default 10) the figures are suppressed,
 * and so are those of a `--by` group (its between/within split too, which would reveal it), with a
 * complementary group when one alone would be suppressed (the overall mean would reveal it).
 */
export const run: Command = async (argv): Promise<InequalityResult> => {
  const { values: flags, positionals } = parseCommandArgs(
    argv,
    {
      value: { type: "string" },
      weight: { type: "string" },
      epsilon: { type: "string" },
      below: { type: "string" },
      by: { type: "string" },
      "min-n": { type: "string" },
    },
    usage,
  );
  if (flags.value === undefined) throw new CliInputError(`--value is required; ${usage}`);
  const epsilons = readEpsilons(flags.epsilon);
  const below = flags.below === undefined ? undefined : Number(flags.below);
  if (below !== undefined && (flags.below!.trim() === "" || !Number.isFinite(below))) {
    throw new CliInputError(`--below: "${flags.below}" is not a number`);
  }
  const threshold = readThreshold(flags["min-n"]);
  const table = await readDataFile(positionals, usage);

  const all = optionalNumbers(table, flags.value);
  checkValues(
    table,
    flags.value,
    all,
    epsilons.some((e) => e > 0),
  );
  const allWeights = readWeights(table, flags.weight);
  const allGroups = flags.by === undefined ? undefined : labels(table, flags.by, true);
  const keep = all.map((v, i) => v !== null && (allGroups === undefined || allGroups[i] !== null));
  const x = all.filter((_, i) => keep[i]) as number[];
  const w = allWeights.filter((_, i) => keep[i]);
  if (x.length === 0) throw new CliInputError(`${table.path}: column "${flags.value}" has no values`);

  const summary: InequalitySummary = {
    n: x.length,
    mean: x.reduce((s, v, i) => s + v * w[i]!, 0) / w.reduce((s, v) => s + v, 0),
    gini: gini(x, w),
    atkinson: Object.fromEntries(epsilons.map((e) => [String(e), atkinson(x, w, e)])),
    theil: theil(x, w),
    ...(below === undefined ? {} : { shareBelow: { threshold: below, share: shareBelow(x, w, below) } }),
  };
  const [shown] = suppressSmallCells([summary], {
    fields: ["mean", "gini", "atkinson", "theil", ...(below === undefined ? [] : ["shareBelow" as const])],
    threshold,
  });
  if (allGroups === undefined) return shown!;

  const groups = allGroups.filter((_, i) => keep[i]) as string[];
  const d = theilDecomposition(x, w, groups);
  const fields = ["populationShare", "mean", "share", "theil"] as const;
  // The overall mean is a margin: a lone suppressed group gets a complementary one.
  const byGroup = suppressComplementary(
    suppressSmallCells(
      d.byGroup.map((g) => ({ ...g, n: groups.filter((label) => label === g.group).length })),
      { fields, threshold },
    ),
    { fields, threshold },
  );
  // With one group suppressed, between and within would let a reader back out its figures.
  const hidden = shown!.suppressed === true || byGroup.some((g) => g.suppressed);
  return {
    ...shown!,
    theilDecomposition: {
      between: hidden ? null : d.between,
      within: hidden ? null : d.within,
      byGroup,
    },
  };
};

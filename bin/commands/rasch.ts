import { EngineInputError } from "../../engine/errors";
import { MAX_CATEGORY, raschAnalysis, type RaschAnalysis } from "../../engine/measurement/rasch";
import { commandUsage } from "../command-usage";
import { CliInputError, columnIndex, numericCell, parseCommandArgs, type Command } from "../cli";
import { readDataFile } from "./survey";

const usage = commandUsage("rasch");

/** The `rasch` command's output: DESIGN §7 (items, persons, fit, reliability) and the 0–100 transform. */
export type RaschResult = RaschAnalysis & { source: { file: string; persons: number; items: number } };

/**
 * `livsval rasch <responses.csv> [--model rasch|pcm] [--id COL]`: calibrate a dichotomous Rasch
 * model or a partial credit model (the default; with 0/1 items it is the Rasch model) by CML, and
 * measure persons by WLE. Items are all columns except `--id`; cells are integers 0..m, empty or
 * NA = missing. Persons without `--id` are numbered by data row (1, 2, …). The scale is identified
 * by a mean item location of 0 (`--identification erm` gives eRm's Σβ = 0 instead). An item with
 * an unobserved category is refused unless `--collapse` renumbers its observed categories 0, 1, …
 * (listed under `collapsed` in the output).
 *
 * Persons also get a 0–100 score: the WLE of the lowest raw score on all items maps to 0 and of
 * the highest to 100 (`transform` in the output states the line); SEs scale by the same factor.
 */
export const run: Command = async (argv): Promise<RaschResult> => {
  const { values: flags, positionals } = parseCommandArgs(
    argv,
    {
      model: { type: "string", default: "pcm" },
      id: { type: "string" },
      identification: { type: "string", default: "mean-location" },
      collapse: { type: "boolean", default: false },
    },
    usage,
  );
  const model = flags.model;
  if (model !== "rasch" && model !== "pcm")
    throw new CliInputError(`--model: "${model}" is not rasch or pcm`);
  const identification = flags.identification;
  if (identification !== "mean-location" && identification !== "erm") {
    throw new CliInputError(`--identification: "${identification}" is not mean-location or erm`);
  }
  const table = await readDataFile(positionals, usage);
  const idCol = flags.id === undefined ? -1 : columnIndex(table, flags.id);
  const itemCols = table.header.map((_, k) => k).filter((k) => k !== idCol);
  if (itemCols.length < 2) {
    throw new CliInputError(`${table.path}: at least two item columns are needed besides the id column`);
  }
  const limit = model === "rasch" ? 1 : MAX_CATEGORY;
  const responses = table.rows.map((row) =>
    itemCols.map((k) => {
      const v = numericCell(table, row, k, true);
      if (v === null) return null;
      if (!Number.isInteger(v) || v < 0 || v > limit) {
        const what =
          model === "rasch" ? "a dichotomous item takes 0 or 1" : `categories are integers 0..${limit}`;
        throw new CliInputError(
          `${table.path}: line ${row.line}, column "${table.header[k]}": ${row.cells[k]!.trim()} is out of range (${what})`,
        );
      }
      return v;
    }),
  );
  const ids = table.rows.map((row, r) => (idCol === -1 ? String(r + 1) : row.cells[idCol]!.trim()));
  let result: RaschAnalysis;
  try {
    result = raschAnalysis(
      { items: itemCols.map((k) => table.header[k]!), responses },
      {
        model,
        ids,
        identification: identification === "erm" ? "erm" : "meanLocation",
        collapseUnobserved: flags.collapse,
      },
    );
  } catch (e) {
    // The engine says "collapse it"; at the terminal that is a flag away.
    if (e instanceof EngineInputError && !flags.collapse && / is not observed among /.test(e.message)) {
      throw new CliInputError(`${e.message}; --collapse renumbers each item's observed categories 0, 1, …`);
    }
    throw e;
  }
  return { ...result, source: { file: table.path, persons: responses.length, items: itemCols.length } };
};

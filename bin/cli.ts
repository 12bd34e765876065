import { readFile, stat } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ZodError } from "zod";
import { EngineInputError } from "../engine/errors";
import { csvTextRecords } from "../db/import/import-source";
import { InputError as CliInputError } from "../db/import/input-error";

/** Bad input from the person at the terminal: printed as one line on stderr, exit code 2. */
export { InputError as CliInputError } from "../db/import/input-error";

/** A CLI command: parses its own arguments, returns the JSON to print on stdout. */
export type Command = (argv: string[]) => Promise<unknown>;

/** Largest input file the CLI reads (bytes); larger files are refused with a message. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Read a whole text file, refusing missing, empty or oversize files with a clear message. */
export async function readInputFile(path: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new CliInputError(`${path}: no such file`);
  }
  if (size > maxBytes) {
    throw new CliInputError(`${path}: file is ${size} bytes, more than the limit of ${maxBytes} bytes`);
  }
  const text = await readFile(path, "utf8");
  if (text.trim() === "") throw new CliInputError(`${path}: file is empty`);
  return text;
}

/** A parsed CSV file: its header and its data rows, each with the 1-based line number it came from. */
export interface CsvTable {
  path: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Parse CSV text (comma, semicolon or tab separated: the delimiter is sniffed from the header line)
 * with the import's reader, so a row's line is the physical line it starts on, however many quoted
 * line breaks (LF or CRLF) come before it. Throws a CliInputError naming the line on an unclosed
 * quote or a row with the wrong number of cells.
 */
export function parseCsv(text: string, path: string): CsvTable {
  const records = csvTextRecords(text, path);
  if (records.length === 0) throw new CliInputError(`${path}: file is empty`);
  const header = records[0]!.cells.map((h) => h.trim());
  const rows = records.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.length) {
      throw new CliInputError(
        `${path}: line ${line}: has ${cells.length} cells, the header has ${header.length}`,
      );
    }
    return { line, cells };
  });
  return { path, header, rows };
}

/** Read and parse a CSV file ({@link readInputFile} then {@link parseCsv}). */
export async function readCsv(path: string): Promise<CsvTable> {
  return parseCsv(await readInputFile(path), path);
}

/** The index of a named column, or a CliInputError that lists the columns there are. */
export function columnIndex(table: CsvTable, name: string): number {
  const i = table.header.indexOf(name);
  if (i === -1) {
    throw new CliInputError(`${table.path}: no column "${name}" (columns: ${table.header.join(", ")})`);
  }
  return i;
}

/**
 * A numeric cell, or a CliInputError naming the line and column. Empty cells give `null`
 * when `allowEmpty`, else an error.
 */
export function numericCell(
  table: CsvTable,
  row: { line: number; cells: string[] },
  col: number,
  allowEmpty = false,
): number | null {
  const raw = (row.cells[col] ?? "").trim();
  if (raw === "" || raw === "NA") {
    if (allowEmpty) return null;
    throw new CliInputError(`${table.path}: line ${row.line}, column "${table.header[col]}": empty cell`);
  }
  const v = Number(raw);
  if (!Number.isFinite(v)) {
    throw new CliInputError(
      `${table.path}: line ${row.line}, column "${table.header[col]}": "${raw}" is not a number`,
    );
  }
  return v;
}

/** Turn any error from a command into the one line a person reads, or rethrow a bug. */
export function describeInputError(e: unknown): string | null {
  if (e instanceof CliInputError || e instanceof EngineInputError) return e.message;
  if (e instanceof ZodError) {
    return e.issues
      .map(
        (i) =>
          `${i.path.map((p, k) => (typeof p === "number" ? `[${p}]` : (k ? "." : "") + String(p))).join("")}: ${i.message}`,
      )
      .join("; ");
  }
  return null;
}

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parse a command's arguments strictly (node:util parseArgs, positionals allowed). A bad flag is
 * bad input: one line on stderr with the usage after it, exit 2.
 */
export function parseCommandArgs<T extends OptionsConfig>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliInputError(`${(e as Error).message.split("\n")[0]} (${usage.replace(/\s*\n\s*/g, " ")})`);
  }
}

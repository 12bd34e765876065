import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { CliInputError } from "../../bin/cli";

/** Where an import reads from: a file on disk, or text already in memory (seeds, tests). */
export type ImportSource = { path: string } | { name: string; text: string };

/** Default largest import file (bytes): 200 MB. Override per import with `maxBytes`. */
export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** A name for messages: the path as given, or the in-memory source's name. */
export function sourceName(source: ImportSource): string {
  return "path" in source ? source.path : source.name;
}

/** The file name stored with a dataset (no directories, which differ between machines). */
export function sourceFileName(source: ImportSource): string {
  return "path" in source ? basename(source.path) : source.name;
}

/** Size in bytes; refuses a missing file, an empty one, or one above `maxBytes`, with a message. */
export async function checkSourceSize(source: ImportSource, maxBytes: number): Promise<number> {
  let size: number;
  if ("path" in source) {
    try {
      size = (await stat(source.path)).size;
    } catch {
      throw new CliInputError(`${source.path}: no such file`);
    }
  } else {
    size = Buffer.byteLength(source.text, "utf8");
  }
  if (size > maxBytes) {
    throw new CliInputError(
      `${sourceName(source)}: file is ${size} bytes, more than the import limit of ${maxBytes} bytes (set --max-bytes to raise it)`,
    );
  }
  if (size === 0) throw new CliInputError(`${sourceName(source)}: file is empty`);
  return size;
}

/** SHA-256 of the source's bytes (hex), streamed so a large file is never held in memory. */
export async function hashSource(source: ImportSource): Promise<string> {
  const hash = createHash("sha256");
  if ("path" in source) {
    for await (const chunk of createReadStream(source.path)) hash.update(chunk as Buffer);
  } else {
    hash.update(source.text, "utf8");
  }
  return hash.digest("hex");
}

async function firstLine(source: ImportSource): Promise<string> {
  let head: string;
  if ("path" in source) {
    const fh = await open(source.path, "r");
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead).toString("utf8");
    } finally {
      await fh.close();
    }
  } else {
    head = source.text.slice(0, 64 * 1024);
  }
  const nl = head.search(/\r?\n/);
  return nl === -1 ? head : head.slice(0, nl);
}

/** Comma, semicolon or tab: whichever splits the header line into the most cells. */
function sniffDelimiter(header: string): string {
  return [",", ";", "\t"].reduce((best, d) =>
    header.split(d).length > header.split(best).length ? d : best,
  );
}

/** One CSV record with the 1-based line it ends on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Stream the records of a CSV source (delimiter sniffed from the header line, BOM stripped, empty
 * lines skipped). The first record yielded is the header. Malformed CSV (an unclosed quote) is a
 * CliInputError naming the line; rows with a wrong cell count are yielded as they are, for the
 * caller to report with the rest.
 */
export async function* csvRecords(source: ImportSource): AsyncGenerator<CsvRecord> {
  const delimiter = sniffDelimiter(await firstLine(source));
  const input =
    "path" in source ? createReadStream(source.path) : Readable.from([Buffer.from(source.text, "utf8")]);
  const parser = input.pipe(
    parse({
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (e) {
    if (e instanceof CliInputError) throw e;
    throw new CliInputError(`${sourceName(source)}: ${(e as Error).message}`);
  } finally {
    input.destroy();
  }
}

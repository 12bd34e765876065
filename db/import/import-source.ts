import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { InputError } from "./input-error";

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
      throw new InputError(`${source.path}: no such file`);
    }
  } else {
    size = Buffer.byteLength(source.text, "utf8");
  }
  if (size > maxBytes) {
    throw new InputError(
      `${sourceName(source)}: file is ${size} bytes, more than the import limit of ${maxBytes} bytes (set --max-bytes to raise it)`,
    );
  }
  if (size === 0) throw new InputError(`${sourceName(source)}: file is empty`);
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
  return lineOne(head);
}

function lineOne(head: string): string {
  const nl = head.search(/\r?\n/);
  return nl === -1 ? head : head.slice(0, nl);
}

/** Comma, semicolon or tab: whichever splits the header line into the most cells. */
function sniffDelimiter(header: string): string {
  return [",", ";", "\t"].reduce((best, d) =>
    header.split(d).length > header.split(best).length ? d : best,
  );
}

/** One CSV record with the 1-based physical line it starts on (the header is line 1). */
export interface CsvRecord {
  /** Counted in LF line breaks of the file: CRLF is one break, also inside a quoted cell. */
  line: number;
  cells: string[];
}

/** Records per yielded batch: amortises the per-await cost over many rows. */
const BATCH_RECORDS = 2000;

/**
 * Split one complete CSV record (RFC 4180: fields may be quoted, `""` is a quote inside a quoted
 * field, quoted fields may hold the delimiter and line breaks). Returns null when a quoted field is
 * not closed. A quote inside an unquoted field is kept as written.
 */
export function splitCsvRecord(text: string, delimiter: string): string[] | null {
  if (!text.includes('"')) return text.split(delimiter);
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let cell = "";
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return null;
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const d = text.indexOf(delimiter, i);
      cell += d === -1 ? text.slice(i) : text.slice(i, d); // text after the closing quote, if any
      cells.push(cell);
      if (d === -1) return cells;
      i = d + delimiter.length;
    } else {
      const d = text.indexOf(delimiter, i);
      if (d === -1) {
        cells.push(text.slice(i));
        return cells;
      }
      cells.push(text.slice(i, d));
      i = d + delimiter.length;
    }
  }
}

/** True when a record's text has an unclosed quoted field (an odd number of quotes). */
function quoteOpen(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
}

/**
 * Assembles CSV records from text pushed in chunks: lines split at LF (a CR before it dropped, so
 * CRLF is one line break, also inside a quoted cell), empty lines skipped, a record with quoted line
 * breaks joined and numbered by the physical line it starts on.
 */
class CsvRecordReader {
  #records: CsvRecord[] = [];
  #carry = "";
  #line = 0;
  #pending: { text: string; start: number } | null = null;
  #first = true;

  constructor(private readonly delimiter: string) {}

  /** Records assembled and not yet drained. */
  get size(): number {
    return this.#records.length;
  }

  push(chunk: string): void {
    let text = this.#carry + chunk;
    if (this.#first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.#first = false;
    }
    let from = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
      this.#take(text.slice(from, nl));
      from = nl + 1;
    }
    this.#carry = text.slice(from);
  }

  /** Take the last line; an input ending inside a quoted field is a InputError naming its line. */
  end(name: string): void {
    if (this.#carry !== "") this.#take(this.#carry);
    this.#carry = "";
    if (this.#pending) {
      throw new InputError(`${name}: line ${this.#pending.start}: a quoted field is not closed`);
    }
  }

  drain(): CsvRecord[] {
    const out = this.#records;
    this.#records = [];
    return out;
  }

  #take(text: string): void {
    this.#line++;
    if (text.endsWith("\r")) text = text.slice(0, -1);
    const pending = this.#pending;
    if (pending) {
      pending.text += "\n" + text;
      if (!quoteOpen(pending.text)) {
        // a record with quoted line breaks is reported where it starts, as an editor shows it
        this.#records.push({ line: pending.start, cells: splitCsvRecord(pending.text, this.delimiter)! });
        this.#pending = null;
      }
      return;
    }
    if (text === "") return;
    if (text.includes('"') && quoteOpen(text)) {
      this.#pending = { text, start: this.#line };
      return;
    }
    this.#records.push({ line: this.#line, cells: splitCsvRecord(text, this.delimiter)! });
  }
}

/**
 * Stream the records of a CSV source in batches (delimiter sniffed from the header line, BOM
 * stripped, empty lines skipped, CRLF or LF). The first record of the first batch is the header.
 * An unclosed quote is a InputError naming the line it starts on; rows with a wrong cell count
 * are yielded as they are, for the caller to report with the rest.
 */
export async function* csvBatches(source: ImportSource): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvRecordReader(sniffDelimiter(await firstLine(source)));
  const input: AsyncIterable<string> =
    "path" in source
      ? (createReadStream(source.path, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>)
      : (async function* () {
          yield source.text;
        })();
  for await (const chunk of input) {
    reader.push(chunk);
    if (reader.size >= BATCH_RECORDS) yield reader.drain();
  }
  reader.end(sourceName(source));
  if (reader.size > 0) yield reader.drain();
}

/** All records of CSV text at once, read as {@link csvBatches} reads a file (the CLI's analysis commands). */
export function csvTextRecords(text: string, name: string): CsvRecord[] {
  const reader = new CsvRecordReader(sniffDelimiter(lineOne(text.slice(0, 64 * 1024))));
  reader.push(text);
  reader.end(name);
  return reader.drain();
}

/** The records of a CSV source one by one ({@link csvBatches} flattened). */
export async function* csvRecords(source: ImportSource): AsyncGenerator<CsvRecord> {
  for await (const batch of csvBatches(source)) yield* batch;
}

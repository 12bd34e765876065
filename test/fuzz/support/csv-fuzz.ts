import fc from "fast-check";

/*
 * Mutations of a small valid CSV for the import and CLI fuzz tests: a file is a grid (header + rows)
 * that mutations change cell by cell, then an encoding (delimiter, line ending, BOM, quoting,
 * truncation) turns into text. Every case is a plain value, so fast-check prints it as the
 * counterexample and shrinks it.
 */

/** A CSV file before it is written out. */
export interface Grid {
  header: string[];
  rows: string[][];
}

/** One change to a grid; row and column numbers are taken modulo the grid's size. */
export type Mutation =
  | { op: "cell"; row: number; col: number; value: string }
  | { op: "dropCell"; row: number }
  | { op: "extraCell"; row: number; value: string }
  | { op: "duplicateRow"; row: number }
  | { op: "deleteRow"; row: number }
  | { op: "dropColumn"; col: number }
  | { op: "addColumn"; name: string; value: string }
  | { op: "renameColumn"; col: number; name: string };

/** How a grid becomes text. `truncate` cuts that many characters off the end. */
export interface Encoding {
  delimiter: "," | ";" | "\t";
  eol: "\n" | "\r\n";
  bom: boolean;
  quoteAll: boolean;
  trailingEol: boolean;
  truncate: number;
}

/** Cells that break parsers: empty, blanks, special numbers, unicode, quotes, delimiters, newlines. */
export const JUNK_CELLS = [
  "",
  " ",
  "NA",
  "..",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "-1e309",
  "1e-400",
  "9".repeat(400),
  "-1",
  "-0.5",
  "0x1F",
  "1,5",
  "1 000",
  "١٢٣",
  "½",
  "Ω≈ç√",
  "💥",
  "e\u0301",
  "\u0000",
  "\u200b",
  '"',
  '""',
  'a"b',
  "a,b",
  "a;b",
  "a\tb",
  "a\nb",
  "a\r\nb",
  "constructor",
  "__proto__",
  "toString",
  "=1+1",
  "true",
  "null",
  "undefined",
  "2023-2019",
  "20-44",
  "100+",
  "T",
  "K",
  "M",
  "kvinnor",
  "1283",
  "0000",
  "age_20_44_f",
] as const;

/** A junk cell: a listed one, any short string, or a number in any spelling. */
export const junkCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...JUNK_CELLS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: "grapheme" }) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => "x".repeat(n)) },
);

/** Column names a header mutation may bring in (kept free of delimiters so the header sniffs right). */
const columnName = fc.constantFrom("extra", "Värde", "value ", " u", "n", "source", "X2019", "2020", "");

/** A mutation of a grid with up to `maxIndex` rows/columns. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant("cell" as const),
      row: fc.nat(50),
      col: fc.nat(50),
      value: junkCell,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("dropCell" as const), row: fc.nat(50) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("extraCell" as const), row: fc.nat(50), value: junkCell }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicateRow" as const), row: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("deleteRow" as const), row: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("dropColumn" as const), col: fc.nat(50) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("addColumn" as const), name: columnName, value: junkCell }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("renameColumn" as const), col: fc.nat(50), name: columnName }),
  },
);

/** An encoding: mostly the plain one, sometimes with a changed delimiter, CRLF, BOM or a cut end. */
export const encoding: fc.Arbitrary<Encoding> = fc.record({
  delimiter: fc.constantFrom(",", ",", ";", "\t"),
  eol: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  trailingEol: fc.boolean(),
  truncate: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(40) }),
});

/** Apply mutations in order to a copy of the grid (the input is not changed). */
export function applyMutations(grid: Grid, mutations: readonly Mutation[]): Grid {
  const header = [...grid.header];
  let rows = grid.rows.map((r) => [...r]);
  for (const m of mutations) {
    const r = rows.length > 0 && "row" in m ? m.row % rows.length : -1;
    switch (m.op) {
      case "cell":
        if (r >= 0 && rows[r]!.length > 0) rows[r]![m.col % rows[r]!.length] = m.value;
        break;
      case "dropCell":
        if (r >= 0) rows[r]!.pop();
        break;
      case "extraCell":
        if (r >= 0) rows[r]!.push(m.value);
        break;
      case "duplicateRow":
        if (r >= 0) rows.splice(r, 0, [...rows[r]!]);
        break;
      case "deleteRow":
        if (r >= 0) rows.splice(r, 1);
        break;
      case "dropColumn": {
        if (header.length <= 1) break;
        const c = m.col % header.length;
        header.splice(c, 1);
        rows = rows.map((row) => row.filter((_, i) => i !== c));
        break;
      }
      case "addColumn":
        header.push(m.name);
        rows = rows.map((row) => [...row, m.value]);
        break;
      case "renameColumn":
        if (header.length > 0) header[m.col % header.length] = m.name;
        break;
    }
  }
  return { header, rows };
}

/** Write a grid as CSV text with the encoding (RFC 4180 quoting where a cell needs it). */
export function encodeGrid(grid: Grid, enc: Encoding): string {
  const cell = (c: string) =>
    enc.quoteAll || c.includes(enc.delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
  const lines = [grid.header, ...grid.rows].map((r) => r.map(cell).join(enc.delimiter));
  let text = (enc.bom ? "\uFEFF" : "") + lines.join(enc.eol) + (enc.trailingEol ? enc.eol : "");
  if (enc.truncate > 0) text = text.slice(0, Math.max(1, text.length - enc.truncate));
  return text;
}

/** Parse the simple fixture CSVs (no quoted delimiters or newlines inside cells) into a grid. */
export function gridFromText(text: string): Grid {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const split = (l: string) => {
    const cells: string[] = [];
    let cur = "";
    let quoted = false;
    for (let i = 0; i < l.length; i++) {
      const ch = l[i]!;
      if (quoted) {
        if (ch === '"' && l[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        cells.push(cur);
        cur = "";
      } else cur += ch;
    }
    cells.push(cur);
    return cells;
  };
  const [header, ...rows] = lines.map(split);
  return { header: header!, rows };
}

/** A fuzz case: mutations of the base grid and an encoding. */
export interface CsvCase {
  mutations: Mutation[];
  encoding: Encoding;
}

/** Cases with 0–4 mutations (0 keeps the valid file, so successful imports are exercised too). */
export const csvCase: fc.Arbitrary<CsvCase> = fc.record({
  mutations: fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }) },
  ),
  encoding,
});

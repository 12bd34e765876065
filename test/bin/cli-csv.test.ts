import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../bin/cli";
import { run as inequality } from "../../bin/commands/inequality";

// The analysis commands' CSV reader numbers each row by the physical line it starts on. It used
// csv-parse's info.lines, which is the line a record ends on and counts a CRLF inside a quoted cell
// as two lines, so every row after such a cell was reported one line too far per CRLF.

const dir = mkdtempSync(join(tmpdir(), "livsval-cli-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Hand-counted physical lines: 1 header, 2–3 row a (a note over two lines), 4 row b, 5 empty,
// 6–8 row c (a note over three lines), 9 row d.
const LF = 'id,note,x\na,"one\ntwo",1\nb,,2\n\nc,"p\nq\nr",3\nd,,4\n';

describe("parseCsv line numbers", () => {
  it.each([
    ["LF", LF],
    ["CRLF", LF.replace(/\n/g, "\r\n")],
    [
      "an LF file with CRLF inside its quoted cells",
      LF.replace(/"one\ntwo"/, '"one\r\ntwo"').replace(/"p\nq\nr"/, '"p\r\nq\r\nr"'),
    ],
  ])("gives each row the line it starts on (%s)", (_, text) => {
    const table = parseCsv(text, "t.csv");
    expect(table.header).toEqual(["id", "note", "x"]);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, "a"],
      [4, "b"],
      [6, "c"],
      [9, "d"],
    ]);
  });

  it("names the start line of a row with the wrong number of cells and of an unclosed quote", () => {
    expect(() => parseCsv('id,note,x\r\na,"one\r\ntwo",1\r\nb,2\r\n', "t.csv")).toThrow(
      "t.csv: line 4: has 2 cells, the header has 3",
    );
    expect(() => parseCsv('id,note,x\r\na,,1\r\nb,"open,2\r\n', "t.csv")).toThrow(
      "t.csv: line 3: a quoted field is not closed",
    );
  });

  it("reports a bad value of a command at the line its row starts on", async () => {
    const path = join(dir, "crlf.csv");
    // 1 header, 2–4 row a (CRLF inside the note), 5 row b with "abc"
    writeFileSync(path, 'id,note,x\r\na,"one\r\ntwo\r\nthree",1\r\nb,,abc\r\n');
    await expect(inequality([path, "--value", "x"])).rejects.toThrow(
      'line 5, column "x": "abc" is not a number',
    );
  });
});

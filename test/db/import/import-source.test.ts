import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportRejectedError } from "../../../db/import/import-issues";
import { importKoladaGroups } from "../../../db/import/import-kolada-groups";
import { csvRecords } from "../../../db/import/import-source";
import type { Db } from "../../../db/schema";
import { addMunicipalities, freshDb } from "./test-db";

async function lines(text: string): Promise<[number, string[]][]> {
  const out: [number, string[]][] = [];
  for await (const r of csvRecords({ name: "t.csv", text })) out.push([r.line, r.cells]);
  return out;
}

// Each fixture's physical lines, counted by hand (header = line 1):
//   1 a,b
//   2 1,"x          ← row "1" starts here
//   3 y"
//   4 2,z
//   5 3,"p          ← row "3" starts here
//   6 q
//   7 r"
//   8 4,w
const LF = 'a,b\n1,"x\ny"\n2,z\n3,"p\nq\nr"\n4,w\n';
const expected: [number, string[]][] = [
  [1, ["a", "b"]],
  [2, ["1", "x\ny"]],
  [4, ["2", "z"]],
  [5, ["3", "p\nq\nr"]],
  [8, ["4", "w"]],
];

describe("csvRecords line numbers", () => {
  it("gives a row with quoted line breaks the line it starts on (LF file)", async () => {
    expect(await lines(LF)).toEqual(expected);
  });

  it("counts a CRLF inside a quoted cell as one line break (CRLF file)", async () => {
    expect((await lines(LF.replace(/\n/g, "\r\n"))).map(([line]) => line)).toEqual([1, 2, 4, 5, 8]);
  });

  it("numbers an LF file with a CRLF cell and a CRLF file with an LF cell the same way", async () => {
    // 1 a,b / 2 1,"x / 3 y" / 4 2,z in both
    expect((await lines('a,b\n1,"x\r\ny"\n2,z\n')).map(([line]) => line)).toEqual([1, 2, 4]);
    expect((await lines('a,b\r\n1,"x\ny"\r\n2,z\r\n')).map(([line]) => line)).toEqual([1, 2, 4]);
  });

  it("counts skipped empty lines, also an empty line inside a quoted cell", async () => {
    //   1 a,b / 2 (empty) / 3 1,z / 4 (empty) / 5 2,"q / 6 (empty) / 7 r" / 8 3,s
    const text = 'a,b\n\n1,z\n\n2,"q\n\nr"\n3,s\n';
    expect((await lines(text)).map(([line]) => line)).toEqual([1, 3, 5, 8]);
  });

  it("names the line where an unclosed quote starts", async () => {
    //   1 a,b / 2 1,z / 3 2,"open / 4 3,w
    await expect(lines('a,b\n1,z\n2,"open\n3,w\n')).rejects.toThrow(
      "t.csv: line 3: a quoted field is not closed",
    );
  });
});

describe("import issues after quoted line breaks", () => {
  let db: Db;
  beforeEach(async () => {
    db = await freshDb();
    await addMunicipalities(db, [["1283", "Helsingborg"]]);
  });
  afterEach(async () => {
    await db.destroy();
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("reports the physical start line of each bad row (%s line endings)", async (_, eol) => {
    // A pretty-printed members cell spans lines 2–5; the unknown member 9999 is on row G2 (line 6),
    // the bad JSON on row G3 (lines 7–8).
    const text = [
      "id,title,members",
      'G1,a,"[',
      '  {""member_id"": ""1283"",',
      '   ""member_title"": ""Helsingborg""}',
      ']"',
      'G2,b,"[{""member_id"": ""9999"", ""member_title"": ""x""}]"',
      'G3,c,"not',
      'json"',
      "",
    ].join(eol);
    const err = (await importKoladaGroups(db, { name: "g.csv", text }).catch(
      (e: unknown) => e,
    )) as ImportRejectedError;
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect(err.issues.map((i) => [i.line, i.column])).toEqual([
      [6, "members"],
      [7, "members"],
    ]);
    expect(await db.selectFrom("area_groups").selectAll().execute()).toEqual([]);
  });
});

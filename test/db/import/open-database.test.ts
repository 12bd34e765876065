import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openMigratedDb } from "../../../db/import/open-database";
import { InputError } from "../../../db/import/input-error";

// A database the CLI cannot open is the person's to fix (a wrong DATABASE_URL or --database), so it is
// bad input: one line naming the database and why, never an "unexpected error" with a stack trace.

const dir = mkdtempSync(join(tmpdir(), "livsval-open-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(url: string): Promise<unknown> {
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const db = await openMigratedDb(url);
    await db.destroy();
    return undefined;
  } catch (e) {
    return e;
  } finally {
    vi.restoreAllMocks();
  }
}

describe("openMigratedDb on a database it cannot open", () => {
  it("names a folder given as the SQLite file", async () => {
    const e = await refusal(dir);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(`${dir}: cannot open the database (unable to open database file)`);
  });

  it("names a file that is not a SQLite database", async () => {
    const file = join(dir, "notes.txt");
    writeFileSync(file, "these are notes, not a database\n".repeat(50));
    const e = await refusal(file);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(`${file}: cannot open the database (file is not a database)`);
  });

  it("names an unreachable PostgreSQL server without its password", async () => {
    // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
    const e = await refusal("postgres://livsval:s3cret@127.0.0.1:1/livsval");
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(
      "postgres://livsval:***@127.0.0.1:1/livsval: cannot open the database (connect ECONNREFUSED 127.0.0.1:1)",
    );
  });

  it("still opens and migrates a good path", async () => {
    expect(await refusal(join(dir, "fresh", "livsval.sqlite"))).toBeUndefined();
  });
});

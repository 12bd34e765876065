import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../../bin/commands/audit";
import { CliInputError } from "../../../bin/cli";
import { createDb } from "../../../db/connection";
import { migrateToLatest } from "../../../db/migrate";
import { appendAuditEvent } from "../../../db/repositories/audit-repository";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "livsval-audit-"));
  file = join(dir, "livsval.sqlite");
  const db = createDb(file);
  await migrateToLatest(db, () => {});
  for (const action of ["round.created", "scope.submitted", "needs.reviewed"]) {
    await appendAuditEvent(db, { action, entity: "round", entity_id: "r1", user_id: "u1" });
  }
  await db.destroy();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("livsval audit verify", () => {
  it("reports an intact chain with its head and does not ask for a failing exit code", async () => {
    const onProblems = vi.fn();
    const result = await run(["verify", "--database", file], onProblems);
    expect(result).toMatchObject({ ok: true, events: 3, problems: [], head: { seq: 3 } });
    expect(onProblems).not.toHaveBeenCalled();
  });

  it("reads DATABASE_URL when no --database is given", async () => {
    vi.stubEnv("DATABASE_URL", file);
    try {
      expect(await run(["verify"], vi.fn())).toMatchObject({ ok: true, events: 3 });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("lists the problems of a tampered chain and asks for exit code 1, throwing nothing", async () => {
    const db = createDb(file);
    await sql`drop trigger audit_events_no_delete`.execute(db);
    await db.deleteFrom("audit_events").where("seq", "=", 2).execute();
    await db.destroy();
    const onProblems = vi.fn();
    const result = await run(["verify", "--database", file], onProblems);
    expect(result).toMatchObject({
      ok: false,
      events: 2,
      problems: [{ seq: 2, kind: "deleted" }],
    });
    expect(onProblems).toHaveBeenCalledOnce();
  });

  it("refuses a path where there is no database, without creating one", async () => {
    const missing = join(dir, "nothing-here.sqlite");
    await expect(run(["verify", "--database", missing], vi.fn())).rejects.toThrow(
      new CliInputError(`${missing}: no database there (run \`livsval setup\` first)`),
    );
  });

  it("refuses a file that is not a database, or an unreachable server, as bad input naming it", async () => {
    const notes = join(dir, "notes.txt");
    writeFileSync(notes, "not a database\n".repeat(100));
    await expect(run(["verify", "--database", notes], vi.fn())).rejects.toThrow(
      new CliInputError(`${notes}: cannot open the database (file is not a database)`),
    );
    // nothing listens on port 1 of the loopback interface
    await expect(run(["verify", "--database", "postgres://a:pw@127.0.0.1:1/x"], vi.fn())).rejects.toThrow(
      new CliInputError(
        "postgres://a:***@127.0.0.1:1/x: cannot open the database (connect ECONNREFUSED 127.0.0.1:1)",
      ),
    );
  });

  it("refuses an unknown subcommand or a malformed anchor", async () => {
    await expect(run(["check"], vi.fn())).rejects.toThrow(/usage: livsval audit verify/);
    await expect(
      run(["verify", "--database", file, "--anchor-seq", "2", "--anchor-hash", "xyz"], vi.fn()),
    ).rejects.toThrow("--anchor-hash: 64 lower-case hex digits are required");
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "../../app/auth/password.server";
import { CliInputError } from "../../bin/cli";
import { run as users } from "../../bin/commands/users";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { listAuditEvents, verifyAuditChain } from "../../db/repositories/audit-repository";
import { createSession, findSession, findUserByUsername } from "../../db/repositories/user-repository";

const dir = mkdtempSync(join(tmpdir(), "livsval-cli-users-"));
const database = join(dir, "users.sqlite");
let firstPassword = "";

beforeAll(async () => {
  const db = createDb(database);
  await migrateToLatest(db, () => {});
  await db.destroy();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run `livsval users …` on the test database; its result and the password it printed, if any. */
async function cli(...argv: string[]): Promise<{ result: unknown; password?: string }> {
  const said: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    said.push(String(s));
    return true;
  });
  try {
    const result = await users([...argv, "--database", database]);
    const m = /password for \S+: (\S+) {2}\(shown once\)/.exec(said.join(""));
    return { result, ...(m ? { password: m[1] } : {}) };
  } finally {
    spy.mockRestore();
  }
}

async function withDb<T>(f: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(database);
  try {
    return await f(db);
  } finally {
    await db.destroy();
  }
}

describe("livsval users", () => {
  it("adds a user whose printed password signs in, and lists users without their hashes", async () => {
    const { result, password } = await cli("add", "anna.svensson", "--role", "analyst");
    expect(result).toMatchObject({ username: "anna.svensson", role: "analyst", disabled: false });
    expect(password).toMatch(/^\S{20}$/);
    firstPassword = password!;
    const stored = await withDb((db) => findUserByUsername(db, "anna.svensson"));
    expect(await verifyPassword(password!, stored!.password_hash)).toBe(true);
    const { result: list } = await cli("list");
    expect(list).toEqual([
      { username: "anna.svensson", role: "analyst", created_at: stored!.created_at, disabled: false },
    ]);
    expect(JSON.stringify(list)).not.toContain("scrypt");
  }, 30_000);

  it("gives a new password: the old one no longer signs in, and the user's sessions end", async () => {
    const before = await withDb((db) => findUserByUsername(db, "anna.svensson"));
    const session = await withDb((db) =>
      createSession(db, { user_id: before!.id, expires_at: "2999-01-01T00:00:00.000Z" }),
    );
    const { result, password } = await cli("password", "anna.svensson");
    expect(result).toMatchObject({ username: "anna.svensson", sessionsEnded: 1 });
    const after = await withDb((db) => findUserByUsername(db, "anna.svensson"));
    expect(await verifyPassword(password!, after!.password_hash)).toBe(true);
    expect(await verifyPassword(firstPassword, after!.password_hash)).toBe(false);
    expect(await withDb((db) => findSession(db, session.id))).toBeNull();
  }, 30_000);

  it("disables a user (ending their sessions) and enables them again", async () => {
    const user = await withDb((db) => findUserByUsername(db, "anna.svensson"));
    const session = await withDb((db) =>
      createSession(db, { user_id: user!.id, expires_at: "2999-01-01T00:00:00.000Z" }),
    );
    expect((await cli("disable", "anna.svensson")).result).toMatchObject({
      disabled: true,
      sessionsEnded: 1,
    });
    expect(await withDb((db) => findSession(db, session.id))).toBeNull();
    expect((await cli("enable", "anna.svensson")).result).toMatchObject({
      disabled: false,
      sessionsEnded: 0,
    });
    expect((await withDb((db) => findUserByUsername(db, "anna.svensson")))!.disabled).toBe(0);
  }, 30_000);

  it("records every change in the audit log, whose chain still verifies", async () => {
    const events = await withDb((db) => listAuditEvents(db, {}));
    expect(events.filter((e) => e.entity === "user").map((e) => e.action)).toEqual([
      "user.created",
      "user.password_reset",
      "user.disabled",
      "user.enabled",
    ]);
    expect((await withDb((db) => verifyAuditChain(db))).problems).toEqual([]);
  });

  it("refuses bad input with one line and changes nothing", async () => {
    const refused = async (...argv: string[]) =>
      users([...argv, "--database", database]).then(
        () => "accepted",
        (e: unknown) => (e instanceof CliInputError ? e.message : `not bad input: ${String(e)}`),
      );
    expect(await refused("add", "bo", "--role", "king")).toBe(
      "--role must be one of viewer, analyst, budget_planner, committee, admin",
    );
    expect(await refused("add", "anna.svensson", "--role", "viewer")).toBe(
      'user "anna.svensson" already exists',
    );
    expect(await refused("password", "nobody")).toBe('no user "nobody"');
    expect(await refused("add", " ", "--role", "viewer")).toMatch(
      /^a username of 1 to 100 characters is required/,
    );
    expect(await refused("rename", "anna.svensson")).toMatch(/^unknown action "rename"/);
    expect(await refused("password", "anna.svensson", "--role", "admin")).toMatch(/^--role is only for add/);
    const { result } = await cli("list");
    expect(result).toHaveLength(1);
  }, 30_000);
});

import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createSession,
  createUser,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserById,
  findUserByUsername,
  listUsers,
  updateUser,
} from "../../../db/repositories/user-repository";
import type { Db } from "../../../db/schema";
import { freshDb } from "../fresh-db";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.destroy();
});

const T0 = "2026-12-04T20:00:00.000Z";

describe("users", () => {
  it("round-trips a user found by username and by id", async () => {
    const u = await createUser(
      db,
      { username: "anna", password_hash: "scrypt$…", role: "analyst" },
      { now: T0 },
    );
    expect(u).toMatchObject({ username: "anna", role: "analyst", disabled: 0, created_at: T0 });
    expect(await findUserByUsername(db, "anna")).toEqual(u);
    expect(await findUserById(db, u.id)).toEqual(u);
    expect(await findUserByUsername(db, "bertil")).toBeNull();
    expect(await listUsers(db)).toEqual([
      { id: u.id, username: "anna", role: "analyst", created_at: T0, disabled: 0 },
    ]);
  });

  it("refuses a second user with the same username and an unknown role", async () => {
    await createUser(db, { username: "anna", password_hash: "h", role: "viewer" });
    await expect(createUser(db, { username: "anna", password_hash: "h", role: "admin" })).rejects.toThrow(
      /UNIQUE/,
    );
    await expect(
      createUser(db, { username: "carl", password_hash: "h", role: "superuser" as "admin" }),
    ).rejects.toThrow(/CHECK/);
  });

  it("updates role and disabled flag", async () => {
    const u = await createUser(db, { username: "anna", password_hash: "h", role: "viewer" });
    expect(await updateUser(db, u.id, { role: "committee", disabled: true })).toBe(true);
    expect(await findUserById(db, u.id)).toMatchObject({ role: "committee", disabled: 1 });
    expect(await updateUser(db, "nobody", { role: "admin" })).toBe(false);
  });
});

describe("sessions", () => {
  it("stores only the sha256 of the session token", async () => {
    const u = await createUser(db, { username: "anna", password_hash: "h", role: "viewer" });
    const s = await createSession(db, { user_id: u.id, expires_at: "2026-12-05T08:00:00.000Z" });
    const stored = await db.selectFrom("sessions").select("id").execute();
    expect(stored).toEqual([{ id: createHash("sha256").update(s.id).digest("hex") }]);
    expect(await findSession(db, stored[0]!.id, { now: T0 })).toBeNull();
  });

  it("finds a live session with its user, and not after it expires or the user is disabled", async () => {
    const u = await createUser(db, { username: "anna", password_hash: "h", role: "budget_planner" });
    const s = await createSession(db, { user_id: u.id, expires_at: "2026-12-05T08:00:00.000Z" }, { now: T0 });
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrf_token).not.toBe(s.id);
    const found = await findSession(db, s.id, { now: T0 });
    expect(found).toEqual({
      session: s,
      user: { id: u.id, username: "anna", role: "budget_planner", created_at: u.created_at, disabled: 0 },
    });
    expect(await findSession(db, s.id, { now: "2026-12-05T08:00:00.000Z" })).toBeNull();
    expect(await findSession(db, s.id.slice(1), { now: T0 })).toBeNull();
    await updateUser(db, u.id, { disabled: true });
    expect(await findSession(db, s.id, { now: T0 })).toBeNull();
  });

  it("deletes one session, all of a user's, and the expired ones", async () => {
    const u = await createUser(db, { username: "anna", password_hash: "h", role: "viewer" });
    const a = await createSession(db, { user_id: u.id, expires_at: "2026-12-04T21:00:00.000Z" });
    const b = await createSession(db, { user_id: u.id, expires_at: "2026-12-06T00:00:00.000Z" });
    await createSession(db, { user_id: u.id, expires_at: "2026-12-07T00:00:00.000Z" });
    expect(await deleteSession(db, a.id)).toBe(true);
    expect(await deleteSession(db, a.id)).toBe(false);
    expect(await deleteExpiredSessions(db, { now: "2026-12-06T00:00:00.000Z" })).toBe(1);
    expect(await findSession(db, b.id, { now: T0 })).toBeNull();
    expect(await deleteUserSessions(db, u.id)).toBe(1);
  });
});

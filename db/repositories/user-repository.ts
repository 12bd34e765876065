import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db, Role, Session, User } from "../schema";

/** A random token: 32 bytes, base64url (256 bits, unguessable). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Sessions are stored under the sha256 of their token, so a copy of the database does not hand out
 * live sessions; callers only ever see and pass the token itself.
 */
function storedSessionId(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Store a user (the caller hashes the password). The username must be new. */
export async function createUser(
  db: Db,
  user: { username: string; password_hash: string; role: Role; id?: string; disabled?: boolean },
  options: { now?: string } = {},
): Promise<User> {
  const row: User = {
    id: user.id ?? randomUUID(),
    username: user.username,
    password_hash: user.password_hash,
    role: user.role,
    created_at: options.now ?? new Date().toISOString(),
    disabled: user.disabled ? 1 : 0,
  };
  await db.insertInto("users").values(row).execute();
  return row;
}

export async function findUserByUsername(db: Db, username: string): Promise<User | null> {
  return (
    (await db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst()) ?? null
  );
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  return (await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Users by username, without password hashes. */
export async function listUsers(db: Db): Promise<Omit<User, "password_hash">[]> {
  return db
    .selectFrom("users")
    .select(["id", "username", "role", "created_at", "disabled"])
    .orderBy("username")
    .execute();
}

/** Change a user's role, password hash or disabled flag; true when the user exists. */
export async function updateUser(
  db: Db,
  id: string,
  change: { role?: Role; password_hash?: string; disabled?: boolean },
): Promise<boolean> {
  const set = {
    ...(change.role !== undefined ? { role: change.role } : {}),
    ...(change.password_hash !== undefined ? { password_hash: change.password_hash } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled ? (1 as const) : (0 as const) } : {}),
  };
  if (Object.keys(set).length === 0) return (await findUserById(db, id)) !== null;
  const r = await db.updateTable("users").set(set).where("id", "=", id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Open a session for a user until `expires_at` (ISO 8601), with a fresh CSRF token. The returned `id`
 * is the session token for the cookie (only its hash is stored).
 */
export async function createSession(
  db: Db,
  session: { user_id: string; expires_at: string },
  options: { now?: string } = {},
): Promise<Session> {
  const token = randomToken();
  const row: Session = {
    id: storedSessionId(token),
    user_id: session.user_id,
    expires_at: session.expires_at,
    csrf_token: randomToken(),
    created_at: options.now ?? new Date().toISOString(),
  };
  await db.insertInto("sessions").values(row).execute();
  return { ...row, id: token };
}

/** A session (its `id` the token) and its user. */
export interface SessionWithUser {
  session: Session;
  user: Omit<User, "password_hash">;
}

/**
 * The live session with this id and its user: null when unknown, expired at `now`, or the user is
 * disabled.
 */
export async function findSession(
  db: Db,
  id: string,
  options: { now?: string } = {},
): Promise<SessionWithUser | null> {
  const now = options.now ?? new Date().toISOString();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.user_id",
      "sessions.expires_at",
      "sessions.csrf_token",
      "sessions.created_at",
      "users.username",
      "users.role",
      "users.created_at as user_created_at",
      "users.disabled",
    ])
    .where("sessions.id", "=", storedSessionId(id))
    .where("sessions.expires_at", ">", now)
    .where("users.disabled", "=", 0)
    .executeTakeFirst();
  if (!row) return null;
  return {
    session: {
      id,
      user_id: row.user_id,
      expires_at: row.expires_at,
      csrf_token: row.csrf_token,
      created_at: row.created_at,
    },
    user: {
      id: row.user_id,
      username: row.username,
      role: row.role,
      created_at: row.user_created_at,
      disabled: row.disabled,
    },
  };
}

/** End one session (log out), given its token; true when it existed. */
export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom("sessions").where("id", "=", storedSessionId(id)).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** End every session of a user (password change, disabling); returns how many. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Remove sessions that expired at or before `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, options: { now?: string } = {}): Promise<number> {
  const now = options.now ?? new Date().toISOString();
  const r = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

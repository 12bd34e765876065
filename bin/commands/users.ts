import { hashPassword, randomPassword } from "../../app/auth/password.server";
import { ROLES, type Role } from "../../app/auth/policy";
import { openMigratedDb } from "../../db/import/open-database";
import { appendAuditEvent } from "../../db/repositories/audit-repository";
import {
  createUser,
  deleteUserSessions,
  findUserByUsername,
  listUsers,
  updateUser,
} from "../../db/repositories/user-repository";
import type { Db } from "../../db/schema";
import { CliInputError, type Command, parseCommandArgs } from "../cli";
import { commandUsage } from "../command-usage";

const usage = commandUsage("users");

/** A user as the command shows one: never the password hash. */
interface ShownUser {
  username: string;
  role: Role;
  created_at: string;
  disabled: boolean;
}

/** The same rule as the sign-in form's: 1 to 100 characters after trimming. */
function usernameArg(raw: string | undefined): string {
  const username = raw?.trim() ?? "";
  if (username === "" || username.length > 100) {
    throw new CliInputError(`a username of 1 to 100 characters is required (${usage})`);
  }
  return username;
}

async function existing(db: Db, username: string) {
  const user = await findUserByUsername(db, username);
  if (!user) throw new CliInputError(`no user "${username}"`);
  return user;
}

/** Say a new password once, on stderr, as `setup` does for the demo users. */
function sayPassword(username: string, password: string): void {
  process.stderr.write(`livsval users: password for ${username}: ${password}  (shown once)\n`);
}

/**
 * `livsval users list|add|password|disable|enable`: the accounts that can sign in. `add` and
 * `password` make a random password (printed once on stderr, stored only as its scrypt hash);
 * `password` and `disable` end the user's sessions. Every change is an audit event (user_id null:
 * made at the terminal). Prints the user(s) as JSON, without password hashes.
 */
export const run: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { role: { type: "string" }, database: { type: "string" } },
    usage,
  );
  const [action = "list", name, ...extra] = positionals;
  if (extra.length > 0) throw new CliInputError(`unexpected argument "${extra[0]}" (${usage})`);
  if (values.role !== undefined && action !== "add")
    throw new CliInputError(`--role is only for add (${usage})`);
  if (!["list", "add", "password", "disable", "enable"].includes(action)) {
    throw new CliInputError(`unknown action "${action}" (${usage})`);
  }
  if (action === "list" && name !== undefined)
    throw new CliInputError(`unexpected argument "${name}" (${usage})`);
  const username = action === "list" ? "" : usernameArg(name);
  let role: Role | undefined;
  if (action === "add") {
    if (!(ROLES as readonly string[]).includes(values.role ?? "")) {
      throw new CliInputError(`--role must be one of ${ROLES.join(", ")}`);
    }
    role = values.role as Role;
  }

  const db = await openMigratedDb(values.database);
  try {
    const shown = (u: Omit<ShownUser, "disabled"> & { disabled: number | boolean }): ShownUser => ({
      username: u.username,
      role: u.role,
      created_at: u.created_at,
      disabled: Boolean(u.disabled),
    });
    const audit = (action: string, entityId: string, payload: Record<string, string | boolean>) =>
      appendAuditEvent(db, { user_id: null, action, entity: "user", entity_id: entityId, payload });

    if (action === "list") return (await listUsers(db)).map(shown);

    if (action === "add") {
      if (await findUserByUsername(db, username))
        throw new CliInputError(`user "${username}" already exists`);
      const password = randomPassword();
      const user = await createUser(db, {
        username,
        role: role!,
        password_hash: await hashPassword(password),
      });
      await audit("user.created", user.id, { username, role: role! });
      sayPassword(username, password);
      return shown(user);
    }

    const user = await existing(db, username);
    if (action === "password") {
      const password = randomPassword();
      await updateUser(db, user.id, { password_hash: await hashPassword(password) });
      const sessionsEnded = await deleteUserSessions(db, user.id);
      await audit("user.password_reset", user.id, { username });
      sayPassword(username, password);
      return { ...shown(user), sessionsEnded };
    }
    const disabled = action === "disable";
    await updateUser(db, user.id, { disabled });
    const sessionsEnded = disabled ? await deleteUserSessions(db, user.id) : 0;
    await audit(disabled ? "user.disabled" : "user.enabled", user.id, { username });
    return { ...shown({ ...user, disabled }), sessionsEnded };
  } finally {
    await db.destroy();
  }
};

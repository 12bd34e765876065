import type { Kysely } from "kysely";
import { createUser } from "../../db/repositories/user-repository";
import type { Database } from "../../db/schema";
import { hashPassword, randomPassword } from "./password.server";
import { ROLES, type Role } from "./policy";

export interface DemoUser {
  username: string;
  role: Role;
  password: string;
}

/**
 * On a database with no users, create one demo user per role with a fresh random password and
 * return the passwords so the caller can print them once. Returns [] when users already exist:
 * passwords are never stored in clear or shown again.
 */
export async function seedDemoUsers(db: Kysely<Database>): Promise<DemoUser[]> {
  const existing = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) return [];
  const users: DemoUser[] = ROLES.map((role) => ({
    username: `demo-${role.replace("_", "-")}`,
    role,
    password: randomPassword(),
  }));
  const rows = await Promise.all(
    users.map(async (u) => ({
      username: u.username,
      role: u.role,
      password_hash: await hashPassword(u.password),
    })),
  );
  await db.transaction().execute(async (trx) => {
    for (const row of rows) await createUser(trx, row);
  });
  return users;
}

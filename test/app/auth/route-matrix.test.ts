import { readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../../db/connection";
import { migrateToLatest } from "../../../db/migrate";
import { createSession, createUser } from "../../../db/repositories/user-repository";
import { can, ROLES, type Role } from "~/auth/policy";
import { ROUTE_PERMISSIONS } from "~/auth/route-permissions";
import { STEP_PERMISSION, STEPS } from "~/components/round/steps";

// The route × role matrix: every route module's loader and action, called as each role (and signed
// out), must allow exactly what the policy table allows; a denied call writes nothing.

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const routesDir = path.resolve(import.meta.dirname, "../../../app/routes");
const routeFiles = readdirSync(routesDir).filter((f) => /\.(ts|tsx)$/.test(f));
const modules = import.meta.glob<RouteModule>("../../../app/routes/*.{ts,tsx}");

const db = createDb(":memory:");
globalThis.__livsvalDb = db;
const userIds = new Map<Role, string>();

beforeAll(async () => {
  await migrateToLatest(db, () => {});
  for (const role of ROLES) {
    const user = await createUser(db, { username: `t-${role}`, password_hash: "x", role });
    userIds.set(role, user.id);
  }
});

/** A fresh session for each probe: a probe of the sign-out action ends the session it uses. */
async function sessionFor(role: Role): Promise<{ cookie: string; csrf: string }> {
  const s = await createSession(db, { user_id: userIds.get(role)!, expires_at: "2999-01-01T00:00:00.000Z" });
  // Remix's unsigned cookie encoding: base64 of the JSON value.
  const value = Buffer.from(JSON.stringify(s.id), "utf8").toString("base64");
  return { cookie: `livsval_session=${encodeURIComponent(value)}`, csrf: s.csrf_token };
}

afterAll(async () => {
  await db.destroy();
});

function urlFor(file: string): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = file
    .replace(/\.(ts|tsx)$/, "")
    .split(/(?<!\[)\.(?![^[]*\])/)
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => {
      if (s.startsWith("$")) {
        params[s.slice(1)] = "no-such-id";
        return "no-such-id";
      }
      return s.replace(/\[(.*?)\]/g, "$1");
    });
  return { url: `http://localhost/${segments.join("/")}`, params };
}

async function outcome(fn: Handler, request: Request, params: Record<string, string>) {
  try {
    const r = await fn({ request, params, context: {} });
    return r instanceof Response ? r : new Response(null, { status: 200 });
  } catch (e) {
    if (e instanceof Response) return e;
    // An engine or validation error reached the route: an allowed call, reported as 500 here.
    return new Response(String(e), { status: 500 });
  }
}

async function tableCounts(): Promise<string> {
  const tables = (
    await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
      db,
    )
  ).rows;
  const counts: string[] = [];
  for (const { name } of tables) {
    if (name === "sessions") continue;
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts.push(`${name}=${r.rows[0]!.n}`);
  }
  return counts.join(",");
}

function isSignInRedirect(r: Response): boolean {
  return r.status >= 300 && r.status < 400 && (r.headers.get("Location") ?? "").startsWith("/login");
}

describe("the route × role matrix", () => {
  describe("the round page's steps", () => {
    for (const step of STEPS) {
      const permission = STEP_PERMISSION[step];
      for (const role of ROLES) {
        it(`step ${step} as ${role} is ${can(role, permission) ? "allowed" : "denied"}`, async () => {
          const mod = await modules["../../../app/routes/rounds.$roundId._index.tsx"]!();
          const session = await sessionFor(role);
          const before = await tableCounts();
          const r = await outcome(
            mod.action!,
            new Request(`http://localhost/rounds/no-such-id?index&step=${step}`, {
              method: "POST",
              headers: { Cookie: session.cookie },
              body: new URLSearchParams({ csrf: session.csrf, intent: "matrix-probe" }),
            }),
            { roundId: "no-such-id" },
          );
          if (can(role, permission)) expect(r.status, `refused ${role}`).not.toBe(403);
          else {
            expect(r.status).toBe(403);
            expect(await tableCounts()).toBe(before);
          }
        });
      }
    }
  });

  it("lists every route module in the permission table", () => {
    const missing = routeFiles.filter((f) => !(f in ROUTE_PERMISSIONS));
    expect(missing).toEqual([]);
  });

  for (const file of routeFiles) {
    const access = ROUTE_PERMISSIONS[file] ?? {};
    for (const kind of ["loader", "action"] as const) {
      const permission = access[kind];
      for (const role of [...ROLES, "signed-out"] as const) {
        it(`${file} ${kind} as ${role} is ${permission === undefined ? "absent" : permission === "public" || (role !== "signed-out" && can(role, permission)) ? "allowed" : "denied"}`, async () => {
          const mod = await modules[`../../../app/routes/${file}`]!();
          const fn = mod[kind];
          if (!fn) {
            expect(
              permission,
              `${file} declares a ${kind} permission but exports no ${kind}`,
            ).toBeUndefined();
            return;
          }
          expect(permission, `${file} exports a ${kind} without a permission entry`).toBeDefined();
          const { url, params } = urlFor(file);
          const session = role === "signed-out" ? undefined : await sessionFor(role);
          const headers = new Headers(session ? { Cookie: session.cookie } : {});
          const request =
            kind === "loader"
              ? new Request(url, { headers })
              : new Request(url, {
                  method: "POST",
                  headers,
                  body: new URLSearchParams({ csrf: session?.csrf ?? "", intent: "matrix-probe" }),
                });
          const before = await tableCounts();
          const r = await outcome(fn, request, params);
          if (permission === "public") {
            expect(r.status).not.toBe(403);
            return;
          }
          const allowed = role !== "signed-out" && can(role, permission!);
          if (allowed) {
            expect(r.status, `${file} ${kind} refused ${role}`).not.toBe(403);
            expect(isSignInRedirect(r)).toBe(false);
          } else {
            expect(r.status === 403 || isSignInRedirect(r), `got ${r.status}`).toBe(true);
            expect(await tableCounts()).toBe(before);
          }
        });
      }
    }
  }

  it("refuses a mutating request with a wrong form token and writes nothing", async () => {
    for (const file of routeFiles) {
      const access = ROUTE_PERMISSIONS[file];
      if (!access?.action || access.action === "public") continue;
      const mod = await modules[`../../../app/routes/${file}`]!();
      const role = ROLES.find((r) => can(r, access.action as never))!;
      const { url, params } = urlFor(file);
      const session = await sessionFor(role);
      const before = await tableCounts();
      const r = await outcome(
        mod.action!,
        new Request(url, {
          method: "POST",
          headers: { Cookie: session.cookie },
          body: new URLSearchParams({ csrf: "forged", intent: "matrix-probe" }),
        }),
        params,
      );
      expect(r.status, file).toBe(403);
      expect(await tableCounts()).toBe(before);
    }
  });
});

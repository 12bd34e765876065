import { timingSafeEqual } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { createSession, deleteSession, findSession } from "../../db/repositories/user-repository";
import { getConfig } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { can, type Permission, type Role } from "./policy";

export interface CurrentUser {
  id: string;
  username: string;
  role: Role;
  sessionId: string;
  csrfToken: string;
  /** When the session ends (ISO 8601). */
  expiresAt: string;
}

function sessionCookie() {
  const config = getConfig();
  return createCookie("livsval_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.NODE_ENV === "production" && config.LIVSVAL_INSECURE_COOKIES !== "1",
    maxAge: config.LIVSVAL_SESSION_HOURS * 3600,
  });
}

/** Start a server-side session for a signed-in user; returns the Set-Cookie header value. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const hours = getConfig().LIVSVAL_SESSION_HOURS;
  const session = await createSession(
    getDb(),
    { user_id: userId, expires_at: new Date(now.getTime() + hours * 3600_000).toISOString() },
    { now: now.toISOString() },
  );
  return sessionCookie().serialize(session.id);
}

/** End the request's session (if any); returns the Set-Cookie header value that clears it. */
export async function endSession(request: Request): Promise<string> {
  const id: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof id === "string") await deleteSession(getDb(), id);
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** The signed-in user, or null (no cookie, unknown or expired session, disabled user). */
export async function getCurrentUser(request: Request, now = new Date()): Promise<CurrentUser | null> {
  const id: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof id !== "string" || id.length > 100) return null;
  const found = await findSession(getDb(), id, { now: now.toISOString() });
  if (!found) return null;
  return {
    id: found.user.id,
    username: found.user.username,
    role: found.user.role,
    sessionId: found.session.id,
    csrfToken: found.session.csrf_token,
    expiresAt: found.session.expires_at,
  };
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * The gate in front of every loader and action: the signed-in user if their role holds the
 * permission; otherwise a redirect to sign-in (no session) or a 403 (signed in, not allowed).
 */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw signInRedirect(request);
  if (!can(user.role, permission)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/**
 * For every mutating request: the form's `csrf` field must equal the session's token, and the
 * Origin (when sent) must be this site. Throws 403 otherwise, before anything is written.
 */
export function verifyCsrf(request: Request, form: FormData, user: CurrentUser): void {
  const origin = request.headers.get("Origin");
  if (origin && origin !== new URL(request.url).origin && origin !== "null") {
    throw new Response("Cross-site request refused", { status: 403 });
  }
  const sent = form.get("csrf");
  const a = Buffer.from(typeof sent === "string" ? sent : "");
  const b = Buffer.from(user.csrfToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new Response("Missing or wrong form token", { status: 403 });
  }
}

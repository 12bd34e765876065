import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/server";

// Web hardening on the built server (issue 6.3): security headers on every response, body size
// limits before the app reads a body, and sign-in throttling.

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ LIVSVAL_MAX_BODY_BYTES: "100000", LIVSVAL_SIGNIN_ATTEMPTS: "3" });
});

afterAll(async () => {
  await server?.stop();
});

describe("the server", () => {
  it("sends the security headers, with a per-request script nonce", async () => {
    const a = await fetch(`${server.url}/login`);
    const b = await fetch(`${server.url}/login`);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-powered-by")).toBeNull();
    const html = await a.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("refuses a body over the size limit with 413 before the app reads it", async () => {
    const r = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: "username=x&password=" + "a".repeat(200_000),
    });
    expect(r.status).toBe(413);
  });

  it("throttles sign-in after the allowed number of failures, with Retry-After", async () => {
    const attempt = () =>
      fetch(`${server.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
        body: new URLSearchParams({ username: "demo-viewer", password: "wrong", redirectTo: "/" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const throttled = await attempt();
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right password is refused while throttled.
    const right = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: new URLSearchParams({
        username: "demo-viewer",
        password: server.passwords["demo-viewer"]!,
        redirectTo: "/",
      }),
    });
    expect(right.status).toBe(429);
  });

  it("counts failures per address apart from the username's, and does not believe X-Forwarded-For", async () => {
    const signIn = (username: string, password: string, forwardedFor?: string) =>
      fetch(`${server.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: server.url,
          ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}),
        },
        body: new URLSearchParams({ username, password, redirectTo: "/" }),
      });
    // demo-viewer is locked (the test above) from this address; another user from it is not
    expect((await signIn("demo-analyst", server.passwords["demo-analyst"]!)).status).toBe(302);
    // one address trying many usernames is stopped at 10 × 3 failures, whatever X-Forwarded-For says
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await signIn(`nobody-${i}`, "wrong", `203.0.113.${i}`)).status);
    const firstRefusal = statuses.indexOf(429);
    // this address had 3 failures (demo-viewer's) before: the 28th of these is the 31st
    expect(firstRefusal).toBe(27);
    expect(statuses.slice(0, 27).every((s) => s === 401)).toBe(true);
    // now even a right password from this address waits, with or without a forwarded address
    expect((await signIn("demo-admin", server.passwords["demo-admin"]!)).status).toBe(429);
    expect((await signIn("demo-admin", server.passwords["demo-admin"]!, "198.51.100.7")).status).toBe(429);
  });

  it("refuses a cross-site sign-in post", async () => {
    const r = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: new URLSearchParams({ username: "demo-admin", password: "x", redirectTo: "/" }),
    });
    expect(r.status).toBe(403);
  });
});

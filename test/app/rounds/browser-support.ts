// Helpers of the round browser tests (test/browser/round*.test.ts), kept with the round tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { createDb } from "../../../db/connection";
import { seedDemoRound } from "../../../db/seed/demo-round";
import { launchBrowser, type Browser } from "../../browser/support/browser";
import { startServer, type RunningServer } from "../../browser/support/server";

const axePath = path.resolve(import.meta.dirname, "../../../node_modules/axe-core/axe.min.js");
let axeText: string | undefined;
const axeSource = () => (axeText ??= readFileSync(axePath, "utf8"));

/** Demo users' passwords by role, from setup's output (either wording of the line). */
export function passwordsByRole(
  server: RunningServer,
): Record<string, { username: string; password: string }> {
  const out: Record<string, { username: string; password: string }> = {};
  for (const m of server.setupLog.matchAll(/user (\S+) \(([\w_]+)\):? password:? (\S+)/g)) {
    out[m[2]!] = { username: m[1]!, password: m[3]! };
  }
  return out;
}

/** The demo round's interventions and round in the server's database (idempotent; setup may have done it). */
export async function ensureDemoRound(server: RunningServer): Promise<void> {
  const db = createDb(server.databaseUrl);
  try {
    await seedDemoRound(db);
  } finally {
    await db.destroy();
  }
}

export interface RoundBrowserTests {
  server: RunningServer;
  browser: Browser;
  users: Record<string, { username: string; password: string }>;
}

/**
 * The set-up of a round browser test file: before its tests, a fresh server with the demo round, its demo users
 * by role and a browser; after them, both closed. The returned object is filled in by `beforeAll`.
 */
export function setUpRoundBrowserTests(options: { javaScriptEnabled?: boolean } = {}): RoundBrowserTests {
  const env = {} as RoundBrowserTests;
  beforeAll(async () => {
    env.server = await startServer();
    await ensureDemoRound(env.server);
    env.users = passwordsByRole(env.server);
    env.browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Run axe-core on the page and expect no violations (their ids and targets in the message). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // page.addScriptTag would be an inline script, which the app's CSP refuses; evaluate is not subject to it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}

/** Sign in through the form (Swedish UI). */
export async function signIn(
  page: Page,
  server: RunningServer,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** Sign out through the header's form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Logga ut" }).click();
  // the header offers "Logga in" once the session is gone
  await page.getByRole("link", { name: "Logga in" }).waitFor();
}

// Helpers of the round browser tests (test/browser/round*.test.ts), kept with the round tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser, type Browser } from "../../browser/support/browser";
import { startServer, type RunningServer } from "../../browser/support/server";
import { ensureDemoRound, passwordsByRole } from "./round-pages";

export {
  currentStep,
  ensureDemoRound,
  passwordsByRole,
  runAnalysis,
  signIn,
  signOut,
  submitStep,
} from "./round-pages";

const axePath = path.resolve(import.meta.dirname, "../../../node_modules/axe-core/axe.min.js");
let axeText: string | undefined;
const axeSource = () => (axeText ??= readFileSync(axePath, "utf8"));

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

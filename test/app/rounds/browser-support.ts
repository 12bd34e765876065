// Helpers of the round browser tests (test/browser/round*.test.ts), kept with the round tests.
import type { Page } from "playwright-core";
import { beforeAll, expect } from "vitest";
import { axeViolations } from "../../browser/support/axe";
import type { Browser } from "../../browser/support/browser";
import { serverAndBrowserPerFile } from "../../browser/support/lifecycle";
import type { RunningServer } from "../../browser/support/server";
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
  const env = serverAndBrowserPerFile({ ...options, prepare: ensureDemoRound }) as RoundBrowserTests;
  beforeAll(() => {
    env.users = passwordsByRole(env.server);
  });
  return env;
}

/** Run axe-core (every rule, best practices too) and the table-shape check; expect no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page, "all"), `axe on ${page.url()}`).toEqual([]);
}

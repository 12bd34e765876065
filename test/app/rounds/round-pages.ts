// Steps through the round pages in a browser, free of vitest so that scripts can use them too
// (bin/screenshots.ts); the round browser tests get them through browser-support.ts.
import type { Page } from "playwright-core";
import { createDb } from "../../../db/connection";
import { seedDemoRound } from "../../../db/seed/demo-round";
import type { RunningServer } from "../../browser/support/server";

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

/** The round page's current step as the stepper names it ("7. Analyserad"). */
export async function currentStep(page: Page): Promise<string> {
  return (await page.locator('.round-stepper [aria-current="step"]').textContent()) ?? "";
}

/**
 * Submit a step's form (`#step-FORM`) by its button and wait for the round page to render again;
 * returns the form and field errors it then shows (none when the step was taken).
 */
export async function submitStep(page: Page, form: string, button: string): Promise<string[]> {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await page.locator(`#step-${form}`).getByRole("button", { name: button }).click();
  await posted;
  // after the action Remix revalidates the loaders (a GET of ….data); wait for it to render
  await page
    .waitForResponse((r) => r.request().method() === "GET" && r.url().includes(".data"), { timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  return page.locator(".form-error, .field-error").allTextContents();
}

/**
 * Start the analysis on the round page at `roundUrl` and reload it once a second until the round is
 * analysed (the run goes on in a worker thread); throws after `seconds`.
 */
export async function runAnalysis(page: Page, roundUrl: string, seconds = 120): Promise<void> {
  await page.locator("#step-analyse").getByRole("button", { name: "Kör analysen" }).click();
  await page.waitForLoadState("networkidle");
  for (let i = 0; i < seconds && !(await currentStep(page)).includes("Analyserad"); i++) {
    await page.waitForTimeout(1000);
    await page.goto(roundUrl);
  }
  if (!(await currentStep(page)).includes("Analyserad"))
    throw new Error(`the analysis of ${roundUrl} did not finish within ${seconds} s`);
}

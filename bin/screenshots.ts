// `npm run screenshots`: takes the README's screenshots (docs/screenshots/*.png) afresh from the built app
// on a fresh SQLite database with the demo data, in Swedish, at 1280 × 800 CSS pixels and device scale 1.
// The demo round is taken through its pages as the roles would (needs, candidates, rules, scenario,
// analysis, proposal, committee, publication) for the analysis and decision-record pictures.
// Needs a build (`npm run build`).
import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { DEMO_ROUND_ID } from "../db/seed/demo-round";
import {
  ensureDemoRound,
  passwordsByRole,
  runAnalysis,
  signIn,
  signOut,
  submitStep,
} from "../test/app/rounds/round-pages";
import { launchBrowser } from "../test/browser/support/browser";
import { waitForHydration } from "../test/browser/support/keyboard";
import { startServer, type RunningServer } from "../test/browser/support/server";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "docs", "screenshots");
const VIEWPORT = { width: 1280, height: 800 };
/** A README picture larger than this is worth a tighter clip. */
const MAX_BYTES = 400 * 1024;

type Users = Record<string, { username: string; password: string }>;

/** Load `url` and wait until it is quiet: no requests in flight, React hydrated, fonts loaded. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await waitForHydration(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Save a PNG of `what`: the viewport (`"viewport"`), one element (a `Locator`), or the page from the top of
 * the first element to the bottom of the last (`[first, last]`, the page's full width).
 */
async function shoot(
  page: Page,
  name: string,
  what: "viewport" | Locator | [Locator, Locator],
): Promise<void> {
  const file = path.join(outDir, name);
  const options = { path: file, animations: "disabled", caret: "hide", scale: "css" } as const;
  if (what === "viewport") {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot(options);
  } else if (Array.isArray(what)) {
    const first = await boxOnPage(what[0]);
    const last = await boxOnPage(what[1]);
    const y = Math.max(0, first.y - 16);
    const height = last.y + last.height + 16 - y;
    await page.screenshot({ ...options, fullPage: true, clip: { x: 0, y, width: VIEWPORT.width, height } });
  } else {
    await what.screenshot(options);
  }
  const { size } = await stat(file);
  const warn = size > MAX_BYTES ? ` (larger than ${MAX_BYTES / 1024} kB: clip it tighter)` : "";
  process.stderr.write(`screenshots: ${path.relative(root, file)} ${Math.round(size / 1024)} kB${warn}\n`);
}

/** An element's box in page coordinates (not the viewport's). */
async function boxOnPage(locator: Locator): Promise<{ y: number; height: number }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { y: r.top + window.scrollY, height: r.height };
  });
}

/** Sign out whoever is signed in and sign in as the demo user of `role`. */
async function signInAs(page: Page, server: RunningServer, users: Users, role: string): Promise<void> {
  if (await page.getByRole("button", { name: "Logga ut" }).count()) await signOut(page);
  const user = users[role];
  if (!user) throw new Error(`screenshots: setup printed no demo user with the role ${role}`);
  await signIn(page, server, user.username, user.password);
}

/** Take a step of the round's form and fail loudly if the round page then shows an error. */
async function step(page: Page, form: string, button: string): Promise<void> {
  const errors = await submitStep(page, form, button);
  if (errors.length > 0) throw new Error(`screenshots: step ${form} refused: ${errors.join(" | ")}`);
  await settle(page);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, "build", "server", "index.js"))) {
    process.stderr.write("screenshots: no build in build/; run `npm run build` first\n");
    process.exitCode = 1;
    return;
  }
  await mkdir(outDir, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    await ensureDemoRound(server);
    const users = passwordsByRole(server);
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await signInAs(page, server, users, "analyst");

    await open(page, `${server.url}/`);
    await shoot(page, "overview.png", "viewport");
    await shoot(
      page,
      "overview-equity.png",
      page.locator('section[aria-labelledby="segments-equity-title"]'),
    );
    await shoot(page, "overview-international.png", page.locator('section[aria-labelledby="intl-title"]'));

    await open(page, `${server.url}/data`);
    await shoot(page, "data.png", "viewport");

    await open(page, `${server.url}/interventions`);
    await shoot(page, "interventions.png", "viewport");

    await open(page, `${server.url}/scenarios/citizen-priorities`);
    await shoot(page, "scenario-weights.png", [
      page.locator("fieldset.weights"),
      page.locator("#scenario-preview"),
    ]);

    // the demo round as setup leaves it (scoped), then through its steps to an analysis
    const roundUrl = `${server.url}/rounds/${DEMO_ROUND_ID}`;
    await open(page, roundUrl);
    await shoot(page, "round.png", "viewport");
    await page.getByLabel("Anteckning om behoven").fill("De äldsta kvinnorna har lägst hälsa.");
    await step(page, "needs", "Behoven är granskade");
    await step(page, "candidates", "Spara valet av insatser");
    await step(page, "rules", "Tillämpa regelverket");
    await step(page, "scenario", "Spara scenariovalet");
    await runAnalysis(page, roundUrl);

    await open(page, `${roundUrl}/analysis`);
    await shoot(page, "analysis-ranking.png", [page.locator("h1"), page.locator("#heatmap")]);
    await shoot(page, "analysis-charts.png", [page.locator("#tornado"), page.locator("#frontier")]);

    // the proposal, the committee's approval and the published decision record
    await signInAs(page, server, users, "budget_planner");
    await open(page, roundUrl);
    const candidates = page.locator("#step-portfolio fieldset.portfolio-row");
    for (let i = 0; i < (await candidates.count()); i++) {
      const box = candidates.nth(i).locator('input[name="selected"]');
      const rationale = (await box.isDisabled())
        ? "Utesluten av regelverket."
        : (await candidates.nth(i).locator(".tag-required").count())
          ? "Med i förslaget: krävs enligt regelverket."
          : (await box.isChecked())
            ? "Med i förslaget: stor förväntad jämlik effekt per krona inom budgeten."
            : "Inte med: ryms inte i budgeten efter insatserna med mer effekt per krona.";
      await candidates.nth(i).locator("textarea").fill(rationale);
    }
    await step(page, "portfolio", "Spara förslaget");
    await step(page, "submit", "Lämna till nämnden");

    await signInAs(page, server, users, "committee");
    await open(page, roundUrl);
    await step(page, "review", "Godkänn förslaget");
    await page.getByLabel("Beslutets sammanfattning").fill("Nämnden beslutar enligt förslaget.");
    await step(page, "publish", "Publicera beslutet");
    await open(page, `${roundUrl}/record`);
    await page.getByRole("button", { name: "Reproducera analysen" }).click();
    await page.locator("#reproduce-result p").waitFor({ timeout: 60_000 });
    await shoot(page, "record.png", [
      page.locator("h1"),
      page.locator('section[aria-labelledby="rank-title"]'),
    ]);
    await shoot(page, "record-decision.png", [
      page.locator('section[aria-labelledby="rationale-title"]'),
      page.locator('section[aria-labelledby="decision-title"]'),
    ]);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();

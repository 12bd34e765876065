import type { Page } from "playwright-core";
import { DEMO_ROUND_ID } from "../../db/seed/demo-round";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { serverAndBrowserPerFile } from "./support/lifecycle";

// Every page outside the round workflow, in Swedish and in English, as an analyst (and a viewer for
// the read-only views and the 403): axe-core's WCAG 2.0/2.1 A and AA rules find nothing, the page
// logs no console error, <html lang> is the chosen language, and there is an <h1> and a <title>.

const env = serverAndBrowserPerFile();

function user(part: string): [string, string] {
  const found = Object.entries(env.server.passwords).find(([u]) => u.includes(part));
  if (!found) throw new Error(`no demo user like ${part} in ${Object.keys(env.server.passwords).join(", ")}`);
  return found;
}

/** A fresh page that records console errors and uncaught exceptions. */
async function recordingPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return { page, errors };
}

async function signIn(page: Page, who: string): Promise<void> {
  const [username, password] = user(who);
  await page.goto(`${env.server.url}/login`);
  // by field name: the form is in whichever language the cookie chose
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator('main button[type="submit"]').click();
  // a client-side navigation changes the URL before the page renders: wait for the sign-out form
  await page.locator('form[action="/logout"]').waitFor();
}

async function setLanguage(page: Page, to: "sv" | "en"): Promise<void> {
  await page.goto(`${env.server.url}/lang?to=${to}&redirectTo=/`);
  await page.waitForLoadState();
  expect(await page.getAttribute("html", "lang")).toBe(to);
}

/** The first href on `path` matching `pattern`, as a path. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(`${env.server.url}${path}`);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link like ${pattern} on ${path}: ${hrefs.join(" ")}`);
  return href;
}

/** Page titles in each language (WCAG 2.4.2: the title names the page, in the page's language). */
const TITLES: Record<string, { sv: string; en: string }> = {
  "/": { sv: "Översikt – Livsval", en: "Overview – Livsval" },
  "/data": { sv: "Data: indikatorer och källor – Livsval", en: "Data: indicators and sources – Livsval" },
  "/data/import": { sv: "Importera en datafil – Livsval", en: "Import a data file – Livsval" },
  "/interventions": { sv: "Insatser – Livsval", en: "Interventions – Livsval" },
  "/interventions/new": { sv: "Ny insats – Livsval", en: "New intervention – Livsval" },
  "/scenarios": {
    sv: "Viktningsscenarier och regelverk – Livsval",
    en: "Weighting scenarios and rule sets – Livsval",
  },
};

/** The axe rules run on every page: WCAG 2.0/2.1 A and AA, and axe's best practices (heading order, landmarks). */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] as const;

/**
 * Check the page as it is now: <html lang>, an <h1>, a <title>, no console errors since `rec.errors`
 * was last emptied, and axe. With an expected 4xx the browser's own "Failed to load resource" line
 * for that status is not a fault.
 */
async function inspect(
  rec: { page: Page; errors: string[] },
  label: string,
  lang: "sv" | "en",
  status = 200,
): Promise<string[]> {
  const { page, errors } = rec;
  const problems: string[] = [];
  const htmlLang = await page.getAttribute("html", "lang");
  if (htmlLang !== lang) problems.push(`<html lang="${htmlLang}">, expected ${lang}`);
  if ((await page.locator("h1").count()) < 1) problems.push("no <h1>");
  if (!(await page.title()).trim()) problems.push("empty <title>");
  const expectedResourceError = `the server responded with a status of ${status}`;
  for (const e of errors) {
    if (!(status >= 400 && e.includes("Failed to load resource") && e.includes(expectedResourceError)))
      problems.push(e);
  }
  for (const v of await axeViolations(page, AXE_TAGS)) problems.push(`axe: ${v}`);
  return problems.map((p) => `${label} [${lang}]: ${p}`);
}

/** Open `path` (a full page load) and inspect it, with the HTTP status expected. */
async function checkPage(
  rec: { page: Page; errors: string[] },
  path: string,
  lang: "sv" | "en",
  status = 200,
): Promise<string[]> {
  rec.errors.length = 0;
  const response = await rec.page.goto(`${env.server.url}${path}`);
  await rec.page.locator("h1").first().waitFor();
  // let hydration finish, so that its errors (if any) are recorded
  await rec.page.waitForLoadState("networkidle");
  const problems = await inspect(rec, path, lang, status);
  const title = await rec.page.title();
  if (status === 200 && TITLES[path] && title !== TITLES[path][lang])
    problems.push(`${path} [${lang}]: <title> "${title}", expected "${TITLES[path][lang]}"`);
  // a rule set's page: its title is its heading ("Regelverk: <name>" / "Rule set: <name>")
  const h1 = (await rec.page.locator("h1").first().textContent())?.trim();
  if (path.startsWith("/scenarios/rules/") && title !== `${h1} – Livsval`)
    problems.push(`${path} [${lang}]: <title> "${title}", expected "${h1} – Livsval"`);
  if (response?.status() !== status)
    problems.unshift(`${path} [${lang}]: status ${response?.status()}, expected ${status}`);
  return problems;
}

/** Submit the form on `path` with the button `button`, wait for `shown`, then inspect the page. */
async function checkAfterSubmit(
  rec: { page: Page; errors: string[] },
  path: string,
  lang: "sv" | "en",
  fill: (page: Page) => Promise<void>,
  button: string,
  shown: string,
  status: number,
): Promise<string[]> {
  const { page } = rec;
  await page.goto(`${env.server.url}${path}`);
  await page.waitForLoadState("networkidle");
  await fill(page);
  rec.errors.length = 0;
  await page.locator(button).click();
  await page.locator(shown).first().waitFor();
  await page.waitForLoadState("networkidle");
  return inspect(rec, `${path} after ${button}`, lang, status);
}

describe("the axe helper", () => {
  it("reports a violation with its rule id, target and summary", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.url}/login`);
    // after hydration, which would drop a node React did not render
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "/favicon.svg";
      img.id = "no-alt";
      document.querySelector("main")!.append(img);
    });
    const found = await axeViolations(page, AXE_TAGS);
    expect(await page.locator("#no-alt").count()).toBe(1);
    expect(found.some((v) => v.startsWith("image-alt — #no-alt — "))).toBe(true);
    await page.close();
  });
});

describe("every page outside the round workflow", () => {
  for (const lang of ["sv", "en"] as const) {
    it(`passes axe and has lang, h1 and title with no console errors, in ${lang === "sv" ? "Swedish" : "English"}`, async () => {
      const problems: string[] = [];

      // signed out: the login page (the language cookie is set before signing in)
      const anon = await recordingPage();
      await setLanguage(anon.page, lang);
      problems.push(...(await checkPage(anon, "/login", lang)));
      await anon.page.close();

      const rec = await recordingPage();
      await signIn(rec.page, "analyst");
      await setLanguage(rec.page, lang);
      const indicator = await firstLink(rec.page, "/data", /^\/data\/indicators\/[^/.]+$/);
      const intervention = await firstLink(rec.page, "/interventions", /^\/interventions\/(?!new$)[^/]+$/);
      const scenario = await firstLink(rec.page, "/scenarios", /^\/scenarios\/(?!rules\/)[^/]+$/);
      const ruleSet = await firstLink(rec.page, "/scenarios", /^\/scenarios\/rules\/[^/]+$/);
      for (const path of [
        "/",
        "/data",
        indicator,
        "/data/import",
        "/interventions",
        "/interventions/new",
        intervention,
        "/scenarios",
        scenario,
        ruleSet,
      ]) {
        problems.push(...(await checkPage(rec, path, lang)));
      }
      // the pages in their error and result states
      problems.push(
        ...(await checkAfterSubmit(
          rec,
          "/interventions/new",
          lang,
          async () => undefined,
          'main button[name="intent"][value="save"]:not(.visually-hidden)',
          '[aria-invalid="true"]',
          400,
        )),
      );
      problems.push(
        ...(await checkAfterSubmit(
          rec,
          scenario,
          lang,
          async () => undefined,
          'main button[name="intent"][value="preview"]',
          "#scenario-preview",
          200,
        )),
      );
      problems.push(
        ...(await checkAfterSubmit(
          rec,
          "/data/import",
          lang,
          async (page) => {
            await page.locator("#f-file").setInputFiles({
              name: "bad.csv",
              mimeType: "text/csv",
              buffer: Buffer.from("indicator,area,group,period,value,u,n,source\nnope,1283,,2019,x,1,,t\n"),
            });
            await page.locator("#f-source").fill("Browser test");
            await page.locator("#f-licence").fill("CC0");
            await page.locator("#f-retrieved").fill("2026-12-04");
          },
          'main form[enctype="multipart/form-data"] button[type="submit"]',
          "#import-issues",
          400,
        )),
      );
      problems.push(...(await checkPage(rec, "/no-such-page", lang, 404)));
      await rec.page.context().clearCookies();
      await rec.page.close();

      // the viewer's read-only views and a page the viewer may not open
      const viewer = await recordingPage();
      await signIn(viewer.page, "viewer");
      await setLanguage(viewer.page, lang);
      for (const path of ["/", "/data", indicator, "/interventions", intervention, "/scenarios", scenario]) {
        problems.push(...(await checkPage(viewer, path, lang)));
      }
      problems.push(...(await checkPage(viewer, "/data/import", lang, 403)));
      await viewer.page.context().clearCookies();
      await viewer.page.close();

      expect(problems).toEqual([]);
    });
  }

  it("reflows at 320 CSS pixels without scrolling the page sideways (WCAG 1.4.10)", async () => {
    const rec = await recordingPage();
    await rec.page.setViewportSize({ width: 320, height: 640 });
    await signIn(rec.page, "analyst");
    await setLanguage(rec.page, "sv");
    const indicator = await firstLink(rec.page, "/data", /^\/data\/indicators\/[^/.]+$/);
    const intervention = await firstLink(rec.page, "/interventions", /^\/interventions\/(?!new$)[^/]+$/);
    const scenario = await firstLink(rec.page, "/scenarios", /^\/scenarios\/(?!rules\/)[^/]+$/);
    const ruleSet = await firstLink(rec.page, "/scenarios", /^\/scenarios\/rules\/[^/]+$/);
    const wide: string[] = [];
    for (const path of [
      "/",
      "/data",
      indicator,
      "/data/import",
      "/interventions",
      "/interventions/new",
      intervention,
      "/scenarios",
      scenario,
      ruleSet,
      "/rounds",
      "/rounds/new",
      `/rounds/${DEMO_ROUND_ID}`,
      `/rounds/${DEMO_ROUND_ID}/analysis`,
      `/rounds/${DEMO_ROUND_ID}/record`,
    ]) {
      await rec.page.goto(`${env.server.url}${path}`);
      await rec.page.waitForLoadState("networkidle");
      const over = await rec.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return null;
        // what sticks out, outside the scrollable table regions (a data table may scroll by itself)
        return [...document.querySelectorAll("body, body *")]
          .filter((el) => !el.closest(".table-scroll") && el.getBoundingClientRect().right > width + 1)
          .slice(0, 5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`,
          );
      });
      if (over) wide.push(`${path}: ${over.join(", ")}`);
    }
    await rec.page.close();
    expect(wide).toEqual([]);
  });

  it("titles a refusal and a missing page for what they are, and tells a viewer whom to ask", async () => {
    const { page } = await recordingPage();
    await page.context().clearCookies();
    await signIn(page, "viewer");
    for (const [lang, want] of [
      [
        "sv",
        {
          h403: "Ingen behörighet",
          role: "Din roll (Läsare)",
          ask: "administratör",
          h404: "Sidan finns inte",
        },
      ],
      [
        "en",
        { h403: "Not allowed", role: "Your role (Viewer)", ask: "administrator", h404: "Page not found" },
      ],
    ] as const) {
      await setLanguage(page, lang);
      expect((await page.goto(`${env.server.url}/data/import`))?.status()).toBe(403);
      await expect(page.locator("main h1").textContent()).resolves.toBe(want.h403);
      const why = (await page.locator("main .error p").first().textContent())!;
      expect(why).toContain(want.role);
      expect(why).toContain(want.ask);
      expect((await page.goto(`${env.server.url}/no-such-page`))?.status()).toBe(404);
      await expect(page.locator("main h1").textContent()).resolves.toBe(want.h404);
    }
    await setLanguage(page, "sv");
    await page.context().clearCookies();
    await page.close();
  });
});

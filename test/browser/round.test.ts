import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  currentStep,
  expectNoAxeViolations,
  runAnalysis,
  setUpRoundBrowserTests,
  signIn,
  signOut,
  submitStep,
} from "../app/rounds/browser-support";

// One whole prioritisation round in the browser, from a new round's scope to a published decision
// record and its follow-up, each role signing in for its steps; axe-core on every page.

const env = setUpRoundBrowserTests();

async function as(page: Page, role: string): Promise<void> {
  if (await page.getByRole("button", { name: "Logga ut" }).count()) await signOut(page);
  await signIn(page, env.server, env.users[role]!.username, env.users[role]!.password);
}

/** Submit a step's form by its button; the round page then shows no error. */
async function submit(page: Page, form: string, button: string): Promise<void> {
  expect(await submitStep(page, form, button), `${form} on ${page.url()}`).toEqual([]);
}

/**
 * At 320 CSS pixels, what makes the page scroll sideways (outside the tables and chart drawings that
 * scroll by themselves).
 */
async function sticksOutAt320(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 320, height: 640 });
  const over = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter(
        (el) => !el.closest(".table-scroll, .chart-drawing") && el.getBoundingClientRect().right > width + 1,
      )
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join(".")}`);
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  return over;
}

describe("a prioritisation round in the browser", () => {
  it("goes from scope to a published decision record and its follow-up, every page passing axe", async () => {
    const roles = Object.keys(env.users).sort();
    expect(roles).toEqual(["admin", "analyst", "budget_planner", "committee", "viewer"]);
    const page = await env.browser.context.newPage();
    await as(page, "analyst");

    await page.goto(`${env.server.url}/rounds`);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Ny prioriteringsomgång" }).click();
    await page.waitForURL(/\/rounds\/new$/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Namn på omgången").fill("Webbläsartest 2027");
    await page.getByRole("button", { name: "Skapa omgången" }).click();
    await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    const roundUrl = page.url();
    expect(await currentStep(page)).toContain("Utkast");
    await expectNoAxeViolations(page);

    await submit(page, "scope", "Spara avgränsningen");
    expect(await currentStep(page)).toContain("Avgränsad");
    await expectNoAxeViolations(page);
    await page.getByLabel("Anteckning om behoven").fill("De äldsta har lägst hälsa.");
    await submit(page, "needs", "Behoven är granskade");
    expect(await currentStep(page)).toContain("Behov granskade");
    await expectNoAxeViolations(page);

    await submit(page, "candidates", "Spara valet av insatser");
    await expectNoAxeViolations(page);
    await submit(page, "rules", "Tillämpa regelverket");
    expect(await currentStep(page)).toContain("Regelverk tillämpat");
    // the rule set's reasons in Swedish, though the round stores the engine's English
    const exclusions = (await page.locator("ul.exclusions li").allTextContents()).join(" ");
    expect(exclusions).toContain("insatser med evidensgrad D får kosta högst 1 mkr");
    expect(exclusions).not.toContain("may not exceed");
    await expectNoAxeViolations(page);
    // ε with a decimal comma on the Swedish page (helsingborg-programme has ε = 1.5), draws with a space
    const scenarioText = (await page.locator("#step-scenario").textContent())!;
    expect(scenarioText).toContain("ε = 1,50");
    expect(scenarioText).not.toMatch(/ε = \d\.\d/);
    await submit(page, "scenario", "Spara scenariovalet");
    expect(await currentStep(page)).toContain("Viktningsscenario valt");
    expect(await page.locator("#step-analyse").textContent()).toMatch(/\d\s\d{3} Monte Carlo-dragningar/);
    await expectNoAxeViolations(page);

    await runAnalysis(page, roundUrl);
    expect(await currentStep(page)).toContain("Analyserad");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Visa analysen" }).click();
    await page.waitForURL(/\/analysis$/);
    await page.locator("#ranking-table").waitFor();
    expect(await page.locator("#ranking-table tbody tr").count()).toBeGreaterThan(1);
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
    // the tornado's bars are labelled in words, not ids such as subjective_wellbeing or 1283:age_20_44_m
    const tornadoLabels = await page.locator("#tornado svg tspan").allTextContents();
    expect(tornadoLabels.some((l) => l.startsWith("Vikt: ") || l.startsWith("Effekt: "))).toBe(true);
    expect(tornadoLabels.filter((l) => /_|\d:/.test(l))).toEqual([]);
    // the analysis notes (written in English) are marked as English on the Swedish page
    const notes = page.locator('section[aria-labelledby="warnings-title"] li');
    expect(await notes.count()).toBeGreaterThan(0);
    expect(await notes.locator('> span[lang="en"]').count()).toBe(await notes.count());
    // the equity plane's point labels do not overlap one another
    const boxes = await page
      .locator("#plane svg text.point-label")
      .evaluateAll((els) =>
        els.map((e) => (e as SVGGraphicsElement).getBBox()).map((b) => [b.x, b.y, b.width, b.height]),
      );
    expect(boxes.length).toBeGreaterThan(1);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [[ax, ay, aw, ah], [bx, by, bw, bh]] = [boxes[i]!, boxes[j]!];
        const apart = ax! + aw! <= bx! || bx! + bw! <= ax! || ay! + ah! <= by! || by! + bh! <= ay!;
        expect(apart, `plane labels ${i + 1} and ${j + 1}`).toBe(true);
      }
    await page.getByRole("button", { name: "Förklara" }).click();
    await page.locator("#why-table").waitFor();
    // the analysis, with its candidate pickers sized by long names, reflows at 320 px
    expect(await sticksOutAt320(page)).toEqual([]);
    // and at 390 px its charts keep labels of at least 10 px (11 units in a drawing of 640–680 units)
    await page.setViewportSize({ width: 390, height: 800 });
    const labelPx = await page
      .locator(".chart-drawing svg")
      .evaluateAll((svgs) =>
        svgs.map((s) => (11 * s.getBoundingClientRect().width) / (s as SVGSVGElement).viewBox.baseVal.width),
      );
    expect(labelPx.length).toBeGreaterThanOrEqual(3);
    for (const px of labelPx) expect(px).toBeGreaterThanOrEqual(10);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page);

    await as(page, "budget_planner");
    await page.goto(roundUrl);
    await expectNoAxeViolations(page);
    // the suggested portfolio names candidates, not ids; impacts show four decimals, not 0,000
    const portfolioText = await page.locator("#step-portfolio").innerText();
    const ids = await page
      .locator('#step-portfolio input[name="selected"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.filter((id) => new RegExp(`(^|[ ,;:])${id}([ ,;.]|$)`, "m").test(portfolioText))).toEqual([]);
    expect(portfolioText).toMatch(/: \d,\d{4} \[\d,\d{4}; \d,\d{4}\]/);
    const rationales = page.locator('#step-portfolio textarea[name^="rationale."]');
    for (let i = 0; i < (await rationales.count()); i++)
      await rationales.nth(i).fill("Motiverat av analysen.");
    await submit(page, "portfolio", "Spara förslaget");
    expect(await currentStep(page)).toContain("Förslag lagt");
    await submit(page, "submit", "Lämna till nämnden");
    expect(await currentStep(page)).toContain("Nämndens granskning");

    await as(page, "committee");
    await page.goto(roundUrl);
    await expectNoAxeViolations(page);
    await submit(page, "review", "Godkänn förslaget");
    await page.getByLabel("Beslutets sammanfattning").fill("Nämnden beslutar enligt förslaget.");
    await submit(page, "publish", "Publicera beslutet");
    expect(await currentStep(page)).toContain("Beslutad");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Beslutsunderlag" }).click();
    await page.waitForURL(/\/record$/);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Reproducera analysen" }).click();
    await page.locator("#reproduce-result p").waitFor({ timeout: 60_000 });
    expect(await page.locator("#reproduce-result").textContent()).toContain("identiskt");
    // the scope names its areas (not "Områden 1283"); the audit log names its events in words
    const scopeText = (await page.locator('section[aria-labelledby="scope-title"] p').first().textContent())!;
    expect(scopeText).toMatch(/^Områden: Helsingborg; 10 befolkningsgrupper; period \d{4}(–\d{4})?; budget /);
    expect(scopeText).not.toMatch(/(\d{4})–\1/);
    const events = await page.locator("#round-audit tbody tr td:nth-child(4)").allTextContents();
    expect(events.some((e) => e.startsWith("Beslutet publicerat"))).toBe(true);
    // the published record, its ranking table and the reproduce check's hash, reflows at 320 px
    expect(await sticksOutAt320(page)).toEqual([]);

    await as(page, "analyst");
    await page.goto(roundUrl);
    const measured = page.locator('#step-followup input[name="measured"]');
    const u = page.locator('#step-followup input[name="u"]');
    for (let i = 0; i < (await measured.count()); i++) {
      await measured.nth(i).fill("0.01");
      await u.nth(i).fill("0.005");
    }
    await page.getByLabel("Anteckning", { exact: true }).fill("Första årets mätning.");
    await submit(page, "followup", "Spara uppföljningen");
    expect(await currentStep(page)).toContain("Uppföljd");
    await expect(page.locator("#followup-table").count()).resolves.toBe(1);
    await expectNoAxeViolations(page);

    // the same page in English
    await page.getByRole("link", { name: "In English" }).click();
    await page.waitForURL(roundUrl);
    await page.locator("html[lang=en]").waitFor();
    expect(await currentStep(page)).toContain("Followed up");
    await expect(page.getByRole("heading", { name: "Expected and measured change" }).count()).resolves.toBe(
      1,
    );
    await expectNoAxeViolations(page);
    await page.close();
  });
});

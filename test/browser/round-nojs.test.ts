import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { currentStep, setUpRoundBrowserTests, signIn, signOut } from "../app/rounds/browser-support";

// The round's key forms with JavaScript switched off: plain HTML posts, post/redirect/get, field and
// form-level messages rendered by the server, and the analysis run's progress page refreshing itself.
// (axe needs JavaScript in the page, so it runs on the same pages in round.test.ts.)

const env = setUpRoundBrowserTests({ javaScriptEnabled: false });

/** Click a form's button and wait for the full page load that follows (no JavaScript). */
async function press(page: Page, form: string, button: string): Promise<void> {
  await Promise.all([
    page.waitForEvent("load"),
    page.locator(`#step-${form}`).getByRole("button", { name: button }).click(),
  ]);
}

describe("the round without JavaScript", () => {
  it("creates and scopes a round, shows field errors and the machine's refusals, and runs the analysis", async () => {
    const page = await env.browser.context.newPage();
    await signIn(page, env.server, env.users.analyst!.username, env.users.analyst!.password);

    await page.goto(`${env.server.url}/rounds/new`);
    await page.getByLabel("Namn på omgången").fill("Utan JavaScript");
    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: "Skapa omgången" }).click(),
    ]);
    expect(page.url()).toMatch(/\/rounds\/[0-9a-f-]{36}$/);
    const roundUrl = page.url();
    expect(await currentStep(page)).toContain("Utkast");

    // a bad budget comes back as a field message (400), nothing saved
    await page.getByLabel("Budget (kronor)").fill("0");
    await press(page, "scope", "Spara avgränsningen");
    expect(await page.locator("#scope-budget-error").textContent()).toContain("större än 0");
    expect(await page.getAttribute("#scope-budget", "aria-invalid")).toBe("true");
    expect(await currentStep(page)).toContain("Utkast");

    await page.goto(roundUrl);
    await press(page, "scope", "Spara avgränsningen");
    expect(page.url()).toBe(roundUrl);
    expect(await currentStep(page)).toContain("Avgränsad");

    // a budget planner may prepare rounds, but the machine lets only analysts review needs
    await signOut(page);
    await signIn(page, env.server, env.users.budget_planner!.username, env.users.budget_planner!.password);
    await page.goto(roundUrl);
    await page.getByLabel("Anteckning om behoven").fill("Försök");
    await press(page, "needs", "Behoven är granskade");
    expect(await page.locator("#needs-form-error").textContent()).toContain(
      'role "budget_planner" may not send needs.reviewed',
    );

    await signOut(page);
    await signIn(page, env.server, env.users.analyst!.username, env.users.analyst!.password);
    await page.goto(roundUrl);
    await press(page, "needs", "Behoven är granskade");
    expect(await currentStep(page)).toContain("Behov granskade");
    await page.locator('#step-candidates input[name="candidateIds"]').nth(0).uncheck();
    await press(page, "candidates", "Spara valet av insatser");
    await press(page, "rules", "Tillämpa regelverket");
    await press(page, "scenario", "Spara scenariovalet");
    expect(await currentStep(page)).toContain("Viktningsscenario valt");

    // the run goes on in the server; the page refreshes itself (meta refresh) until it is done
    await press(page, "analyse", "Kör analysen");
    for (let i = 0; i < 120 && !(await currentStep(page)).includes("Analyserad"); i++) {
      await page.waitForTimeout(1000);
    }
    expect(await currentStep(page)).toContain("Analyserad");

    await page.goto(`${roundUrl}/analysis`);
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Förklara" }).click()]);
    expect(page.url()).toContain("?a=");
    expect(await page.locator("#why-table tbody tr").count()).toBeGreaterThan(0);
    await page.close();
  });
});

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpRoundBrowserTests } from "../app/rounds/browser-support";
import { byId, byText, focused, keyboardWalk, waitForHydration, type Focused } from "./support/keyboard";

// One whole prioritisation round with the keyboard alone (issue 5 point 4; WCAG 2.1.1, 2.4.3, 2.4.7): the same
// steps as round.test.ts, from a new round's scope to a published decision record and its follow-up, each role
// signing in for its steps. Tab and Shift+Tab move, Enter and Space activate, the arrow keys choose, text is
// typed; the only page.goto is the first (the sign-in page), every later page is reached through a link.
// Every focus stop passed shows a visible focus indicator, and no step leaves focus on <body>: it goes to <main>
// on a new page or step, back to the button when its form stays, to the message when a step is refused.

const env = setUpRoundBrowserTests();

const TITLE = "Tangentbordsomgång 2027";

const currentStep = (page: Page) => page.locator('.round-stepper [aria-current="step"]');

describe("a prioritisation round with the keyboard alone", () => {
  it("goes from scope to a published decision record and its follow-up without a click", async () => {
    const page = await env.browser.context.newPage();
    const walk = keyboardWalk(page);
    const { tabTo } = walk;

    /** Enter on the focused link, and wait for the page it leads to. */
    async function follow(url: RegExp | string): Promise<void> {
      await page.keyboard.press("Enter");
      await page.waitForURL(url);
      await page.locator("h1").first().waitFor();
      await waitForHydration(page);
    }

    /** Sign in through the form on the sign-in page, where signing out (or the first page) leaves us. */
    async function signIn(role: string): Promise<void> {
      await page.waitForURL(/\/login$/);
      await tabTo(byId("username"));
      await page.keyboard.type(env.users[role]!.username);
      await tabTo(byId("password"));
      await page.keyboard.type(env.users[role]!.password);
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.pathname === "/");
      await page.getByRole("button", { name: "Logga ut" }).waitFor();
    }

    /** Sign out with the header's button (back up the page with Shift+Tab) and sign in as `role`. */
    async function switchTo(role: string): Promise<void> {
      await tabTo(byText("button", "Logga ut"), true);
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Logga in" }).waitFor();
      await signIn(role);
    }

    /** After a navigation or a submission focus is not lost to <body>, but on the control `want` names. */
    async function focusOn(want: (f: Focused) => boolean): Promise<void> {
      await page.waitForFunction(() => document.activeElement !== document.body, null, { timeout: 5000 });
      const f = await focused(page);
      expect(want(f), `focus on ${f.tag}#${f.id} "${f.text.slice(0, 40)}" at ${page.url()}`).toBe(true);
    }
    /** The focused control was replaced by a new page or the next step: focus is at the start of <main>. */
    const focusOnMain = () => focusOn(byId("main"));

    /** From <main> (where a new page puts focus): back up to the menu's rounds link, then this round's link. */
    async function openRound(): Promise<void> {
      await tabTo(byText("a", "Prioriteringsomgångar"), true);
      await follow(/\/rounds$/);
      await tabTo(byText("a", TITLE));
      await follow(/\/rounds\/[0-9a-f-]{36}$/);
    }

    /**
     * Tab to a step's button, press Enter, and wait until the round reaches `state` with no error shown. Focus
     * returns to the button if its step is still offered (e.g. the scope can be changed), else goes to <main>.
     */
    async function submitStep(button: string, state: string): Promise<void> {
      await tabTo(byText("button", button));
      await page.keyboard.press("Enter");
      await currentStep(page).filter({ hasText: state }).waitFor({ timeout: 20_000 });
      const errors = await page.locator(".form-error, .field-error").allTextContents();
      expect(errors, `${button} on ${page.url()}`).toEqual([]);
      const stays = (await page.getByRole("button", { name: button, exact: true }).count()) > 0;
      await focusOn(stays ? byText("button", button) : byId("main"));
    }

    await page.goto(`${env.server.url}/login`);
    await waitForHydration(page);
    await signIn("analyst");
    await focusOnMain();

    // a new round, named by typing
    await tabTo(byText("a", "Prioriteringsomgångar"), true);
    await follow(/\/rounds$/);
    await tabTo(byText("a", "Ny prioriteringsomgång"));
    await follow(/\/rounds\/new$/);
    await tabTo(byId("title"));
    await page.keyboard.type(TITLE);
    await tabTo(byText("button", "Skapa omgången"));
    await follow(/\/rounds\/[0-9a-f-]{36}$/);
    const roundUrl = page.url();
    expect(await currentStep(page).textContent()).toContain("Utkast");
    await focusOnMain();

    // scope: one more year typed over the default end of the period
    await tabTo(byId("scope-to"));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("2029");
    await submitStep("Spara avgränsningen", "Avgränsad");

    await tabTo(byId("needs-note"));
    await page.keyboard.type("De äldsta har lägst hälsa.");
    await submitStep("Behoven är granskade", "Behov granskade");
    await submitStep("Spara valet av insatser", "Insatser valda");
    await submitStep("Tillämpa regelverket", "Regelverk tillämpat");

    // the primary scenario: ArrowDown moves the radio group's choice from the first to the second
    const radios = page.locator('#step-scenario input[name="primary"]');
    const second = await radios.nth(1).getAttribute("value");
    await tabTo((f) => f.name === "primary");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator('#step-scenario input[name="primary"]:checked').getAttribute("value")).toBe(
      second,
    );
    await submitStep("Spara scenariovalet", "Viktningsscenario valt");

    await tabTo(byText("button", "Kör analysen"));
    await page.keyboard.press("Enter");
    await page.locator("#analysis-status progress").waitFor();
    await focusOnMain();
    // the analysis runs in the background; the page fetches its progress in place while it runs,
    // without reloading: a mark left on the window survives, and focus stays where it was (WCAG 3.2.5)
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await currentStep(page).filter({ hasText: "Analyserad" }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await focusOnMain();
    await waitForHydration(page);
    await tabTo(byText("a", "Visa analysen"));
    await follow(/\/analysis$/);
    expect(await page.locator("#ranking-table tbody tr").count()).toBeGreaterThan(1);
    await tabTo(byText("button", "Förklara"));
    await page.keyboard.press("Enter");
    await page.locator("#why-table").waitFor();
    // the explanation comes into the same page: focus stays on the button
    expect((await focused(page)).text).toBe("Förklara");

    await switchTo("budget_planner");
    await openRound();
    const rationales = await page.locator('#step-portfolio textarea[name^="rationale."]').count();
    expect(rationales).toBeGreaterThan(1);
    for (let i = 0; i < rationales; i++) {
      await tabTo((f) => f.tag === "textarea" && f.name.startsWith("rationale."));
      await page.keyboard.type("Motiverat av analysen.");
    }
    await submitStep("Spara förslaget", "Förslag lagt");
    await submitStep("Lämna till nämnden", "Nämndens granskning");

    await switchTo("committee");
    await openRound();
    await tabTo(byText("button", "Godkänn förslaget"));
    await page.keyboard.press("Enter");
    // the round asks for one approval (the default quorum): this one
    await page.locator("#step-review").getByText("Godkännanden: 1 av 1").waitFor();
    // the review form stays: focus returns to its button once the approval is saved
    await focusOn((f) => f.text === "Godkänn förslaget");
    // publishing without a summary is refused: focus goes to the message, the field to fix is the next stop
    await tabTo(byText("button", "Publicera beslutet"));
    await page.keyboard.press("Enter");
    await page.locator("#publish-summary-error").waitFor();
    await focusOn(byId("publish-form-error"));
    expect((await tabTo(() => true)).id).toBe("publish-summary");
    await page.keyboard.type("Nämnden beslutar enligt förslaget.");
    await submitStep("Publicera beslutet", "Beslutad");

    // the published record shows the decision, and reproduces the analysis
    await tabTo(byText("a", "Beslutsunderlag"));
    await follow(/\/record$/);
    const decision = page.locator('section[aria-labelledby="decision-title"]');
    expect(await decision.locator("h2").textContent()).toBe("Beslut");
    expect(await decision.textContent()).toContain("Nämnden beslutar enligt förslaget.");
    await tabTo(byText("button", "Reproducera analysen"));
    await page.keyboard.press("Enter");
    await page.locator("#reproduce-result p").waitFor({ timeout: 60_000 });
    expect(await page.locator("#reproduce-result").textContent()).toContain("identiskt");
    await focusOn((f) => f.text === "Reproducera analysen");

    // the follow-up, by the analyst
    await switchTo("analyst");
    await openRound();
    expect(page.url()).toBe(roundUrl);
    const rows = await page.locator('#step-followup input[name="measured"]').count();
    expect(rows).toBeGreaterThan(0);
    for (let i = 0; i < rows; i++) {
      await tabTo(byId(`measured-${i}`));
      await page.keyboard.type("0.01");
      await tabTo(byId(`u-${i}`));
      await page.keyboard.type("0.005");
    }
    await tabTo(byId("followup-note"));
    await page.keyboard.type("Första årets mätning.");
    await submitStep("Spara uppföljningen", "Uppföljd");
    expect(await page.locator("#followup-table tbody tr").count()).toBe(rows);

    expect(walk.checked).toBeGreaterThan(100);
    expect(walk.invisible, "focus stops with no visible focus indicator").toEqual([]);
    await page.close();
  });
});

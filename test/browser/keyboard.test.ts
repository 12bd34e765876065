import { describe, expect, it } from "vitest";
import { byId, byText, focused, keyboardWalk, waitForHydration } from "./support/keyboard";
import { serverAndBrowserPerFile } from "./support/lifecycle";

// Keyboard only (issue 5 point 4, WCAG 2.1.1, 2.4.1, 2.4.7): sign in, reach the overview, open
// /interventions/new from the menu and save an intervention with Tab, Shift+Tab, Enter, Space, the
// arrow keys and typing — no clicks. The skip link is the first stop and moves focus to <main>;
// every stop passed on the way shows a visible focus indicator.

const env = serverAndBrowserPerFile();

describe("the pages with the keyboard alone", () => {
  it("signs in, reaches the overview and saves a new intervention without a click", async () => {
    const page = await env.browser.context.newPage();
    const [username, password] = Object.entries(env.server.passwords).find(([u]) => u.includes("analyst"))!;
    await page.goto(`${env.server.url}/login`);
    await page.locator("h1").waitFor();
    await waitForHydration(page);
    const walk = keyboardWalk(page);
    const { tabTo } = walk;

    // the skip link is the first stop, and Enter on it puts focus on <main>
    const first = await tabTo(() => true);
    expect(first.tag).toBe("a");
    expect(first.text).toBe("Hoppa till innehållet");
    await page.keyboard.press("Enter");
    expect((await focused(page)).id).toBe("main");

    await tabTo(byId("username"));
    await page.keyboard.type(username);
    await tabTo(byId("password"));
    await page.keyboard.type(password);
    // Shift+Tab back to the user name and forward again: the value stays
    expect((await tabTo(byId("username"), true)).id).toBe("username");
    await tabTo(byId("password"));
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Logga ut" }).waitFor();
    await page.getByRole("heading", { level: 1, name: /Helsingborg/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    // signing in puts focus on <main>; back up to the menu's "Insatser" link, then the page's "Ny insats" link
    await tabTo(byText("a", "Insatser"), true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Insatser" }).waitFor();
    await tabTo(byText("a", "Ny insats"));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Ny insats" }).waitFor();

    await tabTo(byId("f-id"));
    await page.keyboard.type("tangentbord");
    await tabTo(byId("f-label"));
    await page.keyboard.type("Insats med tangentbordet");
    await tabTo(byId("f-statutory"));
    await page.keyboard.press("Space");
    await tabTo(byId("f-cost-mean"));
    await page.keyboard.type("50000");
    await tabTo(byId("f-cost-sd"));
    await page.keyboard.type("5000");
    // selects: the arrow keys move through the options of a closed select
    await tabTo(byId("f-effects-0--segment"));
    await page.keyboard.press("ArrowDown");
    await tabTo(byId("f-effects-0--dimension"));
    await page.keyboard.press("ArrowDown");
    await tabTo(byId("f-effects-0--change-mean"));
    await page.keyboard.type("1");
    await tabTo(byId("f-effects-0--change-sd"));
    await page.keyboard.type("0.5");
    const segment = await page.locator("#f-effects-0--segment").inputValue();
    const dimension = await page.locator("#f-effects-0--dimension").inputValue();
    expect(segment).not.toBe("");
    expect(dimension).not.toBe("");
    expect(await page.locator("#f-statutory").isChecked()).toBe(true);

    // the visible "Spara" button (the hidden default button is out of the tab order)
    await tabTo(byText("button", "Spara"));
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Insats med tangentbordet" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/interventions");

    // what was typed and chosen is what was saved
    await page.goto(`${env.server.url}/interventions/tangentbord`);
    await page.locator("h1").waitFor();
    expect(await page.locator("#f-label").inputValue()).toBe("Insats med tangentbordet");
    expect(await page.locator("#f-effects-0--segment").inputValue()).toBe(segment);
    expect(await page.locator("#f-effects-0--dimension").inputValue()).toBe(dimension);
    expect(await page.locator("#f-cost-mean").inputValue()).toBe("50000");

    expect(walk.checked).toBeGreaterThan(20);
    expect(walk.invisible, "focus stops with no visible focus indicator").toEqual([]);
    await page.close();
  });
});

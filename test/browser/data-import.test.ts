import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, type Browser } from "./support/browser";
import { waitForHydration } from "./support/keyboard";
import { startServer, type RunningServer } from "./support/server";

// The import form with JavaScript: the survey fields show only for the survey kind (and pass axe
// then), a refused survey lists its bad rows at the lines they start on, and a good one is stored.

let server: RunningServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("console", (m) => {
    // the refused upload's 400 is the answer this test asks for
    if (m.type() === "error" && !m.text().includes("status of 400")) consoleErrors.push(m.text());
  });
  const [username, password] = Object.entries(server.passwords).find(([u]) => u.includes("analyst"))!;
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function chooseFile(name: string, text: string): Promise<void> {
  await page
    .locator("#f-file")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

describe("the import form with JavaScript", () => {
  it("shows the survey fields only for a survey, lists a bad survey's rows by start line, then imports a good one", async () => {
    await page.goto(`${server.url}/data/import`);
    await waitForHydration(page);
    const survey = page.getByRole("group", { name: "Bara för enkäter" });
    expect(await survey.isVisible()).toBe(false);
    await page.locator("#f-kind").selectOption("survey");
    expect(await survey.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // physical lines: 1 header, 2–3 R1 with weight "x" and a comment with a line break, 4 R2
    const bad = 'respondent,weight,q1,q2,comment\r\nR1,x,0,1,"två\r\nrader"\r\nR2,2,1,0,\r\n';
    await chooseFile("bad-survey.csv", bad);
    await page.locator("#f-source").fill("Browser test");
    await page.locator("#f-licence").fill("CC0");
    await page.locator("#f-retrieved").fill("2026-12-04");
    await page.getByLabel(/^Instrument-id/).fill("js-survey");
    await page.getByLabel(/^Frågekolumner/).fill("q1,q2");
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await page.locator("#import-issues").waitFor();
    const rows = await page.locator("#import-issues tbody tr").allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^2weightx/);
    expect(await survey.isVisible()).toBe(true);

    await chooseFile("survey.csv", bad.replace("R1,x", "R1,1"));
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/data");
    expect(await page.getByRole("status").textContent()).toContain("2 rader lästa, 2 nya svarande");

    await page.goto(`${server.url}/data/import`);
    await waitForHydration(page);
    await page.locator("#f-kind").selectOption("survey");
    await page.locator("#f-kind").selectOption("kolada-groups");
    expect(await survey.isVisible()).toBe(false);
    expect(consoleErrors).toEqual([]);
  });
});

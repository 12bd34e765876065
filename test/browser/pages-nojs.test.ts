import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { launchBrowser, type Browser } from "./support/browser";
import { startServer, type RunningServer } from "./support/server";

// With JavaScript switched off the forms still work by plain posts (issue 5 point 5): a new
// intervention (a row added and removed by a round trip, a field error first), a scenario saved as
// a new version, an import of a bad observations file listing its bad rows, and a survey import.

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ javaScriptEnabled: false });
  page = await browser.context.newPage();
  const [username, password] = Object.entries(server.passwords).find(([u]) => u.includes("analyst"))!;
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForLoadState();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** How many rows a table of the server's database holds. */
async function rowCount(table: "observations" | "survey_respondents" | "survey_responses"): Promise<number> {
  const db = createDb(server.databaseUrl);
  try {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}
const observationCount = () => rowCount("observations");

/** Press a submit button and wait for the full page the server answers with. */
async function post(name: string | RegExp): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole("button", { name, exact: typeof name === "string" }).click(),
  ]);
  return response?.status();
}

/** Fill the import form's file, kind and provenance fields (source, licence, retrieval date). */
async function fillImport(name: string, csv: string, kind: string): Promise<void> {
  await page
    .locator("#f-file")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.locator("#f-kind").selectOption(kind);
  await page.locator("#f-source").fill("Browser test");
  await page.locator("#f-licence").fill("CC0");
  await page.locator("#f-retrieved").fill("2026-12-04");
}

describe("the forms without JavaScript", () => {
  it("creates an intervention with one effect row after a field error, adding a row by a round trip", async () => {
    await page.goto(`${server.url}/interventions/new`);
    // <noscript> content shows only when scripts are really off
    expect(await page.getByRole("button", { name: "Uppdatera fördelningsfälten" }).isVisible()).toBe(true);
    await page.getByLabel("Id (små bokstäver, siffror och bindestreck)").fill("utan-js-test");
    await page.getByLabel("Namn", { exact: true }).fill("Insats utan JavaScript");
    await page.locator("#f-cost-mean").fill("100000");
    await page.locator("#f-cost-sd").fill("10000");
    // the new form starts with one effect row; fill it with a reach outside 0–1
    await page.locator("#f-effects-0--segment").selectOption("1283:age_65_79_f");
    await page.locator("#f-effects-0--dimension").selectOption("health");
    await page.locator("#f-effects-0--reach").fill("2");
    await page.locator("#f-effects-0--change-mean").fill("1.5");
    await page.locator("#f-effects-0--change-sd").fill("0.5");

    // add a row: a post that comes back with the form, values kept, two rows
    expect(await post("Lägg till en effektrad")).toBe(200);
    expect(await page.locator("fieldset.effect-row").count()).toBe(2);
    expect(await page.locator("#f-effects-0--reach").inputValue()).toBe("2");
    expect(await page.locator("#f-label").inputValue()).toBe("Insats utan JavaScript");
    // and remove it again
    expect(await post("Ta bort effekt 2")).toBe(200);
    expect(await page.locator("fieldset.effect-row").count()).toBe(1);

    // saving with reach 2 is refused with the message at the field
    expect(await post("Spara")).toBe(400);
    const reach = page.locator("#f-effects-0--reach");
    expect(await reach.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await reach.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages.join(" ")).toContain("Ange en andel mellan 0 och 1.");

    await reach.fill("0.5");
    expect(await post("Spara")).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/interventions");
    await expect(page.getByRole("status").textContent()).resolves.toContain("Insats utan JavaScript");

    // the saved intervention has the one effect row as entered
    await page.goto(`${server.url}/interventions/utan-js-test`);
    expect(await page.locator("fieldset.effect-row").count()).toBe(1);
    expect(await page.locator("#f-effects-0--reach").inputValue()).toBe("0.5");
    expect(await page.locator("#f-effects-0--dimension").inputValue()).toBe("health");
  });

  it("saves a weighting scenario as a new version", async () => {
    await page.goto(`${server.url}/scenarios`);
    const hrefs = await page
      .locator("main a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const href = hrefs.find((h) => /^\/scenarios\/(?!rules\/)[^/]+$/.test(h))!;
    expect(href).toBeDefined();
    await page.goto(`${server.url}${href}`);
    await page.getByLabel("Namn på svenska").fill("Scenario sparat utan JavaScript");
    expect(await post("Spara som ny version")).toBe(200);
    expect(new URL(page.url()).searchParams.get("saved")).toBe("2");
    await expect(page.locator("p.notice[role=status]").textContent()).resolves.toContain("2");
    await expect(page.locator("h1").textContent()).resolves.toContain("Scenario sparat utan JavaScript");
  });

  it("refuses a bad observations file and lists its bad rows, writing nothing", async () => {
    // an indicator the demo data has, from the data page's first indicator link
    await page.goto(`${server.url}/data`);
    const hrefs = await page
      .locator("main a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const indicator = hrefs.map((h) => /^\/data\/indicators\/([^/.]+)$/.exec(h)?.[1]).find(Boolean)!;
    expect(indicator).toBeDefined();
    const before = await observationCount();
    await page.goto(`${server.url}/data/import`);
    // line 2 is good; line 3 has a value that is not a number; line 4 an unknown indicator
    const csv = [
      "indicator,area,group,period,value,u,n,source",
      `${indicator},1283,,2019,82.4,0.3,,test`,
      `${indicator},1283,,2019,abc,0.3,,test`,
      "no_such_indicator_xyz,1283,,2019,80,0.3,,test",
      "",
    ].join("\n");
    await fillImport("bad-observations.csv", csv, "observations");
    expect(await post("Importera")).toBe(400);
    const lines = await page.locator("#import-issues tbody th").allTextContents();
    expect([...new Set(lines.map((l) => l.trim()))]).toEqual(["3", "4"]);
    await expect(page.locator("#import-issues caption").textContent()).resolves.toContain(
      "bad-observations.csv",
    );
    await expect(
      page.locator("#import-issues").locator("xpath=ancestor::section").textContent(),
    ).resolves.toContain("Ingenting har skrivits.");
    expect(await observationCount()).toBe(before);
  });

  it("imports a survey: every survey field is shown, a missing instrument id is named at its field", async () => {
    const before = {
      respondents: await rowCount("survey_respondents"),
      responses: await rowCount("survey_responses"),
    };
    await page.goto(`${server.url}/data/import`);
    const survey = page.getByRole("group", { name: "Bara för enkäter" });
    expect(await survey.isVisible()).toBe(true);
    // two respondents (lines 2 and 3), two items: 2 × 2 = 4 responses
    const csv = "lopnr,weight,q1,q2\nP1,1,0,1\nP2,2,1,\n";
    const fill = async () => {
      await fillImport("survey.csv", csv, "survey");
      await page.getByLabel("Kolumn med svarandens id (standard respondent)").fill("lopnr");
    };
    await fill();
    expect(await post("Importera")).toBe(400);
    const instrument = page.getByLabel(/^Instrument-id/);
    expect(await instrument.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await instrument.getAttribute("aria-describedby"))!.split(" ");
    expect(await page.locator(`[id="${describedBy[0]}"]`).textContent()).toBe(
      "Ange ett instrument-id: det krävs för att importera en enkät.",
    );
    // the values typed are kept, the file is chosen again
    expect(await page.getByLabel("Kolumn med svarandens id (standard respondent)").inputValue()).toBe(
      "lopnr",
    );
    await fill();
    await instrument.fill("nojs-survey");
    expect(await post("Importera")).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/data");
    expect(await page.getByRole("status").textContent()).toContain("2 rader lästa, 2 nya svarande");
    expect(await rowCount("survey_respondents")).toBe(before.respondents + 2);
    expect(await rowCount("survey_responses")).toBe(before.responses + 4);
  });
});

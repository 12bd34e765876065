import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverAndBrowserPerFile } from "./support/lifecycle";

// Opens the overview as a signed-in viewer and checks figures the test computes itself from the
// seed file (SCB population by single year of age and sex, Helsingborg 2019).

const root = path.resolve(import.meta.dirname, "../..");

function helsingborgPopulation(minAge: number, maxAge: number, sex: "kvinnor" | "män"): number {
  const lines = readFileSync(
    path.join(root, "data/scb/population_age_sex_2019_helsingborg_riket.csv"),
    "utf8",
  )
    .trim()
    .split("\n")
    .slice(1);
  let sum = 0;
  for (const line of lines) {
    const [region, age, kon, count] = line.split(",").map((c) => c.replace(/"/g, ""));
    const a = age === "100+" ? 100 : Number(age);
    if (region === "Helsingborg" && kon === sex && a >= minAge && a <= maxAge) sum += Number(count);
  }
  return sum;
}

/** Sweden's rank span (first and last place of its tied block) among the countries of one Eurostat column, highest first. */
function eurostatSwedenRank(file: string, header: string): { value: number; rank: string; count: number } {
  const [head, ...lines] = readFileSync(
    path.join(root, `data/eurostat_life_satisfaction/Eurostat_Life_Satisfaction_Overall_${file}.csv`),
    "utf8",
  )
    .trim()
    .split("\n");
  const i = head!.split(",").indexOf(header);
  const rows = lines.map((l) => l.split(",")).filter((c) => c[0] !== "EU27" && c[i] !== "");
  const values = rows.map((c) => Number(c[i])).sort((a, b) => b - a);
  const sweden = Number(rows.find((c) => c[0] === "Sweden")![i]);
  const first = values.indexOf(sweden) + 1;
  const last = values.lastIndexOf(sweden) + 1;
  return { value: sweden, rank: first === last ? `${first}` : `${first}–${last}`, count: values.length };
}

const env = serverAndBrowserPerFile();

describe("the overview page", () => {
  it("shows Helsingborg's profile in Swedish with the real SCB population of a segment", async () => {
    const page = await env.browser.context.newPage();
    const [username, password] = Object.entries(env.server.passwords).find(([u]) => u.includes("viewer"))!;
    await page.goto(`${env.server.url}/`);
    expect(page.url()).toContain("/login");
    await page.getByLabel("Användarnamn").fill(username);
    await page.getByLabel("Lösenord").fill(password);
    await page.getByRole("button", { name: "Logga in" }).click();
    // A client-side navigation changes the URL before React renders the new page: wait for the page.
    await page.getByRole("heading", { level: 1, name: /Helsingborg/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getAttribute("html", "lang")).toBe("sv");

    // Women aged 20–44 in Helsingborg, 31 Dec 2019, summed from the seed file here.
    const expected = helsingborgPopulation(20, 44, "kvinnor");
    expect(expected).toBeGreaterThan(20_000);
    const cell = page.locator('tr[data-segment="1283:age_20_44_f"] td').first();
    const shown = Number((await cell.textContent())!.replace(/[\s\u00a0\u202f]/g, ""));
    expect(shown).toBe(expected);

    // Every dimension score shown has a 95 % interval beside it.
    const rows = page.locator("#profile-by-dimension tbody tr");
    expect(await rows.count()).toBe(15);

    // Eurostat life satisfaction 2023 in the international table: Sweden's value and rank from the files.
    for (const [series, file, header] of [
      ["eurostat_life_satisfaction", "Sex", "Total"],
      ["eurostat_life_satisfaction_f", "Sex", "Females"],
      ["eurostat_life_satisfaction_16_24", "Age_Total", "From 16 to 24 years"],
    ]) {
      const want = eurostatSwedenRank(file!, header!);
      const row = page.locator(`#international-comparison tr[data-series="${series}"]`);
      await expect(row.locator("th").textContent()).resolves.toContain("Eurostat EU-SILC");
      const cells = row.locator("td");
      await expect(cells.nth(0).textContent()).resolves.toMatch(
        new RegExp(`^${String(want.value.toFixed(2)).replace(".", ",")} ± 0,05$`),
      );
      await expect(cells.nth(1).textContent()).resolves.toBe(`${want.rank} / ${want.count}`);
      await expect(cells.nth(3).textContent()).resolves.toMatch(/Finland 7,\d0 ± 0,05 \(E_n \d+,\d\)/);
      // the neighbours by their Swedish names (Intl.DisplayNames), not the files' English ones
      await expect(cells.nth(3).textContent()).resolves.toMatch(/^Danmark .*; Finland .*; Norge /);
    }
    await expect(page.locator("#international-notes").textContent()).resolves.toContain("0,05/√3");

    // the national table: kronor in whole numbers, shares with one decimal, one precision per row
    const tax = await page
      .locator('#national-comparison tr[data-indicator="scb_tax_base"] td.num')
      .allTextContents();
    expect(tax[0]).toMatch(/^\d{3}\s\d{3} ± \d(\s\d{3})?$/);
    expect(tax[2]).toMatch(/^\d{3}\s\d{3}$/);
    const share = await page
      .locator('#national-comparison tr[data-indicator="scb_tertiary_education"] td.num')
      .allTextContents();
    expect(share[0]).toMatch(/^\d+,\d ± \d+,\d$/);

    // a low reliability of the conditions scale is explained, a reliability of 0,5 or more is not
    const home = (await page.locator("#conditions-home").textContent())!;
    const reliability = Number(/: ([−-]?\d+,\d+)\.$/.exec(home)![1]!.replace("−", "-").replace(",", "."));
    expect(await page.locator("#conditions-reliability").count()).toBe(reliability < 0.5 ? 1 : 0);

    // the conditions scale's 0–100 transform in Swedish, its factor 100/(hi − lo) from the shown goalposts
    // a negative number's sign (U+2212 in Swedish) as "-", the formula's minus signs left as they are
    const transform = (await page.locator("#conditions-transform").textContent())!.replace(/−(?=\d)/g, "-");
    const m =
      /^Poäng = 100·\(θ − \((-?\d+,\d{4})\)\)\/\((-?\d+,\d{4}) − \(-?\d+,\d{4}\)\).* multipliceras med (\d+,\d{4})\.$/.exec(
        transform,
      );
    expect(m, transform).not.toBeNull();
    const [lo, hi, slope] = [m![1]!, m![2]!, m![3]!].map((x) => Number(x.replace(",", ".")));
    expect(slope).toBeCloseTo(100 / (hi! - lo!), 2);
    await page.close();
  });

  it("names groups and districts in English on the English page; the district tables say districts and each has its CSV", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.url}/lang?to=en&redirectTo=/`);
    await page.getByRole("heading", { level: 1, name: /Quality of life in/ }).waitFor();
    // stored as "20–44 år, kvinnor" and "Delområde A (syntetiskt)" (db/import/population-groups.ts, the seed)
    await expect(page.locator('tr[data-segment="1283:age_20_44_f"] th').textContent()).resolves.toBe(
      "20–44 years, women",
    );
    await expect(page.locator('#districts-composites tr[data-row="1283-S1"] th').textContent()).resolves.toBe(
      "District A (synthetic)",
    );
    await expect(page.locator("#districts-composites thead th").first().textContent()).resolves.toBe(
      "District",
    );
    await expect(page.locator("#districts-inequality-caption").textContent()).resolves.toBe(
      "Equality between districts",
    );
    const body = (await page.locator("main").textContent())!;
    expect(body).not.toMatch(/ år, |kvinnor|Delområde/);
    // the district inequality table's CSV carries the Gini shown on the page (four decimals there)
    const link = page.locator(
      'section[aria-labelledby="districts-title"] a[href="/overview.csv?table=district-inequality"]',
    );
    expect(await link.count()).toBe(1);
    const csv = await (
      await page.request.get(`${env.server.url}/overview.csv?table=district-inequality`)
    ).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe("measure,estimate,u,ci95_lo,ci95_hi,from_stated_values,draws,seed");
    const gini = Number(lines.find((l) => l.startsWith("gini,"))!.split(",")[1]);
    const shown = await page
      .locator("#districts-inequality tbody tr")
      .first()
      .locator("td")
      .first()
      .textContent();
    expect(shown).toBe(gini.toFixed(4));
    await page.goto(`${env.server.url}/lang?to=sv&redirectTo=/`);
    await page.close();
  });

  it("switches to English and back", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByRole("link", { name: "In English" }).click();
    await page.waitForLoadState();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(
      "Quality of life in",
    );
    await page.getByRole("link", { name: "På svenska" }).click();
    await page.waitForLoadState();
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await page.close();
  });
});

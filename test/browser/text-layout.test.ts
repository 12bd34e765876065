import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { serverAndBrowserPerFile } from "./support/lifecycle";

// Text in the Swedish UI that is stored in English carries lang="en" (WCAG 3.1.2), long provenance
// text wraps inside its table cell instead of running past the table's edge, and the header keeps its
// language link on the first line at 1280 px.

const env = serverAndBrowserPerFile();

async function signedIn(who: string, width: number): Promise<Page> {
  await env.browser.context.clearCookies();
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  const found = Object.entries(env.server.passwords).find(([u]) => u.includes(who));
  if (!found) throw new Error(`no demo user like ${who}`);
  await page.goto(`${env.server.url}/lang?to=sv&redirectTo=/login`);
  await page.locator("#username").fill(found[0]);
  await page.locator("#password").fill(found[1]);
  await page.locator('main button[type="submit"]').click();
  await page.locator('form[action="/logout"]').waitFor();
  return page;
}

/**
 * Source cells whose text runs past the cell, and (wide) tables wider than their region, so that
 * something is cut off until scrolled.
 */
async function cutOff(page: Page, tableMayScroll: boolean): Promise<string[]> {
  return page.locator(".source-row td").evaluateAll(
    (cells, mayScroll) =>
      cells
        .filter((td) => {
          const region = td.closest(".table-scroll")!;
          return (
            td.scrollWidth > td.clientWidth + 1 || (!mayScroll && region.scrollWidth > region.clientWidth + 1)
          );
        })
        .map((td) => td.textContent!.slice(0, 60)),
    tableMayScroll,
  );
}

describe("stored English text and long text in the Swedish UI", () => {
  it("marks the /data source notes as English and wraps them inside the table at 1280 and 320 px", async () => {
    for (const width of [1280, 320]) {
      const page = await signedIn("analyst", width);
      await page.goto(`${env.server.url}/data`);
      expect(await page.getAttribute("html", "lang")).toBe("sv");
      // the seeded indicator sources are English ("OECD Better Life Index (IW_HADI); goalposts: …")
      const sources = page.locator('.source-row td > span[lang="en"]');
      expect(await sources.count()).toBeGreaterThan(10);
      expect(await sources.first().textContent()).toMatch(/goalposts/);
      // dataset source and licence in the provenance line
      expect(await page.locator('.source-row .provenance span[lang="en"]').count()).toBeGreaterThan(0);
      // at 1280 px the tables fit their regions; at 320 px a table may scroll inside its region, the
      // page itself not sideways (WCAG 1.4.10), and the text still wraps inside its cell
      expect(await cutOff(page, width < 1280)).toEqual([]);
      // the goalposts header keeps "0–100" on one line (it broke as "(0–" / "100)" at 1280 px)
      const rangeLines = await page
        .locator("table.data-table thead th:nth-child(4)")
        .first()
        .evaluate((th) => {
          const text = th.firstChild!;
          const at = text.textContent!.indexOf("(0");
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, text.textContent!.length);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
      expect(rangeLines).toBe(1);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      await page.close();
    }
  });

  it("fits the overview's profile by group at 1280 px, each score and interval unbroken", async () => {
    const page = await signedIn("analyst", 1280);
    await page.goto(`${env.server.url}/`);
    const fit = await page.locator("#profile-by-segment").evaluate((t) => ({
      table: t.scrollWidth,
      region: t.closest(".table-scroll")!.clientWidth,
    }));
    expect(fit.table).toBeLessThanOrEqual(fit.region);
    // the score and its interval each on one line (a wrapped span has more than one client rect)
    const cellLines = await page
      .locator("#profile-by-segment tbody td.num .unbroken")
      .evaluateAll((spans) => [spans.length, spans.filter((s) => s.getClientRects().length > 1).length]);
    expect(cellLines[0]).toBeGreaterThan(100);
    expect(cellLines[1]).toBe(0);
    await page.close();
  });

  it("marks Swedish intervention names as Swedish on the English interventions page", async () => {
    const page = await signedIn("analyst", 1280);
    await page.goto(`${env.server.url}/lang?to=en&redirectTo=/interventions`);
    await page.locator("html[lang=en]").waitFor();
    // the demo's "Bostad först för personer i hemlöshet" and "Socialförvaltningen" (db/seed, Swedish)
    const row = page.locator('tr:has(a[href="/interventions/bostad-forst"])');
    await expect(row.locator('a span[lang="sv"]').textContent()).resolves.toBe(
      "Bostad först för personer i hemlöshet",
    );
    await page.goto(`${env.server.url}/lang?to=sv&redirectTo=/interventions`);
    // on the Swedish page the same name needs no mark
    expect(await page.locator('a[href="/interventions/bostad-forst"] span[lang]').count()).toBe(0);
    await page.close();
  });

  it("sums up a rule set's rules in words in the page's language above its JSON", async () => {
    const page = await signedIn("analyst", 1280);
    await page.goto(`${env.server.url}/scenarios/rules/helsingborg-2026`);
    // the shipped scenarios/rules/helsingborg-2026.json: five rules, one of each kind
    const rows = page.locator("#rule-summary tbody tr");
    expect(await rows.count()).toBe(5);
    const text = (await page.locator("#rule-summary").innerText()).replace(/\s+/g, " ");
    expect(text).toContain(
      "evidens-d-max-1-mkr Utesluter insatsen insatser med evidensgrad D får kosta högst 1 mkr",
    );
    expect(text).toContain("Effekten multipliceras med 0,80");
    expect(text).toMatch(/Budgettak för kultur-och-fritid: 3\s000\s000 kr/);
    await page.close();
  });

  it("marks an indicator page's source, the overview's source column and a scenario's source as English", async () => {
    const page = await signedIn("analyst", 1280);
    await page.goto(`${env.server.url}/data/indicators/bli_iw_hadi`);
    expect(await page.locator('dd > span[lang="en"]').first().textContent()).toMatch(
      /OECD Better Life Index/,
    );
    expect(await page.locator('.provenance span[lang="en"]').count()).toBeGreaterThan(0);
    await page.goto(`${env.server.url}/`);
    const cells = page.locator("#national-comparison td.note");
    expect(await cells.count()).toBeGreaterThan(0);
    expect(await page.locator('#national-comparison td.note > span[lang="en"]').count()).toBe(
      await cells.count(),
    );
    // a weighting scenario's cited source and method (English in the shipped JSON)
    await page.goto(`${env.server.url}/scenarios/equal`);
    const provenance = page.locator('main p.note > span[lang="en"]');
    expect(await provenance.count()).toBe(2);
    expect(await provenance.first().textContent()).toMatch(/^OECD Better Life Index/);
    await page.close();
  });

  it("keeps the language link on the header's first line at 1280 px for the committee member, and fits the header in 320 px", async () => {
    const page = await signedIn("committee", 1280);
    await page.goto(`${env.server.url}/rounds`);
    const brand = (await page.locator(".site-header .brand").boundingBox())!;
    const lang = (await page.locator(".site-header .lang-switch").boundingBox())!;
    const account = (await page.locator(".site-header .account").boundingBox())!;
    // on the same line: their vertical spans overlap the brand's
    for (const box of [lang, account]) {
      expect(box.y).toBeLessThan(brand.y + brand.height);
      expect(box.y + box.height).toBeGreaterThan(brand.y);
    }
    expect(await page.locator(".site-header .role").textContent()).toBe("Nämndledamot");
    await page.setViewportSize({ width: 320, height: 640 });
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll(".site-header, .site-header *")]
          .filter((el) => el.getBoundingClientRect().right > 321)
          .map((el) => `${el.tagName}.${el.className} ${el.getBoundingClientRect().right}`),
      ),
    ).toEqual([]);
    await page.close();
  });
});

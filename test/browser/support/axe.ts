import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

// axe-core in the page, limited to the WCAG 2.0/2.1 A and AA rules (issue 5 point 2).

const axePath = path.resolve(import.meta.dirname, "../../../node_modules/axe-core/axe.min.js");
let axeText: string | undefined;
const axeSource = (): string => (axeText ??= readFileSync(axePath, "utf8"));

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Run axe-core on the page with the rules of `tags` (by default WCAG 2.0/2.1 level A and AA; "all": every rule,
 * best practices too) and the table-shape check, and return the violations,
 * one readable line per failing element: "rule id — target — summary".
 * The script is evaluated rather than added as a script tag: the app's CSP refuses inline scripts.
 */
export async function axeViolations(
  page: Page,
  tags: readonly string[] | "all" = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async (values) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, values === "all" ? {} : { runOnly: { type: "tag", values } });
    return result.violations;
  }, tags);
  const shapes = await tableShapeViolations(page);
  return shapes.concat(
    violations.flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} — ${n.target.join(" ")} — ${v.help}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`,
      ),
    ),
  );
}

/**
 * Tables whose rows do not all span the same number of columns (WCAG 1.3.1: a header over the wrong
 * column misnames every value under it; axe has no rule for this). Counts colspan and rowspan.
 */
async function tableShapeViolations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("table")].flatMap((table, t) => {
      const widths: number[] = [];
      const carried: number[] = []; // per column: how many more rows a rowspan above still covers
      for (const row of table.rows) {
        let col = 0;
        let width = 0;
        const take = () => {
          while ((carried[col] ?? 0) > 0) {
            carried[col]!--;
            col++;
            width++;
          }
        };
        for (const cell of row.cells) {
          take();
          for (let k = 0; k < cell.colSpan; k++) {
            if (cell.rowSpan > 1) carried[col] = cell.rowSpan - 1;
            col++;
            width++;
          }
        }
        take();
        widths.push(width);
      }
      const first = widths[0];
      const bad = widths.findIndex((w) => w !== first);
      return bad === -1
        ? []
        : [
            `table-shape — table#${table.id || `(table ${t + 1})`} — row ${bad + 1} spans ${widths[bad]} columns, row 1 spans ${first}`,
          ];
    }),
  );
}

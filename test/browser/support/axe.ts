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
 * Run axe-core on the page with the rules of `tags` (by default WCAG 2.0/2.1 level A and AA) and return its violations,
 * one readable line per failing element: "rule id — target — summary".
 * The script is evaluated rather than added as a script tag: the app's CSP refuses inline scripts.
 */
export async function axeViolations(
  page: Page,
  tags: readonly string[] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async (values) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values },
    });
    return result.violations;
  }, tags);
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} — ${n.target.join(" ")} — ${v.help}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`,
    ),
  );
}

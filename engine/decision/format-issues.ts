import type { z } from "zod";

/** One refused value: where it is in the input and what is wrong with it. */
export interface InputIssue {
  /** The path in the input, e.g. `interventions[3].effects[0].change.sd` ("" for the root). */
  path: string;
  /** What must hold there, in words ("must be ≥ 0"). */
  message: string;
}

/**
 * Write a path as a person reads it: object keys joined by dots, array indices in brackets
 * (`["interventions", 3, "cost"]` → `interventions[3].cost`).
 * @param path - the path segments
 * @returns the path as text
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += (out === "" ? "" : ".") + String(p);
  }
  return out;
}

/**
 * Turn zod issues into path-precise {@link InputIssue}s. A failed union (a `Dist` that is
 * neither a number nor any known distribution) is resolved to the branch whose `dist` matched,
 * so that the message names the bad field rather than "invalid input".
 * @param issues - zod's issues
 * @param prefix - path segments to put in front (for nested validation)
 * @returns one issue per problem
 */
export function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && "input" in issue && issue.input === undefined) {
      // a missing Dist or weights (parsed with reportInput, the key is there and undefined)
      out.push({ path: formatPath(path), message: "is required" });
      continue;
    }
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // the branch that got furthest: fewest issues that are not about the discriminator
      const matched = issue.errors.filter(
        (branch) =>
          !branch.some((i) => i.path.length === 1 && (i.path[0] === "dist" || i.path[0] === "type")),
      );
      const objectBranches = matched.filter(
        (b) => !b.some((i) => i.code === "invalid_type" && i.path.length === 0),
      );
      if (objectBranches.length === 1) {
        out.push(...formatIssues(objectBranches[0]!, path));
        continue;
      }
      out.push({ path: formatPath(path), message: "is not one of the allowed forms" });
      continue;
    }
    out.push({ path: formatPath(path), message: describe(issue) });
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `has unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "an array" : `a ${issue.expected}`}`;
    case "invalid_value":
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    default:
      return issue.message;
  }
}

/**
 * One line for a person: the issues joined by "; ", each as `path message`.
 * @param issues - the issues
 * @returns the line
 */
export function issuesToText(issues: readonly InputIssue[]): string {
  return issues.map((i) => (i.path === "" ? i.message : `${i.path} ${i.message}`)).join("; ");
}

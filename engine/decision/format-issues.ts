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
      const resolved = resolveUnion(issue.errors, path);
      if (resolved) {
        out.push(...resolved);
        continue;
      }
      out.push({ path: formatPath(path), message: "is not one of the allowed forms" });
      continue;
    }
    out.push({ path: formatPath(path), message: describe(issue, path) });
  }
  return out;
}

const isDiscriminator = (i: z.core.$ZodIssue) =>
  i.path.length === 1 && (i.path[0] === "dist" || i.path[0] === "type") && i.code === "invalid_value";

function depth(branch: readonly z.core.$ZodIssue[]): number {
  return Math.max(...branch.map((i) => i.path.length));
}

/**
 * Pick the union branch the input was meant for: the one whose discriminator (`dist`, `type`)
 * matched, else the one whose issues go deepest into the input (it got furthest).
 */
function resolveUnion(
  branches: readonly (readonly z.core.$ZodIssue[])[],
  path: readonly PropertyKey[],
): InputIssue[] | null {
  const objectBranches = branches.filter(
    (b) => !b.some((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value")),
  );
  const matched = objectBranches.filter((b) => !b.some(isDiscriminator));
  if (matched.length === 1) return formatIssues(matched[0]!, path);
  if (matched.length === 0 && objectBranches.length > 0) {
    const key = objectBranches[0]!.find(isDiscriminator)?.path[0];
    const values = objectBranches.flatMap((b) =>
      b.flatMap((i) => (isDiscriminator(i) && i.code === "invalid_value" ? i.values : [])),
    );
    if (key !== undefined && values.length > 0) {
      return [
        {
          path: formatPath([...path, key]),
          message: `must be ${values.map((v) => JSON.stringify(v)).join(", ")}${branches.length > objectBranches.length ? " (or the whole value a number)" : ""}`,
        },
      ];
    }
  }
  const rootTypes = branches.map((b) => b.find((i) => i.path.length === 0 && i.code === "invalid_type"));
  if (rootTypes.every((i) => i !== undefined)) {
    const expected = [...new Set(rootTypes.map((i) => (i as z.core.$ZodIssueInvalidType).expected))];
    return [
      {
        path: formatPath(path),
        message: `must be ${expected.map((e) => (e === "array" ? "an array" : e === "tuple" ? "a pair [lo, hi]" : `a ${e}`)).join(" or ")}`,
      },
    ];
  }
  // a branch whose keys all fit (none unknown, none missing) is the one meant
  const fitting = objectBranches.filter(
    (b) =>
      !b.some((i) => i.code === "unrecognized_keys" || (i.code === "invalid_type" && i.input === undefined)),
  );
  if (fitting.length === 1) return formatIssues(fitting[0]!, path);
  const depths = branches.map(depth);
  const deepest = Math.max(...depths);
  const candidates = branches.filter((_, k) => depths[k] === deepest);
  return deepest > 0 && candidates.length === 1 ? formatIssues(candidates[0]!, path) : null;
}

function describe(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `has unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "an array" : `a ${issue.expected}`}`;
    case "invalid_value":
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    default: {
      // "max must be ≥ min" at path …max reads "….max must be ≥ min"
      const last = path[path.length - 1];
      return typeof last === "string" && issue.message.startsWith(`${last} `)
        ? issue.message.slice(last.length + 1)
        : issue.message;
    }
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

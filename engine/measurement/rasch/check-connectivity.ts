import { EngineInputError } from "../../errors";
import type { PreparedResponses } from "./prepare-responses";

/**
 * Refuse data for which conditional ML estimates do not exist because a set of items S is
 * "never beaten": no person with a non-extreme raw score is above the lowest category on an
 * item of S while below the highest category on an item outside S. Then shifting S's
 * thresholds up raises the conditional likelihood without bound. Persons give a directed edge
 * i → j when x_i > 0 and x_j < m_j (both answered); estimates require this graph to be strongly
 * connected (Fischer, G. H., 1981, "On the existence and uniqueness of maximum-likelihood
 * estimates in the Rasch model", Psychometrika 46, 59–77; for the dichotomous model the
 * condition is also sufficient).
 *
 * @param prepared - responses from {@link prepareResponses}
 * @throws EngineInputError naming the items of S and the items they are never beaten by
 */
export function checkConnectivity(prepared: PreparedResponses): void {
  const { nItems: J, nPersons: N, x, maxCategory, raw, maxRaw, items } = prepared;
  const words = Math.ceil(J / 32);
  const adj = new Uint32Array(J * words);
  const below = new Uint32Array(words);
  for (let v = 0; v < N; v++) {
    if (raw[v]! === 0 || raw[v]! === maxRaw[v]!) continue;
    below.fill(0);
    for (let j = 0; j < J; j++) {
      const c = x[v * J + j]!;
      if (c >= 0 && c < maxCategory[j]!) below[j >>> 5]! |= 1 << (j & 31);
    }
    for (let i = 0; i < J; i++) {
      if (x[v * J + i]! > 0) for (let w = 0; w < words; w++) adj[i * words + w]! |= below[w]!;
    }
  }
  const reach = (forward: boolean): boolean[] => {
    const seen = new Array<boolean>(J).fill(false);
    const stack = [0];
    seen[0] = true;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let j = 0; j < J; j++) {
        if (seen[j]) continue;
        const edge = forward
          ? (adj[i * words + (j >>> 5)]! >>> (j & 31)) & 1
          : (adj[j * words + (i >>> 5)]! >>> (i & 31)) & 1;
        if (edge) {
          seen[j] = true;
          stack.push(j);
        }
      }
    }
    return seen;
  };
  const fwd = reach(true);
  // S has no edge leaving it: the items reachable from item 0, or those that cannot reach it.
  let inS: boolean[] | null = null;
  if (fwd.some((s) => !s)) inS = fwd;
  else {
    const back = reach(false);
    if (back.some((s) => !s)) inS = back.map((s) => !s);
  }
  if (!inS) return;
  const s = items.filter((_, i) => inS[i]);
  const others = items.filter((_, i) => !inS[i]);
  throw new EngineInputError(
    "checkConnectivity",
    `no person with a non-extreme score is above the lowest category on ${list(s)} while below the ` +
      `highest on ${list(others)}, so the thresholds of ${list(s)} have no finite CML estimate ` +
      `(Fischer's condition); drop or merge items, or add data`,
  );
}

function list(names: string[]): string {
  const shown = names.slice(0, 8).map((n) => `"${n}"`);
  return (names.length > 8 ? [...shown, `… (${names.length} items)`] : shown).join(", ");
}

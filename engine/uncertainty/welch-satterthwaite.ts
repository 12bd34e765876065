import { EngineInputError } from "../errors";

/**
 * The effective degrees of freedom of a combined standard uncertainty by the
 * Welch–Satterthwaite formula (JCGM 100 §G.4.1, eq. G.2b):
 * ν_eff = u_c⁴(y) / Σ_i (u_i⁴(y)/ν_i), with u_i(y) = |c_i|·u(x_i) the contributions and
 * u_c² = Σ u_i² (independent inputs). A contribution with ν_i = Infinity (a Type B evaluation
 * taken as exactly known, §G.4.2) adds nothing to the sum; when every term is infinite, so is ν_eff.
 *
 * @param contributions - uncertainty contributions u_i(y) ≥ 0 (e.g. gumPropagate's `contributions`)
 * @param dof - degrees of freedom ν_i > 0 of each (Infinity allowed)
 * @returns ν_eff (not rounded; JCGM 100 §G.6.4 truncates it to an integer for a t table)
 * @throws EngineInputError when the lengths differ, a contribution is negative or not finite,
 *   a ν is not > 0, or all contributions are 0
 */
export function welchSatterthwaite(contributions: readonly number[], dof: readonly number[]): number {
  const fn = "welchSatterthwaite";
  if (contributions.length === 0) throw new EngineInputError(fn, "there must be at least one contribution");
  if (dof.length !== contributions.length)
    throw new EngineInputError(fn, "contributions and dof must have the same length");
  let uc2 = 0;
  let denominator = 0;
  contributions.forEach((ui, i) => {
    if (!(Number.isFinite(ui) && ui >= 0))
      throw new EngineInputError(fn, `contributions[${i}] must be a finite number ≥ 0`);
    const nu = dof[i]!;
    if (!(nu > 0)) throw new EngineInputError(fn, `dof[${i}] must be > 0`);
    uc2 += ui * ui;
    if (nu !== Infinity) denominator += ui ** 4 / nu;
  });
  if (uc2 === 0) throw new EngineInputError(fn, "the combined uncertainty must be > 0");
  return denominator === 0 ? Infinity : (uc2 * uc2) / denominator;
}

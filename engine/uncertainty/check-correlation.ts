import { EngineInputError } from "../errors";

/**
 * Check that a matrix is a correlation matrix of size n: square, symmetric (to 1e-12),
 * ones on the diagonal and entries in [−1, 1]. Positive semi-definiteness is checked where
 * the matrix is used (the Cholesky factorisation, or a negative variance).
 *
 * @param r - the matrix, row by row
 * @param n - the expected size
 * @param fn - the calling function, for the error message
 * @throws EngineInputError naming the first entry that breaks a condition
 */
export function checkCorrelation(r: readonly (readonly number[])[], n: number, fn: string): void {
  if (r.length !== n) throw new EngineInputError(fn, `correlation matrix must have ${n} rows`);
  for (let i = 0; i < n; i++) {
    const row = r[i]!;
    if (row.length !== n) throw new EngineInputError(fn, `correlation row ${i} must have ${n} entries`);
    for (let j = 0; j < n; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v) || v < -1 || v > 1) {
        throw new EngineInputError(fn, `correlation[${i}][${j}] must be a number in [-1, 1]`);
      }
      if (i === j && v !== 1) throw new EngineInputError(fn, `correlation[${i}][${i}] must be 1`);
      if (Math.abs(v - r[j]![i]!) > 1e-12) {
        throw new EngineInputError(fn, `correlation matrix must be symmetric (entry [${i}][${j}])`);
      }
    }
  }
}

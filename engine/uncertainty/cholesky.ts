import { EngineInputError } from "../errors";

/**
 * The lower-triangular Cholesky factor L of a symmetric positive semi-definite matrix A,
 * A = L·Lᵀ (Cholesky–Banachiewicz order; Golub & Van Loan, "Matrix Computations", 4th ed.,
 * §4.2). A semi-definite matrix (e.g. two inputs correlated exactly 1) is accepted: a pivot
 * within 1e-12·max|A_jj| of zero gives a zero column, provided the rest of that column
 * vanishes too; otherwise the matrix is not positive semi-definite.
 *
 * @param a - the symmetric matrix, row by row (left untouched)
 * @returns L as rows, zeros above the diagonal
 * @throws EngineInputError when the matrix is not square or not positive semi-definite
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  for (const row of a) {
    if (row.length !== n) throw new EngineInputError("cholesky", "matrix must be square");
  }
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i]![i]!));
  const tol = 1e-12 * (scale || 1);
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = a[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j]![k]! ** 2;
    if (d < -tol) throw new EngineInputError("cholesky", "matrix must be positive semi-definite");
    const pivot = d > tol ? Math.sqrt(d) : 0;
    l[j]![j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (pivot === 0) {
        if (Math.abs(s) > Math.sqrt(tol)) {
          throw new EngineInputError("cholesky", "matrix must be positive semi-definite");
        }
        l[i]![j] = 0;
      } else {
        l[i]![j] = s / pivot;
      }
    }
  }
  return l;
}

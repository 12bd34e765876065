import { EngineInputError } from "../../errors";

/**
 * Cholesky factor L (lower triangular, row-major n × n) of a symmetric positive definite
 * matrix A = L·Lᵀ (Golub & Van Loan, *Matrix Computations*, 4th ed., Algorithm 4.2.1).
 * @param a - the matrix, row-major n × n (only the lower triangle is read)
 * @param n - its order
 * @returns L, row-major n × n
 * @throws EngineInputError when A is not numerically positive definite
 */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! * l[j * n + k]!;
    if (!(d > 0)) {
      throw new EngineInputError(
        "cholesky",
        "the information matrix is not positive definite (parameters not identified)",
      );
    }
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/**
 * Solve A·x = b given the Cholesky factor L of A (forward then back substitution).
 * @param l - Cholesky factor from {@link cholesky}
 * @param n - order
 * @param b - right-hand side (not modified)
 * @returns x
 */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = y[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  return y;
}

/**
 * Inverse of a symmetric positive definite matrix from its Cholesky factor.
 * @param l - Cholesky factor from {@link cholesky}
 * @param n - order
 * @returns A⁻¹, row-major n × n
 */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, n, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}

/**
 * A measured (or derived) value with its standard uncertainty u (JCGM 100 §2.3.1): the shape
 * that scores, indicator observations and follow-up periods share across the engine.
 */
export interface MeasuredValue {
  /** the estimate */
  readonly value: number;
  /** its standard uncertainty, ≥ 0, in the same unit */
  readonly u: number;
}

export type { MeasuredValue } from "./measured-value";
export { sortDraws } from "./sort-draws";
export { summariseDraws, type DrawSummary } from "./summarise-draws";
export { coverageInterval, coverageCount, type CoverageOptions } from "./coverage-interval";
export { shortestCoverageInterval } from "./shortest-coverage-interval";
export { describeDraws, type MonteCarloSummary } from "./describe-draws";
export { numericalTolerance } from "./numerical-tolerance";
export {
  adaptiveMonteCarlo,
  type AdaptiveMonteCarloOptions,
  type AdaptiveMonteCarloResult,
} from "./adaptive-monte-carlo";
export { checkCorrelation } from "./check-correlation";
export { cholesky } from "./cholesky";
export { correlatedNormalDraws, type CorrelatedNormal } from "./correlated-normal-draws";
export { gumPropagate, type GumModel, type GumInputs, type GumResult } from "./gum-propagate";
export {
  parseExpression,
  EXPRESSION_FUNCTIONS,
  MAX_EXPRESSION_LENGTH,
  type ExpressionNode,
  type ExpressionFunction,
} from "./parse-expression";
export { compileExpression, type CompiledExpression } from "./compile-expression";
export {
  propagateExpression,
  type ExpressionModel,
  type PropagateExpressionResult,
} from "./propagate-expression";
export { normalCdf } from "./normal-cdf";
export { studentTCdf } from "./student-t-cdf";
export { validateGum, type GumValidation } from "./validate-gum";
export { welchSatterthwaite } from "./welch-satterthwaite";

export { normaliseIndicator, type Goalposts, type NormalisedScore } from "./normalise-indicator";
export { dimensionScore } from "./dimension-score";
export { compositeScore } from "./composite-score";
export {
  dimensionScoreMonteCarlo,
  type DimensionScoreMonteCarloOptions,
} from "./dimension-score-monte-carlo";
export { coverage95 } from "./coverage-95";
export { normalisedWeights } from "./normalised-weights";

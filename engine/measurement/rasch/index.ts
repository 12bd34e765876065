export { esf, addItemToEsf, convolveEsf, ESF_ONE, type ScaledVector } from "./esf";
export {
  prepareResponses,
  MAX_CATEGORY,
  type ResponseData,
  type RaschModel,
  type PreparedResponses,
  type MissingnessGroup,
  type CollapsedItem,
} from "./prepare-responses";
export { conditionalLikelihood, type ConditionalLikelihood } from "./conditional-likelihood";
export { checkConnectivity } from "./check-connectivity";
export { cml, type CmlOptions, type CmlResult, type Identification } from "./cml";
export { categoryProbabilities, scoreMoments, type ScoreMoments } from "./category-moments";
export { mlPersonEstimate, type PersonEstimate } from "./ml-person-estimate";
export { wle } from "./wle";
export { raschFit, type FitStatistics, type RaschFit } from "./fit";
export { separationReliability, type SeparationReliability } from "./reliability";
export { scoreTransform, type ScoreTransform } from "./score-transform";
export {
  raschAnalysis,
  type RaschAnalysis,
  type RaschAnalysisOptions,
  type RaschItem,
  type RaschPerson,
} from "./rasch-analysis";

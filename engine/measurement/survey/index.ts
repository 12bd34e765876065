export {
  surveyDesign,
  LONELY_PSU_OPTIONS,
  type LonelyPsu,
  type SurveyDesign,
  type SurveyDesignInput,
} from "./survey-design";
export { linearizedVariance } from "./linearized-variance";
export {
  surveyMean,
  type SurveyEstimate,
  type ShownSurveyEstimate,
  type SurveyMeanInput,
} from "./survey-mean";
export { surveyProportion } from "./survey-proportion";
export { compareGroupLabels } from "./compare-group-labels";

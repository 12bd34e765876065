import { EngineInputError } from "../../errors";
import { surveyMean, type ShownSurveyEstimate, type SurveyMeanInput } from "./survey-mean";

/**
 * A weighted proportion with its design-based standard error: the mean of a 0/1 indicator,
 * p̂ = Σ w_i y_i / Σ w_i, with the Taylor-linearised variance of {@link surveyMean} (as R's
 * `svymean(~I(y == 1), design)`; Lumley, "Complex Surveys", 2010, §2.3.1).
 * @param input - the design, 0/1 values (null is missing) and optional domain labels
 * @returns as {@link surveyMean}: estimates in 0..1
 * @throws EngineInputError when a value is not 0, 1 or null, or as {@link surveyMean}
 */
export function surveyProportion(input: SurveyMeanInput): ShownSurveyEstimate[] {
  const bad = input.values.findIndex((v) => v !== null && v !== 0 && v !== 1);
  if (bad !== -1) {
    throw new EngineInputError(
      "surveyProportion",
      `values must be 0, 1 or null (respondent ${bad + 1} has ${input.values[bad]})`,
    );
  }
  return surveyMean(input);
}

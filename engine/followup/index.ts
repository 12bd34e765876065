export { changeBetweenPeriods, type PeriodChange } from "./change-between-periods";
export {
  probabilityTargetMet,
  type TargetAssessment,
  type TargetDecisionOptions,
} from "./probability-target-met";
export { trend, type TrendPoint, type TrendResult } from "./trend";
export { projectTrend } from "./project-trend";

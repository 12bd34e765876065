export {
  gradeConditions,
  type AreaConditions,
  type ConditionIndicator,
  type GradeCuts,
  type GradedConditions,
} from "./grade-conditions";
export {
  conditionsScale,
  type AreaOnScale,
  type ConditionOnScale,
  type ConditionsScale,
} from "./conditions-scale";
export { collapseGrades, type GradeAdjustment } from "./collapse-grades";

export { gini } from "./gini";
export { equallyDistributedEquivalent } from "./equally-distributed-equivalent";
export { atkinson } from "./atkinson";
export { theil } from "./theil";
export { theilDecomposition, type TheilDecomposition, type TheilGroup } from "./theil-decomposition";
export { shareBelow } from "./share-below";
export { groupGap, type GroupGap } from "./group-gap";
export { populationShares } from "./population-shares";
export {
  inequalityWithUncertainty,
  type GroupValue,
  type InequalityWithUncertainty,
} from "./inequality-with-uncertainty";

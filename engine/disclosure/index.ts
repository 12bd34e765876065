export {
  suppressSmallCells,
  DEFAULT_DISCLOSURE_THRESHOLD,
  type DisclosureControlled,
  type SuppressionReason,
  type SuppressSmallCellsOptions,
} from "./suppress-small-cells";
export { suppressComplementary, type SuppressComplementaryOptions } from "./suppress-complementary";

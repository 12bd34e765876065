/**
 * Livsval's engine, by topic: pure computation (no I/O, no clock, no environment; randomness is a
 * seeded parameter). Import a topic as a namespace (`import { equity } from "engine"`) or a file
 * directly; each folder's index (or main file) documents its functions.
 */
export { EngineInputError } from "./errors";
export { ENGINE_VERSION } from "./version";
export * as random from "./random";
export * as uncertainty from "./uncertainty";
export * as profile from "./measurement/profile";
export * as rasch from "./measurement/rasch";
export * as conditions from "./measurement/conditions";
export * as survey from "./measurement/survey";
export * as equity from "./equity";
export * as disclosure from "./disclosure";
export * as followup from "./followup";
export * as workflow from "./workflow";
export * as decision from "./decision/analyse";
export * as analysisFormat from "./decision/analysis-schema";
export * as resultFormat from "./decision/result-schema";
export * as explanation from "./decision/explain-pair";
export * as ranking from "./ranking/rank-interventions";
export * as portfolio from "./portfolio/optimise-portfolio";
export * as rules from "./rules/evaluate-rules";
export * as sensitivity from "./sensitivity/tornado";
export * as switching from "./sensitivity/switching-values";
export * as valueOfInformation from "./sensitivity/evppi";

import type { NewDimension } from "../schema";

/**
 * The OECD well-being framework's 11 current dimensions and 4 capitals for future well-being
 * (OECD, How's Life? 2020, ch. 1), with the project's ids and Swedish and English labels.
 */
export const DEMO_DIMENSIONS: readonly NewDimension[] = [
  ["income_wealth", "inkomst och förmögenhet", "income and wealth", "current"],
  ["work_job_quality", "arbete och arbetskvalitet", "work and job quality", "current"],
  ["housing", "boende", "housing", "current"],
  ["health", "hälsa", "health", "current"],
  ["knowledge_skills", "kunskap och färdigheter", "knowledge and skills", "current"],
  ["environmental_quality", "miljökvalitet", "environmental quality", "current"],
  ["subjective_wellbeing", "subjektivt välbefinnande", "subjective well-being", "current"],
  ["safety", "trygghet och säkerhet", "safety", "current"],
  ["work_life_balance", "balans mellan arbete och fritid", "work-life balance", "current"],
  ["social_connections", "sociala relationer", "social connections", "current"],
  ["civic_engagement", "medborgerligt engagemang", "civic engagement", "current"],
  ["economic_capital", "ekonomiskt kapital", "economic capital", "capital"],
  ["natural_capital", "naturkapital", "natural capital", "capital"],
  ["human_capital", "humankapital", "human capital", "capital"],
  ["social_capital", "socialt kapital", "social capital", "capital"],
].map(([id, label_sv, label_en, kind], sort) => ({
  id: id!,
  label_sv: label_sv!,
  label_en: label_en!,
  kind: kind as "current" | "capital",
  sort: sort + 1,
}));

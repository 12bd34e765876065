import type { Locale } from "~/i18n/messages";

// Indicators are stored with a Swedish label only (indicators.label). The English pages name the seeded
// indicators from this table, by id; any other indicator keeps its stored label.
const ENGLISH: Record<string, string> = {
  bli_cg_seng: "Stakeholder engagement for developing regulations (OECD index)",
  bli_cg_voto: "Voter turnout",
  bli_eq_airp: "Air pollution, PM2.5",
  bli_eq_water: "Satisfied with water quality",
  bli_es_edua: "At least upper secondary education, aged 25–64",
  bli_es_eduex: "Expected years in education",
  bli_es_stcs: "Student skills (PISA reading, mathematics, science)",
  bli_ho_base: "Dwellings without basic facilities",
  bli_ho_hish: "Housing expenditure, share of disposable income",
  bli_ho_numr: "Rooms per person",
  bli_hs_leb: "Life expectancy at birth",
  bli_hs_sfrh: "Share who rate their health as good",
  bli_iw_hadi: "Household net adjusted disposable income",
  bli_iw_hnfw: "Household net wealth",
  bli_je_empl: "Employment rate",
  bli_je_lmis: "Labour market insecurity",
  bli_je_ltur: "Long-term unemployment rate",
  bli_je_pearn: "Average annual earnings",
  bli_ps_fsafen: "Feeling safe walking alone at night",
  bli_ps_reph: "Homicides per 100,000 inhabitants",
  bli_sc_sntws: "Has someone to count on in times of need",
  bli_sw_lifs: "Life satisfaction (0–10)",
  bli_wl_ewlh: "Employees working very long hours",
  bli_wl_tnow: "Time devoted to leisure and personal care, hours per day",
  eurostat_life_satisfaction: "Life satisfaction, EU-SILC (0–10)",
  kolada_N00945: "Temporary parental benefit days (care of a sick child) taken by men, share",
  oecd_reg_disposable_income: "Disposable income per person (region)",
  oecd_reg_employment: "Employment rate (region)",
  oecd_reg_homicide: "Homicides per 100,000 inhabitants (region)",
  oecd_reg_life_expectancy: "Life expectancy (region)",
  oecd_reg_life_satisfaction: "Life satisfaction (region, 0–10)",
  oecd_reg_mortality: "Age-adjusted mortality (region)",
  oecd_reg_pm25: "PM2.5 concentration (region)",
  oecd_reg_rooms: "Rooms per person (region)",
  oecd_reg_secondary_education: "Labour force with at least upper secondary education (region)",
  oecd_reg_social_support: "Has someone to count on (region)",
  oecd_reg_unemployment: "Unemployment rate (region)",
  oecd_reg_voter_turnout: "Voter turnout (region)",
  scb_compulsory_education_only: "Share with at most compulsory education",
  scb_tax_base: "Tax base: taxable income per resident",
  scb_tertiary_education: "Share with post-secondary education",
  whr_ladder: "Life evaluation (Cantril ladder, 0–10), World Happiness Report 2024",
};

/** An indicator's name in the page's language: the stored (Swedish) label, or in English from the table. */
export function indicatorLabel(id: string, stored: string, locale: Locale): string {
  return locale === "en" ? (ENGLISH[id] ?? stored) : stored;
}

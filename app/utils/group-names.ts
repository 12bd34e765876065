import type { Locale } from "~/i18n/messages";

// Population groups and areas are stored with Swedish names only (population_groups.label, areas.name).
// The English page names them from their codes; a code it does not know keeps its stored (Swedish) name.

const SEX_EN: Record<string, string> = { f: "women", m: "men" };

const GROUPS_EN: Record<string, string> = {
  sex_f: "women",
  sex_m: "men",
  ses_high: "high socio-economic status (OECD BLI)",
  ses_low: "low socio-economic status (OECD BLI)",
};

/**
 * A population group's name in the page's language: the stored label in Swedish; in English, from the
 * code ("age_20_44_m" → "20–44 years, men", "age_80p_f" → "80+ years, women"). A code it does not know
 * keeps its stored label.
 */
export function groupLabel(code: string, stored: string, locale: Locale): string {
  if (locale === "sv") return stored;
  const band = /^age_(\d+)_(\d+)_([fm])$/.exec(code);
  if (band) return `${band[1]}–${band[2]} years, ${SEX_EN[band[3]!]}`;
  const open = /^age_(\d+)p_([fm])$/.exec(code);
  if (open) return `${open[1]}+ years, ${SEX_EN[open[2]!]}`;
  return GROUPS_EN[code] ?? stored;
}

/**
 * An area's name in the page's language. Municipality names are the same in both; in English the
 * nation (stored as "Riket", id 0000) is "Sweden" and the seeded synthetic districts ("Delområde A
 * (syntetiskt)") are "District A (synthetic)".
 */
export function areaLabel(id: string, stored: string, locale: Locale): string {
  if (locale === "sv") return stored;
  if (id === "0000") return "Sweden";
  const district = /^Delområde (\S+)( \(syntetiskt\))?$/.exec(stored);
  if (district) return `District ${district[1]}${district[2] ? " (synthetic)" : ""}`;
  return stored;
}

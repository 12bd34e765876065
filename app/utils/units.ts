import type { Locale } from "~/i18n/messages";

// Indicator units are stored as their sources wrote them, some in English ("Percentage", "US Dollar")
// and some in Swedish ("år", "kr per invånare"). Pages show them in the page's language; CSV downloads
// keep the stored text.
const UNITS: Record<string, { sv: string; en: string }> = {
  "%": { sv: "%", en: "%" },
  Percentage: { sv: "%", en: "%" },
  "Average score": { sv: "medelpoäng", en: "average score" },
  Hours: { sv: "timmar", en: "hours" },
  "Micrograms per cubic metre": { sv: "µg/m³", en: "µg/m³" },
  Ratio: { sv: "kvot", en: "ratio" },
  "US Dollar": { sv: "US-dollar", en: "US dollars" },
  // a soft hyphen lets the long Swedish word break: unbroken it widened the /data table past 1280 px
  "USD PPP": { sv: "US-dollar (köpkrafts\u00ADjusterade)", en: "US dollars (PPP)" },
  Years: { sv: "år", en: "years" },
  år: { sv: "år", en: "years" },
  "kr per invånare": { sv: "kr per invånare", en: "SEK per resident" },
  "rum per person": { sv: "rum per person", en: "rooms per person" },
};

/** An indicator's unit in the page's language; a unit it does not know is shown as stored. */
export function unitLabel(unit: string, locale: Locale): string {
  return UNITS[unit]?.[locale] ?? unit;
}

import type { Locale } from "~/i18n/messages";

/** A number in the user's language (Swedish: decimal comma, thin-space thousands). */
export function formatNumber(locale: Locale, x: number, digits = 1): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

/** "[lo, hi]" in the user's language. */
export function formatInterval(locale: Locale, lo: number, hi: number, digits = 1): string {
  return `[${formatNumber(locale, lo, digits)}; ${formatNumber(locale, hi, digits)}]`;
}

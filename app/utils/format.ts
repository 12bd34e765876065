import type { Locale } from "~/i18n/messages";

const formats = new Map<string, (x: number) => string>();

/**
 * One Intl.NumberFormat per language and precision, made once: building one costs far more than
 * formatting with it, and a page formats thousands of numbers.
 */
function numberFormat(locale: Locale, digits: number): (x: number) => string {
  const key = `${locale}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format;
    formats.set(key, format);
  }
  return format;
}

/**
 * A number in the user's language (Swedish: decimal comma, thin-space thousands). A negative value that
 * rounds to zero at the shown precision (and −0) prints without a sign: "0,000", never "−0,000".
 */
export function formatNumber(locale: Locale, x: number, digits = 1): string {
  const format = numberFormat(locale, digits);
  const s = format(x);
  return (x < 0 || Object.is(x, -0)) && !/[1-9]/.test(s) ? format(0) : s;
}

/** "[lo, hi]" in the user's language. */
export function formatInterval(locale: Locale, lo: number, hi: number, digits = 1): string {
  return `[${formatNumber(locale, lo, digits)}; ${formatNumber(locale, hi, digits)}]`;
}

/**
 * A number with a fixed number of decimals in plain ASCII ("-1.250"), for machine-readable text such as
 * Markdown records; like {@link formatNumber}, a value that rounds to zero prints without a sign.
 */
export function formatFixed(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  return s.startsWith("-") && !/[1-9]/.test(s) ? s.slice(1) : s;
}

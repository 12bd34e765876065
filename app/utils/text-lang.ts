import type { Locale } from "~/i18n/messages";

// Function words and the words stored provenance text is made of. A word in both languages
// (data, via, in, index, region) is in neither list.
const ENGLISH = new Set(
  (
    "the of and or for with from over into by at on to is are as be not all none stated reuse terms " +
    "report figure export entities countries country regions regional municipal municipality municipalities " +
    "groups containing totals mean overall satisfaction open package derived seeded split made " +
    "districts stored edition assumption assumed uncertainty published interval goalposts " +
    "synthetic survey respondents wave whole population share per cite attribution policy"
  ).split(" "),
);
const SWEDISH = new Set(
  (
    "och för över med från av är som inte det på till om en ett den de vid efter enligt hämtad källa " +
    "kommun kommuner kommunens län andel befolkning invånare samt eller utan mellan år"
  ).split(" "),
);

/**
 * The language of a stored free text (a dataset's source, licence or note, an indicator's source),
 * judged by its words: "en" or "sv" when one language's words outnumber the other's, else null
 * (names, codes and numbers alone: the page's language applies). Stored provenance has no language of
 * its own, and WCAG 3.1.2 asks for the language of a passage that differs from the page's.
 */
export function textLang(text: string): Locale | null {
  let en = 0;
  let sv = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH.has(word)) en++;
    if (SWEDISH.has(word)) sv++;
  }
  return en > sv ? "en" : sv > en ? "sv" : null;
}

/** The `lang` attribute a stored text needs on a page in `locale`: its language if that differs, else none. */
export function langAttribute(text: string, locale: Locale): Locale | undefined {
  const lang = textLang(text);
  return lang && lang !== locale ? lang : undefined;
}

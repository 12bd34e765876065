import { describe, expect, it } from "vitest";
import { langAttribute, textLang } from "~/utils/text-lang";

describe("textLang", () => {
  it("finds English provenance text English", () => {
    for (const text of [
      "OECD Better Life Index (IW_HADI); goalposts: min–max over the 30 entities in the export",
      "World Happiness Report 2024, Figure 2.1 (larryqiao1992/World-Happiness-Report-2024)",
      "© OECD, reuse with attribution",
      "SYNTHETIC: seeded split (seed 20261204) of SCB's real 2019 population of Helsingborg into six made-up districts",
      "none stated (textbook companion); SCB data CC0",
      "Edition not stated in the source; period 2020 is an assumption.",
    ])
      expect(textLang(text), text).toBe("en");
  });

  it("finds Swedish text Swedish", () => {
    expect(textLang("Befolkning per kommun och år, hämtad från SCB:s öppna data")).toBe("sv");
    expect(textLang("Andel invånare som är nöjda med sitt boende")).toBe("sv");
  });

  it("gives no language to names and codes alone", () => {
    expect(textLang("Kolada KPI N00945 (Försäkringskassan), via LCHansson/rKolada")).toBeNull();
    expect(textLang("SCB")).toBeNull();
    expect(textLang("")).toBeNull();
  });
});

describe("langAttribute", () => {
  it("marks English text on a Swedish page and Swedish text on an English page, nothing else", () => {
    const en = "Eurostat reuse policy (CC BY 4.0)";
    const sv = "Källa: kommunens egen enkät";
    expect(langAttribute(en, "sv")).toBe("en");
    expect(langAttribute(en, "en")).toBeUndefined();
    expect(langAttribute(sv, "en")).toBe("sv");
    expect(langAttribute(sv, "sv")).toBeUndefined();
    expect(langAttribute("CC0", "sv")).toBeUndefined();
  });
});

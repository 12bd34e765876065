import { describe, expect, it } from "vitest";
import { eurostatValues } from "../../../db/seed/eurostat";
import { bliValues, whrLadderValues } from "../../../db/seed/international";
import { DEFAULT_DATA_DIR } from "../../../db/seed/read-data";
import { countryCode, countryName } from "~/utils/country-names";

describe("countryCode", () => {
  it("knows every country entity of the seeded reference series (OECD BLI codes, WHR and Eurostat names)", () => {
    const rows = [
      ...whrLadderValues(DEFAULT_DATA_DIR),
      ...bliValues(DEFAULT_DATA_DIR),
      ...eurostatValues(DEFAULT_DATA_DIR, "Sex"),
      ...eurostatValues(DEFAULT_DATA_DIR, "Age_Total"),
    ].filter((r) => r.entity_kind === "country");
    const entities = [...new Set(rows.map((r) => r.entity_code))];
    // 143 WHR countries, 40 OECD codes (the OECD total left out), 31 Eurostat countries (EU27 left out)
    expect(entities.length).toBeGreaterThan(143 + 40);
    expect(entities.filter((e) => countryCode(e) === null)).toEqual([]);
    for (const e of entities) expect(countryName("sv", e, e).lang, e).toBeNull();
  });

  it("maps alpha-3 codes and the sources' spellings to the same alpha-2 code", () => {
    expect(countryCode("SWE")).toBe("SE");
    expect(countryCode("Sweden")).toBe("SE");
    expect(countryCode("TUR")).toBe("TR");
    expect(countryCode("Turkiye")).toBe("TR");
    expect(countryCode("Türkiye")).toBe("TR");
    expect(countryCode("CZE")).toBe("CZ");
    expect(countryCode("Czech Republic")).toBe("CZ");
    expect(countryCode("Congo (Kinshasa)")).toBe("CD");
    expect(countryCode("OECD")).toBeNull();
    expect(countryCode("EU27")).toBeNull();
  });
});

describe("countryName", () => {
  it("names countries in Swedish in the Swedish UI", () => {
    expect(countryName("sv", "SWE", "Sweden")).toEqual({ name: "Sverige", lang: null });
    expect(countryName("sv", "Sweden", "Sweden").name).toBe("Sverige");
    expect(countryName("sv", "DNK", "Denmark").name).toBe("Danmark");
    expect(countryName("sv", "Finland", "Finland").name).toBe("Finland");
    expect(countryName("sv", "NOR", "Norway").name).toBe("Norge");
    expect(countryName("sv", "Germany", "Germany").name).toBe("Tyskland");
    expect(countryName("sv", "Ivory Coast", "Ivory Coast").name).toBe("Elfenbenskusten");
  });

  it("names countries in English in the English UI", () => {
    expect(countryName("en", "SWE", "Sweden").name).toBe("Sweden");
    expect(countryName("en", "DEU", "Germany").name).toBe("Germany");
  });

  it("shows an unknown entity as stored, marked English", () => {
    expect(countryName("sv", "EU27", "EU27")).toEqual({ name: "EU27", lang: "en" });
    expect(countryName("sv", "Atlantis", "Atlantis")).toEqual({ name: "Atlantis", lang: "en" });
  });
});

import { describe, expect, it } from "vitest";
import { ageSexGroups, sexGroups } from "../../../db/import/population-groups";
import { areaLabel, groupLabel } from "~/utils/group-names";

describe("groupLabel", () => {
  it("keeps the stored Swedish label on the Swedish page", () => {
    expect(groupLabel("age_20_44_m", "20–44 år, män", "sv")).toBe("20–44 år, män");
  });

  it("names an age band and sex in English from the code", () => {
    expect(groupLabel("age_20_44_m", "20–44 år, män", "en")).toBe("20–44 years, men");
    expect(groupLabel("age_0_19_f", "0–19 år, kvinnor", "en")).toBe("0–19 years, women");
  });

  it("names the open top age band with a plus", () => {
    expect(groupLabel("age_80p_f", "80+ år, kvinnor", "en")).toBe("80+ years, women");
  });

  it("names the sex and socio-economic groups in English", () => {
    expect(groupLabel("sex_m", "män", "en")).toBe("men");
    expect(groupLabel("ses_low", "låg socioekonomisk status (OECD BLI)", "en")).toBe(
      "low socio-economic status (OECD BLI)",
    );
  });

  it("has an English name, not the Swedish one, for every group the importers store", () => {
    for (const g of [...ageSexGroups(), ...sexGroups()]) {
      const en = groupLabel(g.code, g.label, "en");
      expect(en, g.code).not.toBe(g.label);
      expect(en, g.code).not.toMatch(/år|kvinnor|män/);
    }
  });

  it("keeps the stored label of a code it does not know", () => {
    expect(groupLabel("birth_region_nordic", "födda i Norden", "en")).toBe("födda i Norden");
  });
});

describe("areaLabel", () => {
  it("calls the nation Sweden in English and Riket in Swedish", () => {
    expect(areaLabel("0000", "Riket", "en")).toBe("Sweden");
    expect(areaLabel("0000", "Riket", "sv")).toBe("Riket");
  });

  it("names a synthetic district in English and keeps it marked synthetic", () => {
    expect(areaLabel("1283-S1", "Delområde A (syntetiskt)", "en")).toBe("District A (synthetic)");
    expect(areaLabel("1283-S1", "Delområde A (syntetiskt)", "sv")).toBe("Delområde A (syntetiskt)");
  });

  it("leaves municipality names as they are", () => {
    expect(areaLabel("1283", "Helsingborg", "en")).toBe("Helsingborg");
  });
});

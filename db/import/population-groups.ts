import type { Db, NewPopulationGroup } from "../schema";

/** The project's age bands (DESIGN vocabulary): [code part, lowest age, highest age or null]. */
export const AGE_BANDS = [
  ["0_19", 0, 19],
  ["20_44", 20, 44],
  ["45_64", 45, 64],
  ["65_79", 65, 79],
  ["80p", 80, null],
] as const;

const SEX_LABEL = { f: ["kvinnor", "women"], m: ["män", "men"] } as const;

/** The ten age band × sex group codes, "age_0_19_f" … "age_80p_m", in a fixed order. */
export const AGE_SEX_GROUP_CODES: readonly string[] = AGE_BANDS.flatMap(([band]) => [
  `age_${band}_f`,
  `age_${band}_m`,
]);

/** Group rows for the age band × sex codes (label in Swedish, as the UI's default language). */
export function ageSexGroups(): NewPopulationGroup[] {
  return AGE_BANDS.flatMap(([band, lo, hi]) =>
    (["f", "m"] as const).map((sex) => ({
      code: `age_${band}_${sex}`,
      dimension: "age_sex",
      label: `${hi === null ? `${lo}+` : `${lo}–${hi}`} år, ${SEX_LABEL[sex][0]}`,
    })),
  );
}

/** Sex-only groups (for sources that break down by sex but not by age). */
export function sexGroups(): NewPopulationGroup[] {
  return [
    { code: "sex_f", dimension: "sex", label: "kvinnor" },
    { code: "sex_m", dimension: "sex", label: "män" },
  ];
}

/** The age band × sex group code for a single year of age and a sex code, or null for a bad age. */
export function ageSexGroupCode(age: number, sex: "f" | "m"): string | null {
  if (!Number.isInteger(age) || age < 0) return null;
  const band = AGE_BANDS.find(([, lo, hi]) => age >= lo && (hi === null || age <= hi));
  return band ? `age_${band[0]}_${sex}` : null;
}

/** SCB's sex labels (Swedish and English, any case) as the project's sex code. */
export function sexCode(label: string): "f" | "m" | null {
  const s = label.trim().toLowerCase();
  if (["kvinnor", "kvinna", "k", "women", "female", "f", "2"].includes(s)) return "f";
  if (["män", "man", "m", "men", "male", "1"].includes(s)) return "m";
  return null;
}

/** Insert the groups that are not stored yet; returns how many were added. */
export async function ensureGroups(db: Db, groups: readonly NewPopulationGroup[]): Promise<number> {
  const existing = new Set(
    (await db.selectFrom("population_groups").select("code").execute()).map((g) => g.code),
  );
  const missing = groups.filter((g) => !existing.has(g.code));
  if (missing.length > 0) await db.insertInto("population_groups").values(missing).execute();
  return missing.length;
}

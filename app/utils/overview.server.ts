import { listGroupsContaining } from "../../db/repositories/area-group-repository";
import { listAreas } from "../../db/repositories/area-repository";
import { findAreaProfileData, findNationalIndicators } from "../../db/repositories/profile-repository";
import { listReferenceValues } from "../../db/repositories/reference-repository";
import type { Locale } from "~/i18n/messages";
import { dataVersion, DerivedCache } from "./data-version.server";
import type { getDb } from "./db.server";
import { areaLabel } from "./group-names";
import { indicatorLabel } from "./indicator-names";
import { buildInternationalView } from "./international.server";
import { buildNationalView } from "./national.server";
import { buildAreaProfile, buildEquity } from "./profile.server";

/** The municipality the overview is about (Kolada id). */
export const HOME_AREA = "1283";

/** The overview's figures: computed once per data version and language (they change only with imports). */
export async function overviewData(db: ReturnType<typeof getDb>, locale: Locale) {
  return overviewCache().get(locale, await dataVersion(db), () => buildOverview(db, locale));
}

declare global {
  var __livsvalOverviewCache: DerivedCache<Awaited<ReturnType<typeof buildOverview>>> | undefined;
}

function overviewCache() {
  globalThis.__livsvalOverviewCache ??= new DerivedCache();
  return globalThis.__livsvalOverviewCache;
}

async function buildOverview(db: ReturnType<typeof getDb>, locale: Locale) {
  const data = await findAreaProfileData(db, HOME_AREA);
  if (!data)
    return { profile: null, segmentEquity: null, districtEquity: null, national: null, international: [] };
  const profile = buildAreaProfile(data, locale);
  const dimensionIds = profile.dimensions.map((d) => d.id);
  const segmentEquity = buildEquity(profile.segments, dimensionIds);
  const districts = await Promise.all(
    (await listAreas(db, { parentId: HOME_AREA })).map(async (area) => {
      const d = await findAreaProfileData(db, area.id);
      if (!d) return null;
      const p = buildAreaProfile(d, locale);
      return {
        id: area.id,
        label: areaLabel(area.id, area.name, locale),
        population: d.segments.reduce((a, x) => a + x.population, 0),
        scores: Object.fromEntries(p.dimensions.map((x) => [x.id, x.score])),
        synthetic: area.synthetic === 1,
      };
    }),
  );
  const districtEquity = buildEquity(
    districts.filter((x): x is NonNullable<typeof x> => x !== null),
    dimensionIds,
  );
  const groups = (await listGroupsContaining(db, HOME_AREA)).filter((g) =>
    g.title.startsWith("Liknande kommuner"),
  );
  const national = buildNationalView(
    (await findNationalIndicators(db)).map((i) => ({
      ...i,
      label: indicatorLabel(i.indicatorId, i.label, locale),
    })),
    HOME_AREA,
    groups,
  );
  const international = buildInternationalView(await listReferenceValues(db), locale);
  return { profile, segmentEquity, districtEquity, national, international };
}

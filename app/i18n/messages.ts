import { pagesEn, pagesSv } from "./pages-messages";
import { roundsEn, roundsSv } from "./rounds-messages";

/** UI strings. Swedish is the default language; English is offered by the language switch. */
const coreSv = {
  "app.name": "Livsval",
  "app.tagline":
    "Livskvalitet med angiven mätosäkerhet, och insatser rangordnade efter förväntad jämlik effekt",
  "nav.skip": "Hoppa till innehållet",
  "nav.overview": "Översikt",
  "nav.data": "Data",
  "nav.interventions": "Insatser",
  "nav.scenarios": "Viktningsscenarier",
  "nav.rounds": "Prioriteringsomgångar",
  "nav.main": "Huvudmeny",
  "lang.switch": "In English",
  "lang.label": "Språk",
  "overview.title": "Livskvalitet i {area}",
  "overview.intro":
    "Varje värde visas med ett 95 % täckningsintervall (±2 standardosäkerheter). Poäng 0–100 efter normalisering mot indikatorernas målstolpar.",
  "overview.byDimension": "Profil per dimension",
  "overview.bySegment": "Profil per befolkningsgrupp",
  "overview.segmentsNote":
    "I varje cell poängen och under den dess 95 % täckningsintervall. – betyder att gruppen saknar egna uppgifter i dimensionen.",
  "overview.dimension": "Dimension",
  "overview.score": "Poäng",
  "overview.u": "Standardosäkerhet",
  "overview.interval": "95 % täckningsintervall",
  "overview.source": "Källa",
  "overview.period": "Period",
  "overview.indicators": "Indikatorer",
  "overview.segment": "Befolkningsgrupp",
  "overview.district": "Delområde",
  "overview.indicatorCount": "{count} indikatorer",
  "overview.indicatorCountOne": "1 indikator",
  "overview.population": "Folkmängd",
  "overview.noData": "Inga uppgifter",
  "overview.synthetic": "syntetiskt",
  "overview.syntheticNote":
    "Värden märkta syntetiskt är påhittade demonstrationsdata, inte verkliga mätningar.",
  "overview.proxyNote":
    "Värden märkta ersättning avser en större region eller hela riket och står här för Helsingborg.",
  "overview.empty": "Databasen är tom. Kör npm start för att läsa in demonstrationsdata.",
  "overview.csv": "Ladda ner tabellen som CSV",
  "overview.composite": "Sammanvägt index",
  "overview.compositeNote":
    "Sammanvägt index: lika vikter över de {count} dimensioner som alla grupper har värden för ({dims}).",
  "overview.districtCompositeNote":
    "Sammanvägt index: lika vikter över de {count} dimensioner som alla delområden har värden för ({dims}).",
  "overview.equityTitle": "Jämlikhet mellan befolkningsgrupper",
  "overview.districtEquityTitle": "Jämlikhet mellan delområden",
  "overview.districtsTitle": "Delområden (syntetiska)",
  "overview.districtsNote":
    "Delområdena är påhittade för demonstration: deras folkmängd summerar till Helsingborgs verkliga, men deras värden är syntetiska.",
  "overview.measure": "Mått",
  "overview.estimate": "Skattning",
  "overview.statedValues": "Av angivna värden",
  "overview.gini": "Gini-koefficient (0–1)",
  "overview.atkinson": "Atkinsonindex, ε = {eps}",
  "overview.theil": "Theils T",
  "overview.gap":
    "Skillnad mellan högsta ({best}) och lägsta ({worst}): {gap} poäng, standardosäkerhet {u}, E_n = {en}.",
  "overview.gapSignificant": "Skillnaden är större än mätosäkerheten (E_n > 1).",
  "overview.gapNotSignificant": "Skillnaden går inte att skilja från mätosäkerheten (E_n ≤ 1).",
  "overview.mcNote":
    "Osäkerheten i ojämlikhetsmåtten är beräknad med Monte Carlo ({draws} dragningar, frö {seed}) från gruppernas osäkerheter, behandlade som oberoende; brus gör att grupper ser mer olika ut än de är, därför visas även måttet av de angivna värdena.",
  "national.title": "Nationell jämförelse",
  "national.intro":
    "Helsingborg bland Sveriges {count} kommuner. Rang 1 är bäst givet indikatorns riktning. Liknande kommuner: de kommuner vars jämförelsegrupp ”Liknande kommuner” i Kolada innehåller Helsingborg ({peers}).",
  "national.indicator": "Indikator",
  "national.value": "Helsingborg",
  "national.rank": "Rang",
  "national.median": "Median, riket",
  "national.peers": "Median, liknande kommuner",
  "national.conditionsTitle": "Förutsättningsskala",
  "national.conditionsIntro":
    "Kommunernas förutsättningar för livskvalitet på en gemensam skala: varje indikator graderas 0–2 efter vilken tredjedel av sitt målstolpsintervall värdet når och en Rasch-modell (partial credit) placerar kommuner och förutsättningar på samma skala i logit. Svårast uppnådda förutsättning först.",
  "national.condition": "Förutsättning",
  "national.location": "Svårighet (logit)",
  "national.homeMeasure":
    "Helsingborgs mått: {measure} logit (standardosäkerhet {se}); {score} av 100 (±{scoreSe}); rang {rank} av {count}. Reliabilitet (personseparation): {rel}.",
  "national.conditionsError": "Förutsättningsskalan kunde inte beräknas: {message}",
  "national.lowReliability":
    "Reliabiliteten är låg (under 0,5): med så få förutsättningar skiljer skalan knappt kommunerna från varandra, så Helsingborgs mått och rang är mycket osäkra. Reliabiliteten är andelen av måttens spridning som inte är mätfel; ett värde under 0 betyder att mätfelet är större än spridningen.",
  "national.gradesMerged":
    "{label}: betygen {a} och {b} slogs ihop, eftersom betyg {unobserved} bara förekommer bland kommuner med lägsta eller högsta möjliga totalpoäng (betingad ML kan då inte skatta dess tröskel).",
  "national.conditionDropped": "{label} utelämnades: efter sammanslagning återstod bara ett betyg.",
  "national.transform":
    "Poäng = 100·(θ − ({lo}))/({hi} − ({lo})): WLE-måttet för den lägsta möjliga råpoängen på alla villkor blir 0 och för den högsta 100; standardosäkerheterna multipliceras med {slope}.",
  "intl.title": "Internationell jämförelse",
  "intl.intro":
    "Sverige bland länderna i varje serie (Sydsverige, Helsingborgs storregion, bland de nordiska regionerna). Värdena avser hela landet eller regionen, inte Helsingborg. E_n jämför grannens värde med Sveriges: över 1 är skillnaden större än mätosäkerheten.",
  "intl.series": "Serie",
  "intl.home": "Sverige / Sydsverige",
  "intl.rank": "Rang",
  "intl.median": "Median",
  "intl.neighbours": "Grannar (E_n mot Sverige)",
  "intl.rankTies": "En rang som 9–13 betyder att placeringarna 9 till 13 delar samma (avrundade) värde.",
  "intl.uBasis.whr":
    "WHR: standardosäkerheten är halva bredden av det publicerade 95 %-intervallet delad med 1,96.",
  "intl.uBasis.oecd":
    "OECD: publiceras utan osäkerhet. ANTAGANDE: avrundningen av det publicerade värdet (rektangulär, halva sista siffran) kombinerad med 2 % av värdet.",
  "intl.uBasis.eurostat":
    "Eurostat EU-SILC ({period}): medelvärden avrundade till en decimal, utan standardfel. Avrundningen ensam ger u = 0,05/√3 ≈ 0,029 (rektangulär fördelning, JCGM 100 §4.3.7). ANTAGANDE därutöver: 0,5 % av värdet för urvalsfelet, samma regel som för Sveriges egna Eurostat-värden (riket). Kön och åldersgrupper vilar på mindre urval, så deras verkliga urvalsfel är större och deras E_n snarare för högt. Länder utan värde för året är utelämnade; EU27-genomsnittet ingår inte.",
  "intl.label.whr2024_ladder": "World Happiness Report 2024: livsvärdering (Cantrils stege, 0–10)",
  "intl.label.bli_sw_lifs": "OECD BLI: livstillfredsställelse (0–10)",
  "intl.label.bli_hs_leb": "OECD BLI: förväntad livslängd (år)",
  "intl.label.bli_ps_fsafen": "OECD BLI: känner sig trygg ute ensam på kvällen (%)",
  "intl.label.bli_sc_sntws": "OECD BLI: har någon att räkna med (%)",
  "intl.label.bli_je_empl": "OECD BLI: sysselsättningsgrad (%)",
  "intl.label.oecd_regional_life_satisfaction":
    "OECD Regional Well-Being 2016: livstillfredsställelse (0–10), nordiska storregioner",
  "intl.label.eurostat_life_satisfaction":
    "Eurostat EU-SILC: livstillfredsställelse (0–10), alla 16 år och äldre",
  "intl.label.eurostat_life_satisfaction_f": "Eurostat EU-SILC: livstillfredsställelse (0–10), kvinnor 16+",
  "intl.label.eurostat_life_satisfaction_m": "Eurostat EU-SILC: livstillfredsställelse (0–10), män 16+",
  "intl.label.eurostat_life_satisfaction_16_24": "Eurostat EU-SILC: livstillfredsställelse (0–10), 16–24 år",
  "intl.label.eurostat_life_satisfaction_25_64": "Eurostat EU-SILC: livstillfredsställelse (0–10), 25–64 år",
  "intl.label.eurostat_life_satisfaction_65p":
    "Eurostat EU-SILC: livstillfredsställelse (0–10), 65 år och äldre",
  "auth.signIn": "Logga in",
  "auth.intro":
    "Livsval visar livskvaliteten i kommunen med angiven mätosäkerhet och hjälper till att prioritera insatser. Logga in med det konto en administratör har gett dig; din roll avgör vad du kan göra.",
  "auth.signOut": "Logga ut",
  "auth.username": "Användarnamn",
  "auth.password": "Lösenord",
  "auth.failed": "Fel användarnamn eller lösenord.",
  "auth.throttled": "För många misslyckade försök. Försök igen om {seconds} sekunder.",
  "auth.required": "Fyll i användarnamn och lösenord.",
  "auth.signedInAs": "Inloggad som {user}",
  "error.title": "Något gick fel",
  "error.title404": "Sidan finns inte",
  "error.title403": "Ingen behörighet",
  "error.404": "Sidan eller posten finns inte. Kontrollera adressen, eller gå vidare från menyn.",
  "error.403": "Du saknar behörighet för detta.",
  "error.403role":
    "Din roll ({role}) får inte öppna den här sidan eller göra det här. Behöver du det i ditt arbete, be en administratör om en annan roll.",
  "error.401": "Du behöver logga in.",
  "error.400": "Felaktig begäran.",
  "error.unexpected": "Ett oväntat fel inträffade. Det har loggats.",
  "error.back": "Till startsidan",
} as const;

export const sv = { ...coreSv, ...roundsSv, ...pagesSv };
export type MessageKey = keyof typeof sv;

const coreEn: Record<keyof typeof coreSv, string> = {
  "app.name": "Livsval",
  "app.tagline":
    "Quality of life with stated measurement uncertainty, and interventions ranked by expected equitable impact",
  "nav.skip": "Skip to content",
  "nav.overview": "Overview",
  "nav.data": "Data",
  "nav.interventions": "Interventions",
  "nav.scenarios": "Weighting scenarios",
  "nav.rounds": "Prioritisation rounds",
  "nav.main": "Main menu",
  "lang.switch": "På svenska",
  "lang.label": "Language",
  "overview.title": "Quality of life in {area}",
  "overview.intro":
    "Every value is shown with a 95 % coverage interval (±2 standard uncertainties). Scores 0–100 after normalisation against each indicator's goalposts.",
  "overview.byDimension": "Profile by dimension",
  "overview.bySegment": "Profile by population group",
  "overview.segmentsNote":
    "Each cell: the score, and under it its 95 % coverage interval. – means the group has no data of its own in the dimension.",
  "overview.dimension": "Dimension",
  "overview.score": "Score",
  "overview.u": "Standard uncertainty",
  "overview.interval": "95 % coverage interval",
  "overview.source": "Source",
  "overview.period": "Period",
  "overview.indicators": "Indicators",
  "overview.segment": "Population group",
  "overview.district": "District",
  "overview.indicatorCount": "{count} indicators",
  "overview.indicatorCountOne": "1 indicator",
  "overview.population": "Population",
  "overview.noData": "No data",
  "overview.synthetic": "synthetic",
  "overview.syntheticNote": "Values marked synthetic are invented demonstration data, not real measurements.",
  "overview.proxyNote":
    "Values marked proxy refer to a larger region or the whole country and stand in for Helsingborg.",
  "overview.empty": "The database is empty. Run npm start to load the demonstration data.",
  "overview.csv": "Download the table as CSV",
  "overview.composite": "Composite index",
  "overview.compositeNote":
    "Composite index: equal weights over the {count} dimensions every group has values for ({dims}).",
  "overview.districtCompositeNote":
    "Composite index: equal weights over the {count} dimensions every district has values for ({dims}).",
  "overview.equityTitle": "Equality between population groups",
  "overview.districtEquityTitle": "Equality between districts",
  "overview.districtsTitle": "Districts (synthetic)",
  "overview.districtsNote":
    "The districts are invented for demonstration: their populations add up to Helsingborg's real population, but their values are synthetic.",
  "overview.measure": "Measure",
  "overview.estimate": "Estimate",
  "overview.statedValues": "From stated values",
  "overview.gini": "Gini coefficient (0–1)",
  "overview.atkinson": "Atkinson index, ε = {eps}",
  "overview.theil": "Theil's T",
  "overview.gap":
    "Gap between the highest ({best}) and the lowest ({worst}): {gap} points, standard uncertainty {u}, E_n = {en}.",
  "overview.gapSignificant": "The gap is larger than the measurement uncertainty (E_n > 1).",
  "overview.gapNotSignificant": "The gap cannot be told apart from the measurement uncertainty (E_n ≤ 1).",
  "overview.mcNote":
    "The uncertainty of the inequality measures is computed by Monte Carlo ({draws} draws, seed {seed}) from the groups' uncertainties, treated as independent; noise makes groups look more different than they are, so the measure of the stated values is shown too.",
  "national.title": "National comparison",
  "national.intro":
    "Helsingborg among Sweden's {count} municipalities. Rank 1 is best given the indicator's direction. Similar municipalities: those whose Kolada comparison group “Liknande kommuner” includes Helsingborg ({peers}).",
  "national.indicator": "Indicator",
  "national.value": "Helsingborg",
  "national.rank": "Rank",
  "national.median": "Median, Sweden",
  "national.peers": "Median, similar municipalities",
  "national.conditionsTitle": "Conditions scale",
  "national.conditionsIntro":
    "Municipalities' conditions for quality of life on one scale: each indicator is graded 0–2 by the third of its goalpost range the value reaches and a Rasch (partial credit) model places municipalities and conditions on one logit scale. Hardest condition first.",
  "national.condition": "Condition",
  "national.location": "Difficulty (logits)",
  "national.homeMeasure":
    "Helsingborg's measure: {measure} logits (standard uncertainty {se}); {score} of 100 (±{scoreSe}); rank {rank} of {count}. Reliability (person separation): {rel}.",
  "national.conditionsError": "The conditions scale could not be computed: {message}",
  "national.lowReliability":
    "The reliability is low (below 0.5): with so few conditions the scale barely tells municipalities apart, so Helsingborg's measure and rank are very uncertain. Reliability is the share of the measures' spread that is not measurement error; a value below 0 means the error is larger than the spread.",
  "national.gradesMerged":
    "{label}: grades {a} and {b} were merged, because grade {unobserved} occurs only among municipalities with the lowest or highest possible total (conditional ML cannot then estimate its threshold).",
  "national.conditionDropped": "{label} was left out: after merging only one grade was left.",
  "national.transform":
    "Score = 100·(θ − ({lo}))/({hi} − ({lo})): the WLE of the lowest possible raw score on all conditions maps to 0 and that of the highest to 100; standard uncertainties are multiplied by {slope}.",
  "intl.title": "International comparison",
  "intl.intro":
    "Sweden among the countries of each series (South Sweden, Helsingborg's large region, among the Nordic regions). The values are for the whole country or region, not for Helsingborg. E_n compares a neighbour's value with Sweden's: above 1 the difference is larger than the measurement uncertainty.",
  "intl.series": "Series",
  "intl.home": "Sweden / South Sweden",
  "intl.rank": "Rank",
  "intl.median": "Median",
  "intl.neighbours": "Neighbours (E_n against Sweden)",
  "intl.rankTies": "A rank such as 9–13 means that places 9 to 13 share the same (rounded) value.",
  "intl.uBasis.whr":
    "WHR: the standard uncertainty is half the width of the published 95 % interval divided by 1.96.",
  "intl.uBasis.oecd":
    "OECD: published without uncertainty. ASSUMPTION: the rounding of the published value (rectangular, half its last digit) combined with 2 % of the value.",
  "intl.uBasis.eurostat":
    "Eurostat EU-SILC ({period}): means rounded to one decimal, without standard errors. The rounding alone gives u = 0.05/√3 ≈ 0.029 (rectangular distribution, JCGM 100 §4.3.7). ASSUMPTION on top: 0.5 % of the value for sampling error, the rule used for the Eurostat figures of Sweden as a whole on the data pages. Sex and age groups rest on smaller samples, so their real sampling error is larger and their E_n likely overstated. Countries without a value for the year are left out; the EU27 average is not included.",
  "intl.label.whr2024_ladder": "World Happiness Report 2024: life evaluation (Cantril ladder, 0–10)",
  "intl.label.bli_sw_lifs": "OECD BLI: life satisfaction (0–10)",
  "intl.label.bli_hs_leb": "OECD BLI: life expectancy (years)",
  "intl.label.bli_ps_fsafen": "OECD BLI: feeling safe walking alone at night (%)",
  "intl.label.bli_sc_sntws": "OECD BLI: has someone to count on (%)",
  "intl.label.bli_je_empl": "OECD BLI: employment rate (%)",
  "intl.label.oecd_regional_life_satisfaction":
    "OECD Regional Well-Being 2016: life satisfaction (0–10), Nordic large regions",
  "intl.label.eurostat_life_satisfaction": "Eurostat EU-SILC: life satisfaction (0–10), everyone aged 16+",
  "intl.label.eurostat_life_satisfaction_f": "Eurostat EU-SILC: life satisfaction (0–10), women 16+",
  "intl.label.eurostat_life_satisfaction_m": "Eurostat EU-SILC: life satisfaction (0–10), men 16+",
  "intl.label.eurostat_life_satisfaction_16_24": "Eurostat EU-SILC: life satisfaction (0–10), 16–24 years",
  "intl.label.eurostat_life_satisfaction_25_64": "Eurostat EU-SILC: life satisfaction (0–10), 25–64 years",
  "intl.label.eurostat_life_satisfaction_65p":
    "Eurostat EU-SILC: life satisfaction (0–10), 65 years and over",
  "auth.signIn": "Sign in",
  "auth.intro":
    "Livsval shows the municipality's quality of life with its measurement uncertainty and helps prioritise interventions. Sign in with the account an administrator gave you; your role decides what you can do.",
  "auth.signOut": "Sign out",
  "auth.username": "Username",
  "auth.password": "Password",
  "auth.failed": "Wrong username or password.",
  "auth.throttled": "Too many failed attempts. Try again in {seconds} seconds.",
  "auth.required": "Enter a username and a password.",
  "auth.signedInAs": "Signed in as {user}",
  "error.title": "Something went wrong",
  "error.title404": "Page not found",
  "error.title403": "Not allowed",
  "error.404": "The page or record does not exist. Check the address, or go on from the menu.",
  "error.403": "You are not allowed to do this.",
  "error.403role":
    "Your role ({role}) may not open this page or do this. If your work needs it, ask an administrator for another role.",
  "error.401": "You need to sign in.",
  "error.400": "Bad request.",
  "error.unexpected": "An unexpected error occurred. It has been logged.",
  "error.back": "To the start page",
};

export const en: Record<MessageKey, string> = { ...coreEn, ...roundsEn, ...pagesEn };

export type Locale = "sv" | "en";
export const LOCALES: readonly Locale[] = ["sv", "en"];

/** Translate a key, filling {placeholders} from `vars`. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template: string = locale === "en" ? en[key] : sv[key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

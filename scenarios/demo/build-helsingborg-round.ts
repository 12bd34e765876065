/**
 * Builds scenarios/demo/helsingborg-round.json, the demo round's candidate interventions, from
 * the copied evidence in data/interventions/ (HLI's living review of WELLBY cost-effectiveness),
 * Helsingborg's population by age × sex (data/scb/) and the assumptions written out below.
 *
 *   npx tsx scenarios/demo/build-helsingborg-round.ts
 *
 * The test checks that the committed JSON is what this builds (`buildHelsingborgRound`).
 *
 * Everything here is illustrative: the sources are real, the transfer to Helsingborg (programme
 * sizes, effects per participant, cost levels, departments) is a documented assumption.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { format, resolveConfig } from "prettier";
import { parse } from "csv-parse/sync";
import { DEMO_ROUND_FORMAT, DemoRoundSchema, type DemoCandidate, type DemoRound } from "./schema";

const AREA = "1283";
const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

type Row = Record<string, string>;
const csv = (path: string): Row[] => parse(read(path), { columns: true, skip_empty_lines: true }) as Row[];
const HLI_FILE = "data/interventions/hli_wellby_cost_effectiveness.csv";
const BOTEC_FILE = "data/interventions/botecs_from_whr.csv";
const POP_FILE = "data/scb/population_age_sex_2019_helsingborg_riket.csv";
// --- population by segment (SCB, 31 Dec 2019) ------------------------------------------------
const BANDS = [
  ["0_19", 0, 19],
  ["20_44", 20, 44],
  ["45_64", 45, 64],
  ["65_79", 65, 79],
  ["80p", 80, Infinity],
] as const;

type Evidence = Map<string, { row: Row; file: string }>;

/** The copied evidence rows by charity name, and Helsingborg's population by segment. */
function loadInputs(): { evidence: Evidence; population: Map<string, number> } {
  const evidence: Evidence = new Map();
  for (const file of [HLI_FILE, BOTEC_FILE])
    for (const row of csv(file)) evidence.set(row["Charity"]!, { row, file });
  const population = new Map<string, number>();
  for (const r of csv(POP_FILE)) {
    if (r["region"] !== "Helsingborg") continue;
    const age = Number.parseInt(r["ålder"]!, 10);
    const band = BANDS.find(([, lo, hi]) => age >= lo && age <= hi)![0];
    const sex = r["kön"] === "kvinnor" ? "f" : "m";
    const id = `${AREA}:age_${band}_${sex}`;
    population.set(id, (population.get(id) ?? 0) + Number(r["X2019"]));
  }
  return { evidence, population };
}

const seg = (band: string, sexes = ["f", "m"]) => sexes.map((s) => `${AREA}:age_${band}_${s}`);
const YOUTH = seg("0_19");
const ADULTS = [...seg("20_44"), ...seg("45_64")];
const ADULTS_TO_79 = [...ADULTS, ...seg("65_79")];

// --- conversions ----------------------------------------------------------------------------
const USD_SEK = { id: "usd-sek-2023", from: "USD", year: 2023, rate: 10.6128 };
const COST_LEVELS = [
  {
    id: "lmic-to-helsingborg",
    appliesTo: ["LMICs"],
    factor: 15,
    transferCv: 0.5,
    basis: "assumption" as const,
    note: "Programmes evaluated in low- and middle-income countries are delivered by lay workers paid a small fraction of Swedish wages. Delivering the same WELLBYs in Helsingborg is assumed to cost 15 times the source's cost per WELLBY (illustrative, of the order of the wage ratio); the extra effect uncertainty (relative 0.5) says that the effect itself may not carry over to Sweden.",
  },
  {
    id: "hic-to-helsingborg",
    appliesTo: ["HIC (UK)", "HIC (UK and Canada)"],
    factor: 1,
    transferCv: 0.25,
    basis: "assumption" as const,
    note: "UK (and Canadian) and Swedish costs of labour-intensive local services are taken as equal (illustrative); the extra effect uncertainty (relative 0.25) is for the change of country.",
  },
];
const GRADES = [
  {
    grade: "A" as const,
    rule: "meta-analysis of RCTs, analysed in depth (source columns 'Causal evidence' and 'Depth of analysis')",
    effectCv: 0.3,
  },
  {
    grade: "B" as const,
    rule: "randomised evidence (RCT or meta-analysis of RCTs) analysed less deeply",
    effectCv: 0.5,
  },
  {
    grade: "C" as const,
    rule: "quasi-experimental: matched comparison group with difference-in-differences, non-randomised comparison, or RCT mixed with associative evidence",
    effectCv: 0.75,
  },
  { grade: "D" as const, rule: "associative studies or pre-post comparisons only", effectCv: 1 },
];
function gradeOf(row: Row): "A" | "B" | "C" | "D" {
  const causal = row["Causal evidence"]!;
  if (causal.startsWith("yes (meta-analysis") && row["Depth of analysis"] === "In-depth") return "A";
  if (causal.startsWith("yes")) return "B";
  if (/matched comparison group|non-randomised group|^Mixed/.test(causal)) return "C";
  return "D";
}
const QOL_PER_LS = 10;
const COST_PERT = { minFactor: 0.8, maxFactor: 1.5 };
const SECONDARY_CV = 1;

// --- departments (förvaltningar) --------------------------------------------------------------
const DEPT = {
  soc: { id: "socialforvaltningen", sv: "Socialförvaltningen", en: "Social Services Department" },
  sff: {
    id: "skol-och-fritidsforvaltningen",
    sv: "Skol- och fritidsförvaltningen",
    en: "School and Leisure Department",
  },
  kul: { id: "kulturforvaltningen", sv: "Kulturförvaltningen", en: "Culture Department" },
  amf: {
    id: "arbetsmarknadsforvaltningen",
    sv: "Arbetsmarknadsförvaltningen",
    en: "Labour Market Department",
  },
  vof: {
    id: "vard-och-omsorgsforvaltningen",
    sv: "Vård- och omsorgsförvaltningen",
    en: "Health and Social Care Department",
  },
};
const VOLUNTARY =
  "Frivillig kommunal verksamhet (kommunallagen 2017:725, 2 kap. 1 §); ingen lag kräver insatsen.";

// --- the candidates: what is assumed for Helsingborg ------------------------------------------
interface Spec {
  id: string;
  source: string;
  label: { sv: string; en: string };
  description: { sv: string; en: string };
  department: (typeof DEPT)[keyof typeof DEPT];
  statutory: boolean;
  legalBasis: string;
  participants: number;
  targets: string[];
  /** Life-satisfaction points per participant per year while the effect lasts: an assumption. */
  lsGain: number;
  secondary?: { dimension: DemoCandidate["effects"][number]["dimension"]; points: number }[];
  dependsOn?: string[];
  excludes?: string[];
}

const SPECS: Spec[] = [
  {
    id: "samtalsstod-grupp",
    source: "StrongMinds",
    label: { sv: "Samtalsstöd i grupp med lekmannaledare", en: "Lay-led group talking therapy" },
    description: {
      sv: "Sex gruppträffar för vuxna med lindrig till måttlig nedstämdhet eller oro, ledda av utbildade lekmän under handledning.",
      en: "Six group sessions for adults with mild to moderate low mood or anxiety, led by trained lay facilitators under supervision.",
    },
    department: DEPT.soc,
    statutory: false,
    legalBasis:
      "Behandling av lindrig–måttlig psykisk ohälsa är Region Skånes ansvar (hälso- och sjukvårdslagen 2017:30); kommunens stöd är frivilligt (kommunallagen 2017:725, 2 kap. 1 §).",
    participants: 800,
    targets: ADULTS,
    lsGain: 0.5,
    excludes: ["samtalsbank"],
  },
  {
    id: "samtalsbank",
    source: "Friendship Bench",
    label: {
      sv: "Samtalsbänken: enskilda samtal med lekmannaledare",
      en: "Talking bench: one-to-one lay counselling",
    },
    description: {
      sv: "Sex enskilda samtal på en bänk i närmiljön med en utbildad lekman, för vuxna med lindrig till måttlig psykisk ohälsa.",
      en: "Six one-to-one sessions on a bench in the neighbourhood with a trained lay counsellor, for adults with mild to moderate mental ill-health.",
    },
    department: DEPT.soc,
    statutory: false,
    legalBasis:
      "Behandling av lindrig–måttlig psykisk ohälsa är Region Skånes ansvar (hälso- och sjukvårdslagen 2017:30); kommunens stöd är frivilligt (kommunallagen 2017:725, 2 kap. 1 §).",
    participants: 800,
    targets: ADULTS,
    lsGain: 0.5,
    excludes: ["samtalsstod-grupp"],
  },
  {
    id: "skolbaserat-gruppstod",
    source: "Shamiri",
    label: { sv: "Skolbaserat gruppstöd för tonåringar", en: "School-based group support for adolescents" },
    description: {
      sv: "Fyra gruppträffar i skolan om tillväxttänkande, tacksamhet och värderingar, ledda av unga vuxna med handledning.",
      en: "Four group sessions at school on growth mindset, gratitude and values, led by supervised young adults.",
    },
    department: DEPT.sff,
    statutory: false,
    legalBasis:
      "Kompletterar elevhälsan, som huvudmannen ska ha (skollagen 2010:800, 2 kap. 25 §); programmet i sig är frivilligt.",
    participants: 3000,
    targets: YOUTH,
    lsGain: 0.2,
  },
  {
    id: "kbt-brottsprevention",
    source: "ACTRA",
    label: { sv: "KBT för unga män i riskmiljöer", en: "CBT for young men at risk of crime" },
    description: {
      sv: "Tolv KBT-träffar om självkontroll och framtidsplaner för unga män i riskmiljöer, via socialtjänsten och polisens samverkan.",
      en: "Twelve CBT sessions on self-control and future plans for young men at risk, referred through social services and police cooperation.",
    },
    department: DEPT.soc,
    statutory: true,
    legalBasis:
      "Kommunen ska arbeta brottsförebyggande (lag 2023:196 om kommuners ansvar för brottsförebyggande arbete) och socialnämnden ska verka för att unga inte far illa (socialtjänstlagen); metoden väljer kommunen.",
    participants: 150,
    targets: [`${AREA}:age_0_19_m`, `${AREA}:age_20_44_m`],
    lsGain: 0.4,
    secondary: [{ dimension: "safety", points: 2 }],
  },
  {
    id: "volontaruppdrag-aldre",
    source: "Royal Voluntary Service",
    label: { sv: "Volontäruppdrag för yngre pensionärer", en: "Volunteering tasks for younger retirees" },
    description: {
      sv: "Digital förmedling av korta volontäruppdrag (handla, ringa, följa med) för pensionärer 65–79 år som vill hjälpa andra.",
      en: "App-based matching of short volunteering tasks (shopping, phone calls, accompanying) for retirees aged 65–79 who want to help others.",
    },
    department: DEPT.vof,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 1000,
    targets: seg("65_79"),
    lsGain: 0.2,
    secondary: [{ dimension: "social_connections", points: 3 }],
  },
  {
    id: "lyckokurs",
    source: "Action for Happiness",
    label: {
      sv: "Kursen Vad är viktigt? på biblioteken",
      en: "The 'Exploring What Matters' course at the libraries",
    },
    description: {
      sv: "Åtta kvällsträffar i studiecirkelform om vad som ger ett gott liv, ledda av volontärer på stadens bibliotek.",
      en: "Eight evening study-circle sessions on what makes a good life, led by volunteers at the city libraries.",
    },
    department: DEPT.kul,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 1500,
    targets: ADULTS_TO_79,
    lsGain: 1,
  },
  {
    id: "kontantstod-hushall",
    source: "GiveDirectly",
    label: {
      sv: "Ovillkorat kontantstöd till hushåll med låg inkomst",
      en: "Unconditional cash transfers to low-income households",
    },
    description: {
      sv: "Ett engångsbelopp till hushåll med långvarigt låg inkomst, utan villkor, utöver ekonomiskt bistånd.",
      en: "A one-off unconditional lump sum to households with persistently low income, on top of social assistance.",
    },
    department: DEPT.amf,
    statutory: false,
    legalBasis:
      "Utöver ekonomiskt bistånd enligt socialtjänstlagen; stöd till utvalda hushåll måste prövas mot likställighetsprincipen (kommunallagen 2017:725, 2 kap. 3 §) och mot försörjningsstödet. Kräver juridisk granskning.",
    participants: 400,
    targets: ADULTS,
    lsGain: 0.15,
    secondary: [{ dimension: "income_wealth", points: 3 }],
  },
  {
    id: "mansgrupper",
    source: "Mandem Meetups",
    label: { sv: "Samtalsträffar för män", en: "Peer meet-ups for men" },
    description: {
      sv: "Återkommande träffar med samtal och aktiviteter för män om psykisk hälsa, drivna av en förening med kommunalt bidrag.",
      en: "Regular meet-ups with talks and activities about men's mental health, run by an association with a municipal grant.",
    },
    department: DEPT.kul,
    statutory: false,
    legalBasis: `${VOLUNTARY} Föreningsbidrag.`,
    participants: 300,
    targets: [`${AREA}:age_20_44_m`, `${AREA}:age_45_64_m`],
    lsGain: 0.3,
    secondary: [{ dimension: "social_connections", points: 3 }],
  },
  {
    id: "parkrun-motion",
    source: "Parkrun",
    label: { sv: "Gratis 5 km-lopp varje lördag", en: "Free weekly 5 km runs" },
    description: {
      sv: "Tidtagna 5 km-lopp och promenader varje lördag i två parker, drivna av volontärer med stöd från staden.",
      en: "Timed 5 km runs and walks every Saturday in two parks, run by volunteers with support from the city.",
    },
    department: DEPT.sff,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 2000,
    targets: ADULTS_TO_79,
    lsGain: 0.2,
    secondary: [{ dimension: "health", points: 1 }],
  },
  {
    id: "ungdomsrodd",
    source: "London Youth Rowing's Active Row",
    label: {
      sv: "Rodd och paddling för unga i hamnen",
      en: "Rowing and paddling for young people in the harbour",
    },
    description: {
      sv: "Kostnadsfri träning i rodd och paddling för unga från skolor i områden med låg idrottsdeltagande.",
      en: "Free rowing and paddling training for young people from schools in areas with low sports participation.",
    },
    department: DEPT.sff,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 300,
    targets: YOUTH,
    lsGain: 0.2,
    secondary: [{ dimension: "health", points: 1 }],
    excludes: ["havsterapi"],
  },
  {
    id: "mentorskap-skolnarvaro",
    source: "Power2 Rediscovery",
    label: { sv: "Mentorskap för elever med låg närvaro", en: "Mentoring for pupils with low attendance" },
    description: {
      sv: "Tio veckors enskilt stöd för elever 8–18 år med fokus på välbefinnande, självförtroende och närvaro i skolan.",
      en: "Ten weeks of one-to-one support for pupils aged 8–18, focused on well-being, confidence and school attendance.",
    },
    department: DEPT.sff,
    statutory: false,
    legalBasis:
      "Kompletterar huvudmannens arbete med elevers närvaro (skollagen 2010:800); programmet i sig är frivilligt.",
    participants: 400,
    targets: YOUTH,
    lsGain: 0.3,
    secondary: [{ dimension: "knowledge_skills", points: 1.5 }],
  },
  {
    id: "kultur-ungdomar",
    source: "Factory International Schools Programme",
    label: { sv: "Konstprojekt för högstadieelever", en: "Arts projects for secondary-school pupils" },
    description: {
      sv: "Workshops och eget skapande under ett läsår med konstnärer, för elever som sällan möter kulturlivet.",
      en: "A school year of workshops and creative work with artists, for pupils who seldom meet the arts.",
    },
    department: DEPT.kul,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 500,
    targets: YOUTH,
    lsGain: 0.3,
    secondary: [{ dimension: "social_connections", points: 1 }],
  },
  {
    id: "havsterapi",
    source: "The Wave Project",
    label: { sv: "Havsterapi: surf och mentorskap", en: "Surf therapy with mentoring" },
    description: {
      sv: "Sex veckors surf- och vattenaktiviteter med mentor för unga med psykisk ohälsa, därefter klubbverksamhet.",
      en: "Six weeks of surfing and water activities with a mentor for young people with mental ill-health, then a club.",
    },
    department: DEPT.soc,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 200,
    targets: YOUTH,
    lsGain: 0.3,
    excludes: ["ungdomsrodd"],
  },
  {
    id: "hbtq-mentorskap",
    source: "Free2B",
    label: { sv: "Mentorskap för unga hbtqi-personer", en: "Mentoring for LGBTQI+ young people" },
    description: {
      sv: "Sex till tio samtal med en mentor för unga hbtqi-personer 13–25 år.",
      en: "Six to ten mentoring sessions for LGBTQI+ young people aged 13–25.",
    },
    department: DEPT.soc,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 100,
    targets: [...YOUTH, ...seg("20_44")],
    lsGain: 0.3,
    secondary: [{ dimension: "social_connections", points: 2 }],
  },
  {
    id: "inkluderande-idrott",
    source: "Get Out Get Active",
    label: {
      sv: "Inkluderande motion för personer med och utan funktionsnedsättning",
      en: "Inclusive exercise for disabled and non-disabled people",
    },
    description: {
      sv: "Lättillgängliga motionspass där personer med och utan funktionsnedsättning rör sig tillsammans.",
      en: "Accessible exercise sessions where disabled and non-disabled people are active together.",
    },
    department: DEPT.sff,
    statutory: false,
    legalBasis: VOLUNTARY,
    participants: 500,
    targets: ADULTS_TO_79,
    lsGain: 0.2,
    secondary: [
      { dimension: "health", points: 1 },
      { dimension: "social_connections", points: 1 },
    ],
  },
  {
    id: "arbetsstod",
    source: "Walking with the Wounded Employment",
    label: { sv: "Arbetsstöd efter samtalsstöd", en: "Employment support after talking therapy" },
    description: {
      sv: "Individuellt stöd att hitta och behålla arbete för deltagare i samtalsstödet som står utanför arbetsmarknaden.",
      en: "Individual support to find and keep work for participants of the talking therapy who are out of work.",
    },
    department: DEPT.amf,
    statutory: false,
    legalBasis:
      "Arbetsmarknadspolitiken är statens ansvar (Arbetsförmedlingen); kommunala arbetsmarknadsinsatser är frivilliga (kommunallagen 2017:725, 2 kap. 1 §).",
    participants: 150,
    targets: ADULTS,
    lsGain: 0.4,
    secondary: [{ dimension: "work_job_quality", points: 3 }],
    dependsOn: ["samtalsstod-grupp"],
  },
  {
    id: "bostad-forst",
    source: "Hypothetical homeless charity (2)",
    label: {
      sv: "Bostad först för personer i hemlöshet",
      en: "Housing First for people experiencing homelessness",
    },
    description: {
      sv: "Eget förstahandskontrakt utan krav på behandling, med individuellt stöd i boendet.",
      en: "A flat with one's own tenancy, with no treatment requirement and individual support at home.",
    },
    department: DEPT.soc,
    statutory: true,
    legalBasis:
      "Socialnämnden ska ge bistånd till den som inte själv kan ordna sitt boende (socialtjänstlagen); Bostad först är ett sätt att fullgöra ansvaret.",
    participants: 40,
    targets: ADULTS,
    lsGain: 0.4,
    secondary: [{ dimension: "housing", points: 20 }],
  },
];

// --- build ----------------------------------------------------------------------------------
const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const sourceId = (charity: string) =>
  "hli-" +
  charity
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function candidate(s: Spec, evidence: Evidence, population: Map<string, number>): DemoCandidate {
  const ev = evidence.get(s.source);
  if (!ev) throw new Error(`no evidence row for ${s.source}`);
  const row = ev.row;
  const cpw = Number(row["Cost per WELLBY"]);
  const level = COST_LEVELS.find((l) => l.appliesTo.includes(row["Country income"]!));
  if (!level) throw new Error(`no cost level for ${row["Country income"]}`);
  const durationText = row["Duration of effect (years)"]!;
  const duration = durationText.startsWith("Unclear (assume 1)") ? 1 : Number(durationText);
  if (!(duration > 0)) throw new Error(`${s.source}: unusable duration ${durationText}`);
  const grade = gradeOf(row);
  const gradeCv = GRADES.find((g) => g.grade === grade)!.effectCv;
  const effectCv = Math.sqrt(gradeCv ** 2 + level.transferCv ** 2);

  const cpwSek = cpw * USD_SEK.rate * level.factor;
  const wellbys = s.lsGain * duration;
  const perParticipant = wellbys * cpwSek;
  const budget = s.participants * perParticipant;
  const firstYear = QOL_PER_LS * s.lsGain * Math.min(1, duration);
  const targetPopulation = s.targets.reduce((sum, id) => sum + population.get(id)!, 0);
  const reach = round6(s.participants / targetPopulation);

  const swb = s.targets.map((segment) => ({
    segment,
    dimension: "subjective_wellbeing" as const,
    change: { dist: "normal" as const, mean: round4(firstYear), sd: round4(effectCv * firstYear) },
    reach,
    basis: "source-derived" as const,
  }));
  const other = (s.secondary ?? []).flatMap(({ dimension, points }) =>
    s.targets.map((segment) => ({
      segment,
      dimension,
      change: { dist: "normal" as const, mean: points, sd: round4(SECONDARY_CV * points) },
      reach,
      basis: "assumption" as const,
    })),
  );
  return {
    id: s.id,
    label: s.label,
    description: s.description,
    department: s.department,
    legalMandate: { statutory: s.statutory, basis: s.legalBasis },
    evidenceGrade: grade,
    dependsOn: s.dependsOn ?? [],
    excludes: s.excludes ?? [],
    participants: s.participants,
    targetSegments: s.targets,
    cost: {
      dist: "pert",
      min: Math.round(COST_PERT.minFactor * budget),
      mode: Math.round(budget),
      max: Math.round(COST_PERT.maxFactor * budget),
    },
    costDerivation: {
      sourceId: sourceId(s.source),
      costPerWellby: { value: cpw, currency: "USD" },
      wellbysPer1000: Number(row["WELLBYs created per $1,000 donated"]),
      exchangeRateId: USD_SEK.id,
      costLevelId: level.id,
      effectDurationYears: duration,
      durationBasis: durationText.startsWith("Unclear") ? "source-assumption" : "source",
      lifeSatisfactionGainPerYear: s.lsGain,
      wellbysPerParticipant: round4(wellbys),
      costPerWellbySek: round2(cpwSek),
      costPerParticipantSek: round2(perParticipant),
      expectedBudgetSek: Math.round(budget),
      firstYearQolChange: round4(firstYear),
      effectCv: round4(effectCv),
    },
    effects: [...swb, ...other],
    attributes: {
      evidenceGrade: grade,
      department: s.department.id,
      statutory: s.statutory,
      sourceCountryIncome: row["Country income"]!,
      effectDurationYears: duration,
      illustrative: true,
    },
  };
}

/**
 * Build the demo round from the copied sources and the assumptions above.
 * @returns the round, validated with `DemoRoundSchema`
 * @throws Error when a source row is missing or unusable; ZodError when the result is invalid
 */
export function buildHelsingborgRound(): DemoRound {
  const { evidence, population } = loadInputs();
  const candidates = SPECS.map((spec) => candidate(spec, evidence, population));
  const usedSources = [...new Set(SPECS.map((s) => s.source))].map((charity) => {
    const { row, file } = evidence.get(charity)!;
    return {
      id: sourceId(charity),
      title: `${charity}: ${row["What the charity does"]} (${row["What does it do (more detail)"]})`.replace(
        /\s+/g,
        " ",
      ),
      publisher: `${row["Evaluator"]}, compiled in the Happier Lives Institute's Living Review of WELLBY cost-effectiveness analyses`,
      url: row["Report URL"] || "https://github.com/Happier-Lives-Institute/Living-Review-of-WELLBY-CEAs",
      file,
      row: charity,
      licence: "none stated (secondary compilation of published analyses)",
      note: `Causal evidence: ${row["Causal evidence"]}; depth: ${row["Depth of analysis"]}; country income: ${row["Country income"]}; total sample ${row["Total sample"]} in ${row["Total studies"]} studies.`,
    };
  });

  return DemoRoundSchema.parse({
    format: DEMO_ROUND_FORMAT,
    id: "helsingborg-2027-demo",
    title: {
      sv: "Prioriteringsomgång 2027 (demo, illustrativ)",
      en: "Prioritisation round 2027 (demo, illustrative)",
    },
    illustrative: true,
    area: AREA,
    period: { from: "2027-01-01", to: "2027-12-31" },
    budget: 20_000_000,
    segments: [...population.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, n]) => ({ id, population: n, sourceId: "scb-population-2019" })),
    sources: [
      ...usedSources,
      {
        id: "riksbank-usd-sek-2023",
        title: "Annual average exchange rates: USD in SEK, 2023",
        publisher: "Sveriges riksbank",
        url: "https://www.riksbank.se/en-gb/statistics/search-interest--exchange-rates/annual-average-exchange-rates/",
        licence: "public statistics (Nasdaq Stockholm fixing rates published by the Riksbank)",
        note: "10.6128 SEK per USD, the annual average of the daily fixing rates in 2023. Not re-downloaded for this file: corroborated to two decimals (10.61) by a published annual average (Boule Diagnostics, interim report Q1 2024, note 5). Check against the Riksbank series before any real use.",
      },
      {
        id: "scb-population-2019",
        title: "Population by municipality, age and sex, 31 December 2019 (Helsingborg)",
        publisher: "Statistics Sweden (SCB), via vagdur/SCBHandlerPlotter inst/extdata",
        url: "https://www.statistikdatabasen.scb.se/",
        file: POP_FILE,
        licence: "SCB open data (CC0); see data/README.md",
      },
    ],
    conversions: {
      exchangeRates: [
        {
          id: USD_SEK.id,
          from: USD_SEK.from,
          to: "SEK",
          year: USD_SEK.year,
          rate: USD_SEK.rate,
          sourceId: "riksbank-usd-sek-2023",
          note: "A currency conversion, not a price comparison. The living review states costs in US dollars without a price year; they are taken as 2023 dollars (its analyses date from 2021–2024) and not inflated.",
        },
      ],
      costLevels: COST_LEVELS,
      wellbyToQol: {
        dimension: "subjective_wellbeing",
        qolPointsPerLifeSatisfactionPoint: QOL_PER_LS,
        basis: "assumption",
        note: "One WELLBY is one point of life satisfaction (0–10) for one person for one year. The subjective_wellbeing dimension is assumed to be scored from life satisfaction 0–10 with goalposts 0 and 10, so one life-satisfaction point is 10 QoL points.",
      },
      evidenceGrades: GRADES,
      costUncertainty: {
        dist: "pert",
        ...COST_PERT,
        basis: "assumption",
        note: "Cost is PERT(0.8·B, B, 1.5·B) around the expected budget B: overruns are assumed likelier and larger than savings (illustrative).",
      },
      formulas: [
        "costPerWellbySek = costPerWellby (USD) × rate (SEK/USD, 2023 average) × costLevel.factor",
        "wellbysPerParticipant = lifeSatisfactionGainPerYear × effectDurationYears",
        "costPerParticipantSek = wellbysPerParticipant × costPerWellbySek",
        "expectedBudgetSek = participants × costPerParticipantSek; cost = PERT(minFactor·B, B, maxFactor·B), rounded to whole SEK",
        "reach = participants ÷ Σ population of the target segments (rounded to 6 decimals)",
        "firstYearQolChange = qolPointsPerLifeSatisfactionPoint × lifeSatisfactionGainPerYear × min(1, effectDurationYears)",
        "subjective_wellbeing change among the reached = Normal(firstYearQolChange, effectCv × firstYearQolChange), effectCv = √(gradeCv² + transferCv²)",
        "effects on other dimensions are assumptions: Normal(points, points)",
      ],
    },
    candidates,
    notes: [
      "Illustrative demo data. The evidence (cost per WELLBY, effect duration, study design) is real and cited per candidate; everything about Helsingborg (programme size, effect per participant, cost level, department, legal reading) is an assumption made for the demo, not a municipal decision or estimate.",
      "The effect per participant (lifeSatisfactionGainPerYear) is assumed; the source's cost per WELLBY then gives the cost of producing that effect. Read the cost as 'what the evidence says this effect costs', transferred to Swedish prices by the stated cost level.",
      "The source's WELLBY totals can include spill-overs to household members (notably the psychotherapy and cash-transfer analyses); here all of it is attributed to participants.",
      "Effects are the average change in the round's first year among the people reached; effects lasting longer than a year (effectDurationYears, kept as an attribute for the committee) are not counted beyond it.",
      'Segments are Helsingborg (1283) × the shared age-band × sex groups ("1283:age_20_44_f"), populations from SCB 31 Dec 2019; participants are spread over the target segments in proportion to their populations, so every target segment gets the same reach.',
      "Legal readings are short summaries for the demo, not legal advice; the Social Services Act was replaced in 2025 (SFS 2025:400), so it is cited by name only.",
    ],
  } satisfies DemoRound);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const parsed = buildHelsingborgRound();
  const candidates = parsed.candidates;
  const out = new URL("scenarios/demo/helsingborg-round.json", root);
  // formatted as `npm run format` would, so that rebuilding an unchanged round changes no byte
  const options = await resolveConfig(out);
  writeFileSync(out, await format(JSON.stringify(parsed, null, 2), { ...options, parser: "json" }));
  console.log(
    candidates
      .map(
        (c) =>
          `${c.id.padEnd(24)} ${c.evidenceGrade} ${String(c.costDerivation.expectedBudgetSek).padStart(10)} SEK  Δswb ${c.costDerivation.firstYearQolChange}  reach ${c.effects[0]!.reach}`,
      )
      .join("\n"),
  );
}

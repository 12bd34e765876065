import { seedDemoUsers } from "../../app/auth/demo-users.server";
import { commandUsage } from "../command-usage";
import { CliInputError, type Command, parseCommandArgs } from "../cli";
import { configuredPseudonymKey } from "../../db/import/import-survey";
import { openMigratedDb } from "../../db/import/open-database";
import type { Db } from "../../db/schema";
import { seedDemoRound } from "../../db/seed/demo-round";
import { seedInternationalReferences } from "../../db/seed/international";
import { DEFAULT_DATA_DIR } from "../../db/seed/read-data";
import { seedDemo } from "../../db/seed/seed-demo";

const usage = commandUsage("setup");

/** True when no demo or imported content is stored yet (no dimension and no dataset). */
async function isEmpty(db: Db): Promise<boolean> {
  const [d, s] = await Promise.all([
    db.selectFrom("dimensions").select("id").limit(1).execute(),
    db.selectFrom("datasets").select("id").limit(1).execute(),
  ]);
  return d.length === 0 && s.length === 0;
}

/**
 * `livsval setup`: migrate the database (DATABASE_URL, default ./data/livsval.sqlite) to the latest
 * schema; when it holds no data yet, seed the demo (db/seed) unless `--no-seed`; when it has no users,
 * create one demo user per role either way (their one-time passwords are printed once on stderr, the only
 * way in to a fresh database). Prints a summary on stderr and nothing on stdout.
 */
export const run: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { database: { type: "string" }, "no-seed": { type: "boolean" } },
    usage,
  );
  if (positionals.length > 0) throw new CliInputError(`unexpected argument "${positionals[0]}" (${usage})`);
  const say = (line: string) => process.stderr.write(`livsval setup: ${line}\n`);
  const db = await openMigratedDb(values.database);
  try {
    if (values["no-seed"]) {
      say("schema up to date; demo data not seeded (--no-seed)");
    } else if (!(await isEmpty(db))) {
      say("schema up to date; the database already holds data, so the demo was not seeded");
    } else {
      const summary = await seedDemo(db, configuredPseudonymKey());
      const imported = summary.imports.filter((i) => !i.skipped);
      // areas as stored, by kind: the districts come in with their population file, not with the list
      const kinds = await db
        .selectFrom("areas")
        .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("kind")
        .execute();
      const count = (kind: string) => Number(kinds.find((k) => k.kind === kind)?.n ?? 0);
      say(
        `seeded the demo: ${summary.created.dimensions} dimensions, ${count("municipality")} municipal areas ` +
          `(Riket included) and ${count("district")} SYNTHETIC districts (1283-S1…), ` +
          `${summary.created.indicators} indicators, ${imported.length} datasets ` +
          `(${imported.reduce((a, i) => a + i.inserted, 0)} rows)`,
      );
      const intl = await seedInternationalReferences(db, DEFAULT_DATA_DIR);
      say(`international reference values: ${intl.values} values in ${intl.datasets} datasets`);
      const round = await seedDemoRound(db);
      say(
        `demo round: ${round.round ? "created" : "already there"}, ${round.interventions} candidate interventions`,
      );
    }
    const users = await seedDemoUsers(db);
    for (const u of users) say(`demo user ${u.username} (${u.role}) password: ${u.password}  (shown once)`);
  } finally {
    await db.destroy();
  }
  return undefined;
};

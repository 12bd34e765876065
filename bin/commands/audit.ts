import { existsSync } from "node:fs";
import { commandUsage } from "../command-usage";
import { CliInputError, type Command, parseCommandArgs } from "../cli";
import { DEFAULT_DATABASE_PATH, createDb, isPostgresUrl, sqlitePath } from "../../db/connection";
import { asInputError } from "../../db/import/open-database";
import { listAuditEvents, verifyAuditChain, type AuditProblem } from "../../db/repositories/audit-repository";

const usage = commandUsage("audit");

export interface AuditVerifyResult {
  ok: boolean;
  events: number;
  /** The newest event: record it elsewhere and pass it back as the anchor to detect a removed tail. */
  head: { seq: number; hash: string } | null;
  problems: AuditProblem[];
}

/** Default: the process exits with code 1 after the JSON is printed (the dispatcher would say 0). */
function exitWithOne(): void {
  process.once("exit", () => {
    process.exitCode = 1;
  });
}

/**
 * `livsval audit verify`: check the audit log's hash chain. Prints {ok, events, head, problems}; exit
 * code 1 when there are problems (they are the result, not an error). The database is `--database`,
 * else DATABASE_URL, else the default SQLite file.
 */
export const run = (async (argv: string[], onProblems: () => void = exitWithOne) => {
  const parsed = parseCommandArgs(
    argv,
    {
      database: { type: "string" },
      "anchor-seq": { type: "string" },
      "anchor-hash": { type: "string" },
    },
    usage,
  );
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== "verify") throw new CliInputError(usage);

  let anchor: { seq: number; hash: string } | undefined;
  if (values["anchor-seq"] !== undefined || values["anchor-hash"] !== undefined) {
    const seq = Number(values["anchor-seq"]);
    const hash = values["anchor-hash"] ?? "";
    if (!Number.isInteger(seq) || seq < 1)
      throw new CliInputError("--anchor-seq: a positive integer is required");
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw new CliInputError("--anchor-hash: 64 lower-case hex digits are required");
    anchor = { seq, hash };
  }

  const url = values.database || process.env.DATABASE_URL || DEFAULT_DATABASE_PATH;
  if (!isPostgresUrl(url) && url !== ":memory:" && !existsSync(sqlitePath(url))) {
    throw new CliInputError(`${url}: no database there (run \`livsval setup\` first)`);
  }
  let db: ReturnType<typeof createDb>;
  try {
    db = createDb(url);
  } catch (e) {
    throw asInputError(e, url);
  }
  try {
    const tables = await db.introspection.getTables().catch((e: unknown) => {
      throw asInputError(e, url);
    });
    if (!tables.some((t) => t.name === "audit_events")) {
      throw new CliInputError(`${url}: the database has no audit log (run \`livsval setup\` first)`);
    }
    const { events, problems } = await verifyAuditChain(db, { anchor });
    const last = (await listAuditEvents(db, { newestFirst: true, limit: 1 }))[0];
    const result: AuditVerifyResult = {
      ok: problems.length === 0,
      events,
      head: last ? { seq: last.seq, hash: last.hash } : null,
      problems,
    };
    if (!result.ok) onProblems();
    return result;
  } finally {
    await db.destroy();
  }
}) satisfies Command;

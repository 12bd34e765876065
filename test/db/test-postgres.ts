import pg from "pg";

/** The PostgreSQL server the tests may use: LIVSVAL_TEST_PG_URL (e.g. from .ci/start-postgres.sh). */
export const testPgUrl = process.env.LIVSVAL_TEST_PG_URL;

async function answers(connectionString: string): Promise<string | null> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Why the PostgreSQL tests of `file` cannot run (null when a server answers at {@link testPgUrl});
 * a reason is also written to stderr, so a skip is never silent.
 */
export async function whyNoPostgres(file: string): Promise<string | null> {
  const whyNot = testPgUrl ? await answers(testPgUrl) : "LIVSVAL_TEST_PG_URL is not set";
  if (whyNot !== null) process.stderr.write(`${file}: skipped PostgreSQL tests: ${whyNot}\n`);
  return whyNot;
}

import pg from "pg";

/** Reads, asynchronously, a value that changes whenever a write commits to the database; null if unknown. */
export interface AsyncCommitVersion {
  read(): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Share reads of a value between callers without ever handing a caller a value read before it
 * asked: a caller that arrives while a read is in flight waits for the next read, which starts
 * when the one in flight ends and serves everyone who arrived meanwhile. So under any concurrency
 * at most one read is in flight and one queued, and every caller's value is at least as new as its
 * call. A read that throws gives its callers null.
 */
export function batchedReads<T>(read: () => Promise<T>): () => Promise<T | null> {
  const waiting: ((value: T | null) => void)[] = [];
  let busy = false;
  const pump = (): void => {
    if (busy || waiting.length === 0) return;
    busy = true;
    const batch = waiting.splice(0);
    read()
      .then(
        (value) => batch.forEach((resolve) => resolve(value)),
        () => batch.forEach((resolve) => resolve(null)),
      )
      .finally(() => {
        busy = false;
        pump();
      });
  };
  return () =>
    new Promise<T | null>((resolve) => {
      waiting.push(resolve);
      pump();
    });
}

/**
 * A commit version for a PostgreSQL cluster: the text of `pg_current_snapshot()` (PostgreSQL 13+),
 * read on a dedicated connection. The snapshot is one past the newest finished transaction id and
 * the ids still running below it; only writing transactions get an id, so it stays the same while
 * the server only reads, and changes whenever a write transaction commits or aborts
 * (https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-PG-SNAPSHOT). A page
 * rendered after reading version v shows at least what v's snapshot shows; any commit it shows
 * beyond that ended after v was read, so every version read later differs from v. So equal versions
 * never serve a page older than the data. It covers every writer (this process, another server, the
 * CLI) and every database of the cluster (a write elsewhere costs a re-render, never a stale page).
 * differ from v. It covers every writer (this process, another server, the CLI) and every database
 * of the cluster (a write elsewhere costs a re-render, never a stale page).
 *
 * Reads are batched ({@link batchedReads}) and time out after `timeoutMs`; a failed read gives null
 * (the caller renders afresh) and the next read reconnects, at most once per `retryMs`.
 */
export function openPgCommitVersion(
  connectionString: string,
  options: { timeoutMs?: number; retryMs?: number; now?: () => number } = {},
): AsyncCommitVersion {
  const timeoutMs = options.timeoutMs ?? 1000;
  const retryMs = options.retryMs ?? 1000;
  const now = options.now ?? Date.now;
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let failedAt = -Infinity;
  let closed = false;

  const drop = (broken: pg.Client): void => {
    if (client === broken) client = null;
    void broken.end().catch(() => {});
  };
  const connect = async (): Promise<pg.Client> => {
    const fresh = new pg.Client({
      connectionString,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: "livsval-page-cache",
    });
    // a dropped connection must not crash the server: it is replaced on the next read
    fresh.on("error", () => drop(fresh));
    await fresh.connect();
    return fresh;
  };
  const query = async (): Promise<string> => {
    if (closed) throw new Error("closed");
    if (!client) {
      if (now() - failedAt < retryMs) throw new Error("PostgreSQL was unreachable a moment ago");
      connecting ??= connect().finally(() => (connecting = null));
      try {
        client = await connecting;
      } catch (e) {
        failedAt = now();
        throw e;
      }
    }
    const current = client;
    try {
      const result = await current.query<{ version: string }>(
        "select pg_current_snapshot()::text as version",
      );
      return result.rows[0]!.version;
    } catch (e) {
      failedAt = now();
      drop(current);
      throw e;
    }
  };

  return {
    read: batchedReads(query),
    close: async () => {
      closed = true;
      const open = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      await open?.end().catch(() => {});
    },
  };
}

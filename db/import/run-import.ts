import { sql } from "kysely";
import { isPostgres } from "../repositories/transaction";
import type { Db, Dataset } from "../schema";
import { recordImport } from "./import-audit";
import { IssueCollector, rejectIfIssues } from "./import-issues";
import {
  DEFAULT_MAX_IMPORT_BYTES,
  checkSourceSize,
  hashSource,
  sourceFileName,
  sourceName,
  type ImportSource,
} from "./import-source";

/** The import kinds `npx livsval import --kind` accepts. */
export const IMPORT_KINDS = [
  "observations",
  "survey",
  "kolada",
  "kolada-groups",
  "oecd-bli",
  "scb-population",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Where a file came from and on what terms: stored on its dataset row. */
export interface Provenance {
  /** Publisher and where the copy came from (repository and path, or URL). */
  source: string;
  licence: string;
  /** ISO date the file was retrieved. */
  retrieved: string;
  /** True when the numbers are made up (e.g. the synthetic districts): shown as such everywhere. */
  synthetic?: boolean;
  /** Anything a reader must know: proxies, filters, assumptions behind uncertainties. */
  note?: string | null;
}

/** Options every import kind takes. */
export interface ImportOptions {
  provenance?: Partial<Provenance>;
  /** Refuse larger files (bytes); default {@link DEFAULT_MAX_IMPORT_BYTES}. */
  maxBytes?: number;
  /** Who imported (for the audit event); null for the system (seed, CLI without a user). */
  userId?: string | null;
  /** Clock for the default `retrieved` date and the audit event; injectable for tests. */
  now?: () => Date;
}

/** What an import did. `skipped` is set when the same bytes were imported before (nothing written). */
export interface ImportSummary {
  dataset: string;
  kind: ImportKind;
  rows: number;
  inserted: number;
  skipped?: "already imported";
  /** Kind-specific counts (e.g. segments, respondents, rows for locations not imported). */
  details?: Record<string, number | string>;
}

/** What a kind's body receives: the open transaction, the new dataset's id, and the issue list. */
export interface ImportContext {
  trx: Db;
  datasetId: string;
  issues: IssueCollector;
  file: string;
}

/** What a kind's body returns: rows read, rows written, and optional details for the summary. */
export interface ImportBodyResult {
  rows: number;
  inserted: number;
  details?: Record<string, number | string>;
  /** Text appended to the dataset's `source` (e.g. sources named in a file's `source` column). */
  sourceSuffix?: string;
}

/** Dataset id derived from the content hash, so the same bytes get the same id anywhere. */
export function datasetIdFor(sha256: string): string {
  return `ds_${sha256.slice(0, 16)}`;
}

/** Rows per multi-row INSERT: well below SQLite's and PostgreSQL's bound-parameter limits. */
export const INSERT_BATCH_ROWS = 500;

/**
 * The frame every import kind runs in: size limit, content hash, "already imported" check, one
 * transaction holding the dataset row, the kind's rows and the audit event. The body reports bad rows
 * into `issues`; if there is any, everything is rolled back and an ImportRejectedError lists them.
 */
export async function runImport(
  db: Db,
  kind: ImportKind,
  source: ImportSource,
  options: ImportOptions,
  body: (ctx: ImportContext) => Promise<ImportBodyResult>,
): Promise<ImportSummary> {
  const file = sourceName(source);
  await checkSourceSize(source, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES);
  const sha256 = await hashSource(source);
  const existing = await findDatasetBySha256(db, sha256);
  if (existing) {
    return {
      dataset: existing.id,
      kind,
      rows: existing.row_count,
      inserted: 0,
      skipped: "already imported",
    };
  }
  const now = (options.now ?? (() => new Date()))();
  const p = options.provenance ?? {};
  const datasetId = datasetIdFor(sha256);
  return withImportCache(db, () =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto("datasets")
        .values({
          id: datasetId,
          source: p.source ?? `imported file ${sourceFileName(source)}`,
          licence: p.licence ?? "not stated",
          retrieved: p.retrieved ?? now.toISOString().slice(0, 10),
          sha256,
          kind,
          file_name: sourceFileName(source),
          row_count: 0,
          synthetic: p.synthetic ? 1 : 0,
          note: p.note ?? null,
        })
        .execute();
      const issues = new IssueCollector();
      const result = await body({ trx, datasetId, issues, file });
      if (result.rows === 0 && issues.empty) issues.add(2, "", "", "no data rows after the header");
      rejectIfIssues(file, issues);
      await trx
        .updateTable("datasets")
        .set({
          row_count: result.rows,
          ...(result.sourceSuffix
            ? { source: `${p.source ?? `imported file ${sourceFileName(source)}`}${result.sourceSuffix}` }
            : {}),
        })
        .where("id", "=", datasetId)
        .execute();
      await recordImport(trx, {
        at: now.toISOString(),
        userId: options.userId ?? null,
        datasetId,
        kind,
        file: sourceFileName(source),
        sha256,
        rows: result.rows,
        inserted: result.inserted,
      });
      return {
        dataset: datasetId,
        kind,
        rows: result.rows,
        inserted: result.inserted,
        ...(result.details ? { details: result.details } : {}),
      };
    }),
  );
}

/**
 * SQLite page cache during an import (KiB): 48 MB. A large import updates three indexes of observations;
 * with the default 16 MB cache their pages are spilled and re-read. Measured per million rows
 * (bench/import.bench.ts): 16 MB 17.4 s CPU; 64 MB 15.4 s but peak RSS up to 485 MB; 48 MB 15.1 s CPU
 * with peak RSS 451 MB, inside the 500 MB budget.
 */
export const IMPORT_SQLITE_CACHE_KIB = 49152;

/** Run `fn` with the SQLite page cache raised to {@link IMPORT_SQLITE_CACHE_KIB}, restored after. */
async function withImportCache<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (isPostgres(db) || db.isTransaction) return fn();
  const before = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size;
  await sql.raw(`pragma cache_size = -${IMPORT_SQLITE_CACHE_KIB}`).execute(db);
  try {
    return await fn();
  } finally {
    if (before !== undefined) await sql.raw(`pragma cache_size = ${Number(before)}`).execute(db);
  }
}

/** What the audit log records about an import. */
export interface ImportAuditEvent {
  at: string;
  userId: string | null;
  datasetId: string;
  kind: ImportKind;
  file: string;
  sha256: string;
  rows: number;
  inserted: number;
}

/** The dataset with these exact bytes, if any. */
export async function findDatasetBySha256(db: Db, sha256: string): Promise<Dataset | undefined> {
  return db.selectFrom("datasets").selectAll().where("sha256", "=", sha256).executeTakeFirst();
}

/** Insert rows in batches of {@link INSERT_BATCH_ROWS}, returning how many were written. */
export class BatchWriter<T> {
  #batch: T[] = [];
  written = 0;
  constructor(
    private readonly flushRows: (rows: T[]) => Promise<void>,
    private readonly size = INSERT_BATCH_ROWS,
  ) {}
  async add(row: T): Promise<void> {
    this.#batch.push(row);
    if (this.#batch.length >= this.size) await this.flush();
  }
  async addMany(rows: readonly T[]): Promise<void> {
    for (const row of rows) this.#batch.push(row);
    if (this.#batch.length >= this.size) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const rows = this.#batch;
    this.#batch = [];
    await this.flushRows(rows);
    this.written += rows.length;
  }
}

import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { openCommitCounter, type CommitCounter } from "../../db/commit-counter";
import { isPostgresUrl } from "../../db/connection";
import { openPgCommitVersion } from "../../db/pg-commit-version";

/**
 * A cache of rendered pages. A page document is a function of its URL, the request's cookies (the
 * session, hence the user, role and CSRF token; the language) and the stored data — nothing else for
 * the routes listed in {@link CACHEABLE_ROUTES}. So a rendered document is kept under (URL, Cookie
 * header) and served again, byte for byte except for the CSP nonce, until any connection commits a
 * write to the database (SQLite's commit counter or PostgreSQL's snapshot moves: an import, a saved
 * scenario, a round event, a sign-in or sign-out anywhere, a CLI in another process), an in-memory state a page shows changes
 * ({@link notePageStateChanged}), or the session behind the cookie expires.
 *
 * Only GET documents with status 200 and without Set-Cookie whose
 * every matched route is listed are stored; the entry server marks them with {@link PAGE_CACHE_HEADER}
 * (never sent to the browser). Off for in-memory SQLite (no commit counter) and when
 * LIVSVAL_PAGE_CACHE_MB is 0.
 */

/** Internal response header: the epoch millisecond until which the document may be served again. */
export const PAGE_CACHE_HEADER = "x-livsval-page-cache";

/**
 * Route ids (Remix's) whose loaders read only the URL, the cookies and the database. A route that
 * shows process memory (e.g. an analysis job's progress) or the clock must not be listed unless that
 * state reaches {@link notePageStateChanged}. test/app/utils/page-cache-routes.test.ts makes every
 * route file choose.
 */
export const CACHEABLE_ROUTES: ReadonlySet<string> = new Set([
  "root",
  "routes/_index",
  "routes/data._index",
  "routes/data.import",
  "routes/data.indicators.$indicatorId",
  "routes/interventions._index",
  "routes/interventions.new",
  "routes/interventions.$interventionId",
  "routes/scenarios._index",
  "routes/scenarios.$scenarioId",
  "routes/scenarios.rules.$ruleSetId",
  "routes/rounds._index",
  "routes/rounds.new",
  "routes/rounds.$roundId._index", // shows an analysis job's state: round-analysis notes each change
  "routes/rounds.$roundId.analysis",
  "routes/rounds.$roundId.record",
]);

const RESOURCE = "a resource route (CSV, JSON, Markdown, redirect): not a document, never stored";

/** The routes not in {@link CACHEABLE_ROUTES}, each with the reason. */
export const UNCACHED_ROUTES: Readonly<Record<string, string>> = {
  "routes/$": "answers 404",
  "routes/login": "signed-out page; signing in sets a cookie",
  "routes/logout": RESOURCE,
  "routes/lang": RESOURCE,
  "routes/overview[.]csv": RESOURCE,
  "routes/data.indicators[.]csv": RESOURCE,
  "routes/data.indicators.$indicatorId_.csv": RESOURCE,
  "routes/rounds.$roundId.csv.$table": RESOURCE,
  "routes/rounds.$roundId.record[.]json": RESOURCE,
  "routes/rounds.$roundId.record[.]md": RESOURCE,
};

/** A stored document: the body split at each occurrence of the nonce it was rendered with. */
export interface CachedPage {
  status: number;
  headers: [string, string | string[]][];
  parts: Buffer[];
  /** The parts compressed for {@link gzipWithNonce}, when the page was worth compressing. */
  deflated?: Buffer[];
  version: string;
  expiresAt: number;
  bytes: number;
}

/** Least-recently-used pages within a byte budget and an entry count. */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntries = 5_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  /** The page under `key` if it was stored at `version` and has not expired at `now`. */
  get(key: string, version: string, now: number): CachedPage | null {
    const page = this.entries.get(key);
    if (!page) return null;
    this.entries.delete(key);
    if (page.version !== version || now >= page.expiresAt) {
      this.total -= page.bytes;
      return null;
    }
    this.entries.set(key, page);
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.delete(key);
    if (page.bytes > this.maxBytes / 4) return;
    this.entries.set(key, page);
    this.total += page.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.total <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.total -= old.bytes;
    }
  }

  delete(key: string): void {
    const page = this.entries.get(key);
    if (!page) return;
    this.entries.delete(key);
    this.total -= page.bytes;
  }
}

/** The cache key of a request: its URL (path and query) and its whole Cookie header. */
export function pageKey(url: string, cookie: string | undefined): string {
  return `${url}\n${cookie ?? ""}`;
}

/** Split `body` at every occurrence of `nonce` (an empty nonce leaves it whole). */
export function splitOnNonce(body: Buffer, nonce: string): Buffer[] {
  if (!nonce) return [body];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/** The pieces of the body again, with `nonce` where the original nonce was. */
export function withNonce(parts: readonly Buffer[], nonce: string): Buffer[] {
  if (parts.length === 1) return [parts[0]!];
  const glue = Buffer.from(nonce);
  return parts.flatMap((p, i) => (i === 0 ? [p] : [glue, p]));
}

/**
 * Compress each part once, for {@link gzipWithNonce}: every part but the last as raw DEFLATE ending
 * in a sync flush (byte-aligned, not final), the last one final (RFC 1951 §3.2.3, zlib's
 * Z_SYNC_FLUSH). Parts are compressed independently, so no back-reference crosses a nonce.
 */
export function deflateParts(parts: readonly Buffer[]): Buffer[] {
  return parts.map((p, i) =>
    i < parts.length - 1
      ? zlib.deflateRawSync(p, { finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : zlib.deflateRawSync(p),
  );
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * A gzip member (RFC 1952) of the body with `nonce` stamped in, built from the parts compressed
 * once by {@link deflateParts}: the header, each compressed part with the nonce between them as a
 * stored, non-final DEFLATE block (RFC 1951 §3.2.4: 0x00, LEN, ~LEN, the bytes), then the CRC-32
 * and the size. Only the CRC is computed per response.
 */
export function gzipWithNonce(
  parts: readonly Buffer[],
  deflated: readonly Buffer[],
  nonce: string,
): Buffer[] {
  const glue = Buffer.from(nonce);
  const stored = Buffer.alloc(5);
  stored.writeUInt16LE(glue.length, 1);
  stored.writeUInt16LE(~glue.length & 0xffff, 3);
  const pieces: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  parts.forEach((part, i) => {
    if (i > 0) {
      pieces.push(stored, glue);
      crc = zlib.crc32(glue, crc);
      size += glue.length;
    }
    pieces.push(deflated[i]!);
    // skip empty parts: Node 20's zlib.crc32 answers 0 for an empty buffer zlib has compressed
    if (part.length > 0) crc = zlib.crc32(part, crc);
    size += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  pieces.push(trailer);
  return pieces;
}

/** Whether the request accepts a gzip body (RFC 9110 §12.5.3; "gzip;q=0" refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "x-gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Pages smaller than this are sent as they are: compressing them saves too little. */
const GZIP_MIN_BYTES = 1_024;

/**
 * Send a stored page with `nonce` stamped in, gzip-compressed when the client accepts it, as one
 * corked write (no copy of the body).
 */
function sendWithNonce(res: ServerResponse, page: CachedPage, nonce: string, gzip: boolean): void {
  const zipped = gzip && page.deflated !== undefined;
  const pieces = zipped ? gzipWithNonce(page.parts, page.deflated!, nonce) : withNonce(page.parts, nonce);
  res.statusCode = page.status;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("Vary", "Accept-Encoding, Cookie");
  if (zipped) res.setHeader("Content-Encoding", "gzip");
  res.setHeader(
    "Content-Length",
    pieces.reduce((n, p) => n + p.length, 0),
  );
  res.cork();
  for (const piece of pieces) res.write(piece);
  res.end();
  process.nextTick(() => res.uncork());
}

/**
 * When a rendered document may be stored, the epoch millisecond until which it may be served:
 * the earlier of the session's expiry and `now + ttlMs`; otherwise null.
 */
export function cacheableUntil(page: {
  method: string;
  status: number;
  routeIds: readonly string[];
  headers: Headers;
  sessionExpiresAt: string | null;
  now: number;
  ttlMs: number;
}): number | null {
  if (page.method !== "GET" || page.status !== 200) return null;
  if (!page.routeIds.every((id) => CACHEABLE_ROUTES.has(id))) return null;
  if (page.headers.has("Set-Cookie")) return null;
  const limit = page.now + page.ttlMs;
  if (page.sessionExpiresAt === null) return limit;
  const session = Date.parse(page.sessionExpiresAt);
  return Number.isFinite(session) ? Math.min(session, limit) : null;
}

let epoch = 0;

/** Tell the page cache that process memory a cacheable page shows has changed. */
export function notePageStateChanged(): void {
  epoch++;
}

/** The version pages are stored under: the database's commit counter and the in-memory epoch. */
export function pageStateVersion(counter: CommitCounter): string {
  return `${counter.read()}:${epoch}`;
}

/** Response headers not replayed from a stored page (set afresh per response, or per body). */
const NOT_REPLAYED = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "date",
  "keep-alive",
  "content-security-policy",
  PAGE_CACHE_HEADER,
]);

type Next = () => void;
type Req = IncomingMessage & { originalUrl?: string };
type Res = ServerResponse & { locals: Record<string, unknown> };

/**
 * Connect/Express middleware serving stored documents and storing the ones the entry server marks.
 * Place it after the middleware that sets `res.locals.cspNonce` and the CSP header.
 */
export function pageCacheMiddleware(options: {
  cache: PageCache;
  /**
   * The data version now, read before the page is rendered (null: don't cache this request). It may
   * be a promise (PostgreSQL); it must then be read after the request arrived, never reused from
   * an earlier read.
   */
  version: () => string | null | Promise<string | null>;
  now?: () => number;
}): (req: Req, res: Res, next: Next) => void {
  const now = options.now ?? Date.now;
  return (req, res, next) => {
    if (req.method !== "GET") return next();
    const version = options.version();
    if (version instanceof Promise) {
      version.then((v) => serve(req, res, next, v), next);
    } else serve(req, res, next, version);
  };

  function serve(req: Req, res: Res, next: Next, version: string | null): void {
    if (version === null) return next();
    const key = pageKey(req.originalUrl ?? req.url ?? "/", req.headers.cookie);
    const nonce = typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : "";
    const hit = options.cache.get(key, version, now());
    if (hit) {
      sendWithNonce(res, hit, nonce, acceptsGzip(req.headers["accept-encoding"]));
      return;
    }
    capture(res, (status, headers, body, until) => {
      if (until === null || status !== 200) return;
      const parts = splitOnNonce(body, nonce);
      const deflated = body.length >= GZIP_MIN_BYTES ? deflateParts(parts) : undefined;
      // the key counts too: a long URL or cookie must not let entries outgrow the budget
      const bytes = body.length + (deflated?.reduce((n, d) => n + d.length, 0) ?? 0) + key.length * 2;
      options.cache.set(key, { status, headers, parts, deflated, version, expiresAt: until, bytes });
    });
    next();
  }
}

/**
 * Watch a response go out: remove the internal marker header before the head is written, collect
 * the body, and call `done` once it has been sent in full.
 */
function capture(
  res: Res,
  done: (status: number, headers: [string, string | string[]][], body: Buffer, until: number | null) => void,
): void {
  let until: number | null = null;
  let headers: [string, string | string[]][] = [];
  const chunks: Buffer[] = [];
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Res;
  res.writeHead = ((...args: unknown[]) => {
    const mark = res.getHeader(PAGE_CACHE_HEADER);
    res.removeHeader(PAGE_CACHE_HEADER);
    until = typeof mark === "string" && /^\d+$/.test(mark) ? Number(mark) : null;
    if (until !== null && !res.hasHeader("set-cookie")) {
      headers = Object.entries(res.getHeaders())
        .filter(([name]) => !NOT_REPLAYED.has(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]);
    } else until = null;
    return writeHead(...args);
  }) as Res["writeHead"];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunks, chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Res["write"];
  const end = res.end.bind(res) as (...args: unknown[]) => Res;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") collect(chunks, chunk, rest[0]);
    const result = end(chunk, ...rest);
    if (until !== null && !res.locals.pageCacheVeto)
      done(res.statusCode, headers, Buffer.concat(chunks), until);
    return result;
  }) as Res["end"];
}

function collect(chunks: Buffer[], chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null) return;
  if (typeof chunk === "string")
    chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
}

let version: (() => string | null | Promise<string | null>) | null | undefined;

/**
 * What the app's pages are versioned by, opened once per process: SQLite's commit counter, or
 * PostgreSQL's snapshot ({@link openPgCommitVersion}); each with the in-memory epoch. Null when
 * there is none (in-memory SQLite, or a file not created yet).
 */
function appPageVersion(databaseUrl: string | undefined): typeof version {
  if (databaseUrl && isPostgresUrl(databaseUrl.trim())) {
    const snapshot = openPgCommitVersion(databaseUrl.trim());
    return async () => {
      const at = epoch;
      const v = await snapshot.read();
      return v === null ? null : `${v}:${at}`;
    };
  }
  const counter = openCommitCounter(databaseUrl);
  return counter ? () => pageStateVersion(counter) : null;
}

/**
 * The app's page-cache middleware for the database at `databaseUrl`, or null when page caching is
 * off (no commit version for the database, or `maxMb` 0).
 */
export function createAppPageCache(databaseUrl: string | undefined, maxMb: number) {
  if (maxMb <= 0) return null;
  if (version === undefined) version = appPageVersion(databaseUrl);
  if (!version) return null;
  return pageCacheMiddleware({ cache: new PageCache(maxMb * 1024 * 1024), version });
}

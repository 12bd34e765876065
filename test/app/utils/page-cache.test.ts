import { readdirSync } from "node:fs";
import http, { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  acceptsGzip,
  CACHEABLE_ROUTES,
  cacheableUntil,
  deflateParts,
  gzipWithNonce,
  PAGE_CACHE_HEADER,
  PageCache,
  pageCacheMiddleware,
  pageKey,
  splitOnNonce,
  UNCACHED_ROUTES,
  withNonce,
  type CachedPage,
} from "~/utils/page-cache.server";

const page = (bytes: number, version = "1", expiresAt = 1_000): CachedPage => ({
  status: 200,
  headers: [],
  parts: [Buffer.alloc(bytes)],
  version,
  expiresAt,
  bytes,
});

describe("PageCache", () => {
  it("returns a page only at the version it was stored under and before it expires", () => {
    const cache = new PageCache(1_000);
    cache.set("a", page(10, "7", 500));
    expect(cache.get("a", "8", 0)).toBeNull();
    cache.set("a", page(10, "7", 500));
    expect(cache.get("a", "7", 499)).not.toBeNull();
    expect(cache.get("a", "7", 500)).toBeNull();
    // a stale entry is dropped, its bytes with it
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("evicts the least recently used pages beyond its byte budget", () => {
    const cache = new PageCache(1_000);
    cache.set("a", page(240));
    cache.set("b", page(240));
    cache.set("c", page(240));
    cache.get("a", "1", 0); // a is now the most recent
    cache.set("d", page(240)); // 960 bytes: all fit
    cache.set("e", page(240)); // 1 200 > 1 000: b (least recent) goes
    expect(cache.get("b", "1", 0)).toBeNull();
    expect(["a", "c", "d", "e"].map((k) => cache.get(k, "1", 0) !== null)).toEqual([true, true, true, true]);
    expect(cache.bytes).toBe(960);
  });

  it("keeps at most maxEntries pages and refuses a page larger than a quarter of the budget", () => {
    const cache = new PageCache(1_000, 2);
    cache.set("a", page(1));
    cache.set("b", page(1));
    cache.set("c", page(1));
    expect(cache.size).toBe(2);
    expect(cache.get("a", "1", 0)).toBeNull();
    cache.set("big", page(251));
    expect(cache.get("big", "1", 0)).toBeNull();
    expect(cache.bytes).toBe(2);
  });
});

describe("nonce stamping", () => {
  it("splits a body at every occurrence of the nonce and stamps a new one in", () => {
    const body = Buffer.from('<script nonce="N0+/=">a</script><p>x</p><script nonce="N0+/=">b</script>');
    const parts = splitOnNonce(body, "N0+/=");
    expect(parts.map(String)).toEqual([
      '<script nonce="',
      '">a</script><p>x</p><script nonce="',
      '">b</script>',
    ]);
    expect(Buffer.concat(withNonce(parts, "zz")).toString()).toBe(
      '<script nonce="zz">a</script><p>x</p><script nonce="zz">b</script>',
    );
  });

  it("leaves a body without the nonce, or with no nonce given, whole", () => {
    expect(splitOnNonce(Buffer.from("åäö"), "abc").map(String)).toEqual(["åäö"]);
    expect(splitOnNonce(Buffer.from("abc"), "").map(String)).toEqual(["abc"]);
  });
});

describe("gzip with a nonce stamped in", () => {
  const gunzip = (pieces: Buffer[]) => zlib.gunzipSync(Buffer.concat(pieces)).toString();

  it("is a gzip member that inflates to the stamped body", () => {
    const body = Buffer.from(
      `<html>${"å".repeat(5000)}<script nonce="OLD">x</script>${"z".repeat(70_000)}</html>`,
    );
    const parts = splitOnNonce(body, "OLD");
    const pieces = gzipWithNonce(parts, deflateParts(parts), "new+/nonce==");
    expect(gunzip(pieces)).toBe(body.toString().replace("OLD", "new+/nonce=="));
    expect(Buffer.concat(pieces).length).toBeLessThan(body.length / 10);
  });

  it("inflates right for any body and any number of nonces", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 6 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (texts, nonce) => {
          const parts = texts.map((t) => Buffer.from(t));
          expect(gunzip(gzipWithNonce(parts, deflateParts(parts), nonce))).toBe(texts.join(nonce));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["identity", false],
    ["gzip;q=0", false],
    ["br", false],
    [undefined, false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe("cacheableUntil", () => {
  const base = {
    method: "GET",
    status: 200,
    routeIds: ["root", "routes/_index"],
    headers: new Headers({ "Content-Type": "text/html" }),
    sessionExpiresAt: "1970-01-01T00:00:02.000Z",
    now: 1_000,
    ttlMs: 60_000,
  };

  it("stores a listed GET 200 page until the session ends, or the TTL if that is sooner", () => {
    expect(cacheableUntil(base)).toBe(2_000);
    expect(cacheableUntil({ ...base, sessionExpiresAt: "1970-01-02T00:00:00.000Z" })).toBe(61_000);
    expect(cacheableUntil({ ...base, sessionExpiresAt: null })).toBe(61_000);
  });

  it.each([
    ["a POST", { method: "POST" }],
    ["a 400 answer", { status: 400 }],
    ["an unlisted route", { routeIds: ["root", "routes/login"] }],
    ["a page that sets a cookie", { headers: new Headers({ "Set-Cookie": "a=b" }) }],
    ["an unreadable session expiry", { sessionExpiresAt: "soon" }],
  ])("never stores %s", (_, change) => {
    expect(cacheableUntil({ ...base, ...change })).toBeNull();
  });
});

describe("every route chooses", () => {
  it("lists each route module as cacheable or uncached with a reason, and nothing else", () => {
    const dir = path.resolve(import.meta.dirname, "../../../app/routes");
    const ids = readdirSync(dir)
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => `routes/${f.replace(/\.(ts|tsx)$/, "")}`)
      .sort();
    const listed = [...CACHEABLE_ROUTES].filter((id) => id !== "root");
    expect([...listed, ...Object.keys(UNCACHED_ROUTES)].sort()).toEqual(ids);
    for (const id of listed) expect(UNCACHED_ROUTES[id]).toBeUndefined();
    for (const reason of Object.values(UNCACHED_ROUTES)) expect(reason.length).toBeGreaterThan(5);
  });
});

// The middleware in front of a stand-in for Remix: counts renders, stamps the request's nonce into
// the page as Remix does, and marks what the test says.
interface Behaviour {
  mark: boolean;
  pad?: number;
  setCookie?: boolean;
  veto?: boolean;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(
  behaviour: Behaviour,
  state: { version: string | null; now: number; async?: "resolve" | "reject" },
) {
  const cache = new PageCache(1 << 20);
  const version = () =>
    state.async === undefined
      ? state.version
      : state.async === "resolve"
        ? new Promise<string | null>((resolve) => setImmediate(() => resolve(state.version)))
        : Promise.reject(new Error("unreachable"));
  const middleware = pageCacheMiddleware({ cache, version, now: () => state.now });
  let renders = 0;
  let nonces = 0;
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const locals: Record<string, unknown> = { cspNonce: `n${++nonces}+/=` };
    const r = Object.assign(res, { locals });
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${String(locals.cspNonce)}'`);
    middleware(req, r, () => {
      renders++;
      res.statusCode = 200;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("X-Replayed", "yes");
      if (behaviour.mark) res.setHeader(PAGE_CACHE_HEADER, "5000");
      if (behaviour.setCookie) res.setHeader("Set-Cookie", "s=1");
      if (behaviour.veto) locals.pageCacheVeto = true;
      // streamed in two chunks, as Remix does
      res.write(
        `<p>${req.url} ${req.headers.cookie ?? "-"} render ${renders} ö</p>${"-".repeat(behaviour.pad ?? 0)}`,
      );
      res.end(`<script nonce="${String(locals.cspNonce)}">x</script>`);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const get = async (url: string, cookie = "s=a") => {
    const res = await fetch(base + url, { headers: { Cookie: cookie } });
    return {
      body: await res.text(),
      csp: res.headers.get("content-security-policy"),
      marker: res.headers.get(PAGE_CACHE_HEADER),
      type: res.headers.get("content-type"),
      vary: res.headers.get("vary"),
      replayed: res.headers.get("x-replayed"),
      length: res.headers.get("content-length"),
    };
  };
  return { get, base, renders: () => renders, cache };
}

describe("pageCacheMiddleware", () => {
  it("serves a marked page again with the new request's nonce, its headers, and no marker", async () => {
    const state = { version: "v1", now: 0 };
    const app = await start({ mark: true }, state);
    const first = await app.get("/a");
    const second = await app.get("/a");
    expect(app.renders()).toBe(1);
    expect(first.body).toBe('<p>/a s=a render 1 ö</p><script nonce="n1+/=">x</script>');
    expect(second.body).toBe('<p>/a s=a render 1 ö</p><script nonce="n2+/=">x</script>');
    expect(second.csp).toBe("script-src 'nonce-n2+/='");
    expect([first.marker, second.marker]).toEqual([null, null]);
    expect(second.type).toBe("text/html; charset=utf-8");
    expect(second.replayed).toBe("yes");
    expect(second.vary).toBe("Accept-Encoding, Cookie");
    expect(Number(second.length)).toBe(Buffer.byteLength(second.body));
  });

  it("sends a page served again gzip-compressed to a client that accepts gzip", async () => {
    const app = await start({ mark: true, pad: 5_000 }, { version: "v1", now: 0 });
    const first = await app.get("/a");
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      http
        .get(`${app.base}/a`, { headers: { Cookie: "s=a", "Accept-Encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
          );
        })
        .on("error", reject);
    });
    expect(app.renders()).toBe(1);
    expect(raw.encoding).toBe("gzip");
    expect(raw.body.length).toBeLessThan(1_000);
    expect(zlib.gunzipSync(raw.body).toString()).toBe(first.body.replace("n1+/=", "n2+/="));
  });

  it("renders again for another URL, another cookie, a new version, or after expiry", async () => {
    const state = { version: "v1", now: 0 };
    const app = await start({ mark: true }, state);
    await app.get("/a");
    await app.get("/a?x=1");
    await app.get("/a", "s=b");
    expect(app.renders()).toBe(3);
    state.version = "v2";
    expect((await app.get("/a")).body).toContain("render 4");
    expect((await app.get("/a")).body).toContain("render 4");
    state.now = 5_000; // the marker said 5000
    expect((await app.get("/a")).body).toContain("render 5");
  });

  it("never stores an unmarked page, one that sets a cookie, or one vetoed while streaming", async () => {
    for (const behaviour of [{ mark: false }, { mark: true, setCookie: true }, { mark: true, veto: true }]) {
      const app = await start(behaviour, { version: "v1", now: 0 });
      await app.get("/a");
      await app.get("/a");
      expect(app.renders()).toBe(2);
      expect(app.cache.size).toBe(0);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  });

  it("passes everything through when there is no version (caching off)", async () => {
    const app = await start({ mark: true }, { version: null, now: 0 });
    await app.get("/a");
    await app.get("/a");
    expect(app.renders()).toBe(2);
  });

  it("does the same with a version read asynchronously (PostgreSQL), and renders when the read fails", async () => {
    const state: { version: string | null; now: number; async: "resolve" | "reject" } = {
      version: "v1",
      now: 0,
      async: "resolve",
    };
    const app = await start({ mark: true }, state);
    expect((await app.get("/a")).body).toBe('<p>/a s=a render 1 ö</p><script nonce="n1+/=">x</script>');
    expect((await app.get("/a")).body).toBe('<p>/a s=a render 1 ö</p><script nonce="n2+/=">x</script>');
    state.version = "v2";
    expect((await app.get("/a")).body).toContain("render 2");
    state.version = null;
    expect((await app.get("/a")).body).toContain("render 3");
    state.async = "reject";
    expect((await app.get("/a")).body).toContain("render 4");
    expect(app.cache.size).toBe(1);
  });

  it("keys on the URL and the whole Cookie header", () => {
    expect(pageKey("/a?b=1", "s=1; lang=en")).not.toBe(pageKey("/a?b=1", "s=1; lang=sv"));
    expect(pageKey("/a", undefined)).toBe(pageKey("/a", ""));
  });
});

import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getCurrentUser } from "./auth/session.server";
import { getConfig } from "./utils/config.server";
import { NonceContext } from "./utils/nonce";
import { cacheableUntil, createAppPageCache, PAGE_CACHE_HEADER } from "./utils/page-cache.server";

const ABORT_DELAY = 5_000;

/** How long a stored page may be served at most, whatever else holds (the session's end is earlier). */
const PAGE_CACHE_TTL_MS = 10 * 60_000;

/** What server.js needs of the configuration, checked by zod with the rest (a bad value stops the start). */
export const serverConfig = {
  port: getConfig().PORT,
  host: getConfig().HOST,
  maxBodyBytes: getConfig().LIVSVAL_MAX_BODY_BYTES,
  trustProxy: getConfig().LIVSVAL_TRUST_PROXY,
};

/** Middleware for server.js: serves stored documents (see page-cache.server.ts); null when off. */
export const pageCache = createAppPageCache(getConfig().DATABASE_URL, getConfig().LIVSVAL_PAGE_CACHE_MB);

/** Mark the document for the page cache when every condition for storing it holds. */
async function markCacheable(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
): Promise<void> {
  if (!pageCache) return;
  const routeIds = remixContext.staticHandlerContext.matches.map((m) => m.route.id);
  const user = request.method === "GET" ? await getCurrentUser(request) : null;
  const until = cacheableUntil({
    method: request.method,
    status,
    routeIds,
    headers,
    sessionExpiresAt: user?.expiresAt ?? null,
    now: Date.now(),
    ttlMs: PAGE_CACHE_TTL_MS,
  });
  if (until !== null) headers.set(PAGE_CACHE_HEADER, String(until));
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // pages show officials' data: no copy in the browser's or any proxy's cache (OWASP ASVS 8.2.1); the
  // server's own page cache is separate and keyed by the session
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "no-store");
  await markCacheable(request, responseStatusCode, responseHeaders, remixContext);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // a page that failed while streaming is never stored, though its head already went out
          loadContext.vetoPageCache?.();
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}

/** Client-side navigations fetch loader data (`.data`): kept out of browser and proxy caches too. */
export function handleDataRequest(response: Response): Response {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

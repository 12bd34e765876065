// Production server: Express serving the Remix build, with security headers, a per-request CSP
// nonce and a request body size limit. Started with node directly (`npm start`, tests, benchmarks).
import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

// The build checks the environment with zod as it loads (app/utils/config.server.ts): a bad value
// stops the start with a message naming the variable, not a stack trace.
const build = await import("./build/server/index.js").catch((e) => {
  console.error(e instanceof Error && e.message.startsWith("Livsval:") ? e.message : e);
  process.exit(1);
});
const {
  port: PORT,
  host: HOST,
  maxBodyBytes: MAX_BODY_BYTES,
  trustProxy: TRUST_PROXY,
} = build.entry.module.serverConfig;

const app = express();
app.disable("x-powered-by");
// The client's address (req.ip) is the socket's, unless LIVSVAL_TRUST_PROXY names how many proxies
// in front may say otherwise in X-Forwarded-For: a header anyone can send is not trusted by default.
app.set("trust proxy", TRUST_PROXY > 0 ? TRUST_PROXY : false);

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
});

// Refuse oversize bodies before Remix reads them. Browsers always declare the length of a form
// post; a body of undeclared length (chunked) is refused rather than counted.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const length = req.headers["content-length"];
  if (length === undefined && req.headers["transfer-encoding"]) {
    res.status(411).type("text/plain").send("Content-Length required");
    return;
  }
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send(`Request body larger than ${MAX_BODY_BYTES} bytes`);
    return;
  }
  next();
});

// A cross-site post is refused here with 403 (Remix would refuse it too, but as a 500): a form on
// another site must not act with a signed-in user's cookie. The CSRF token is the second layer.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.headers.origin;
  if (origin && origin !== "null") {
    let host = "";
    try {
      host = new URL(origin).host;
    } catch {
      // a malformed Origin is refused below
    }
    if (host !== req.headers.host) {
      res.status(403).type("text/plain").send("Cross-site request refused");
      return;
    }
  }
  next();
});

app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));

// Rendered pages served again until the data, the session or the page's in-memory state changes
// (app/utils/page-cache.server.ts); off for PostgreSQL and with LIVSVAL_PAGE_CACHE_MB=0. Before the
// static files, so a cached page costs no file lookup.
if (build.entry.module.pageCache) app.use(build.entry.module.pageCache);

app.use(express.static("build/client", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      vetoPageCache: () => {
        res.locals.pageCacheVeto = true;
      },
    }),
  }),
);

app.listen(PORT, HOST, () => {
  console.log(`Livsval listening on http://localhost:${PORT}`);
});

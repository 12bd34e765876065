import http from "node:http";
import zlib from "node:zlib";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./support/http-session";
import { startServer, type RunningServer } from "./support/server";

// The page cache on the built server (app/utils/page-cache.server.ts): a page served again is the
// page a fresh render would give, with its own nonce; a write by anyone, a sign-out or a change of
// language is seen at once.

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const login = (role: string) => {
  const [username, password] = Object.entries(server.passwords).find(([u]) => u.includes(role))!;
  return signIn(server.url, username, password);
};

async function get(path: string, cookie: string) {
  const res = await fetch(server.url + path, {
    headers: { Cookie: cookie, "Accept-Encoding": "identity" },
    redirect: "manual",
  });
  const body = await res.text();
  const csp = res.headers.get("content-security-policy") ?? "";
  return { status: res.status, body, nonce: /'nonce-([^']+)'/.exec(csp)?.[1] ?? "", res };
}

const withoutNonce = (html: string, nonce: string) => html.split(nonce).join("NONCE");

describe("pages served again", () => {
  it("are the same page with a fresh nonce that matches the CSP header", async () => {
    const { cookie } = await login("viewer");
    const pages = [];
    for (let i = 0; i < 3; i++) pages.push(await get("/", cookie));
    const nonces = pages.map((p) => p.nonce);
    expect(new Set(nonces).size).toBe(3);
    for (const p of pages) {
      expect(p.status).toBe(200);
      expect(p.body).toContain(`nonce="${p.nonce}"`);
      expect(p.res.headers.get("x-livsval-page-cache")).toBeNull();
      expect(p.res.headers.get("cache-control")).toBe("no-store");
      expect(Number(p.res.headers.get("content-length"))).toBe(Buffer.byteLength(p.body));
    }
    expect(withoutNonce(pages[2]!.body, nonces[2]!)).toBe(withoutNonce(pages[0]!.body, nonces[0]!));
  });

  it("are sent gzip-compressed to a browser that accepts gzip, and inflate to the same page", async () => {
    const { cookie } = await login("viewer");
    const plain = await get("/", cookie);
    const zipped = await new Promise<{ encoding?: string; vary?: string; csp: string; body: Buffer }>(
      (resolve, reject) => {
        http
          .get(
            `${server.url}/`,
            { headers: { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br" } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () =>
                resolve({
                  encoding: res.headers["content-encoding"],
                  vary: res.headers.vary,
                  csp: String(res.headers["content-security-policy"] ?? ""),
                  body: Buffer.concat(chunks),
                }),
              );
            },
          )
          .on("error", reject);
      },
    );
    expect(zipped.encoding).toBe("gzip");
    expect(zipped.vary).toBe("Accept-Encoding, Cookie");
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(plain.body) / 3);
    const nonce = /'nonce-([^']+)'/.exec(zipped.csp)![1]!;
    const html = zlib.gunzipSync(zipped.body).toString();
    expect(withoutNonce(html, nonce)).toBe(withoutNonce(plain.body, plain.nonce));
  });

  it("and their loader data are kept out of browser and proxy caches", async () => {
    const { cookie } = await login("viewer");
    const data = await fetch(`${server.url}/_root.data`, { headers: { Cookie: cookie } });
    await data.arrayBuffer();
    expect(data.status).toBe(200);
    expect(data.headers.get("cache-control")).toBe("no-store");
  });

  it("are not served to a session that has signed out", async () => {
    const { cookie, csrf } = await login("viewer");
    expect((await get("/data", cookie)).status).toBe(200);
    expect((await get("/data", cookie)).status).toBe(200);
    const out = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: new URLSearchParams({ csrf }),
    });
    expect(out.status).toBe(302);
    const after = await get("/data", cookie);
    expect(after.status).toBe(302);
    expect(after.res.headers.get("location")).toMatch(/^\/login/);
  });

  it("show a write made by another process at once", async () => {
    const { cookie } = await login("analyst");
    const before = await get("/data", cookie);
    expect(before.body).not.toContain("Etikett ändrad av ett annat program");
    await get("/data", cookie);
    const sqlite = new SQLite(server.databaseUrl);
    const id =
      (sqlite.prepare("SELECT id FROM indicators ORDER BY id LIMIT 1").pluck().get() as string) ?? "";
    sqlite
      .prepare("UPDATE indicators SET label = ? WHERE id = ?")
      .run("Etikett ändrad av ett annat program", id);
    sqlite.close();
    const after = await get("/data", cookie);
    expect(after.body).toContain("Etikett ändrad av ett annat program");
  });

  it("follow the language cookie", async () => {
    const { cookie } = await login("viewer");
    const sv = await get("/", cookie);
    expect(sv.body).toContain('<html lang="sv"');
    const switched = await fetch(`${server.url}/lang?to=en&redirectTo=/`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    const lang = switched.headers.get("set-cookie")!.split(";")[0]!;
    const en = await get("/", `${cookie}; ${lang}`);
    expect(en.body).toContain('<html lang="en"');
    expect((await get("/", cookie)).body).toContain('<html lang="sv"');
  });
});

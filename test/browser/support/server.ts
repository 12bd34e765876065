import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  databaseUrl: string;
  /** Demo users' passwords as printed once by `livsval setup` ("demo user NAME (ROLE) password: PW"), by username. */
  passwords: Record<string, string>;
  /** Everything `livsval setup` printed on stderr. */
  setupLog: string;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/**
 * Set up a fresh SQLite database with the demo data (`livsval setup`) in a temp folder and
 * start the built server on a free port, as `npm start` would (the build must exist).
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "livsval-browser-"));
  const databaseUrl = path.join(dir, "livsval.sqlite");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LIVSVAL_INSECURE_COOKIES: "1",
    ...extraEnv,
  };
  const setup = await run("node", ["bin/livsval.js", "setup"], env);
  if (setup.code !== 0) throw new Error(`livsval setup failed:\n${setup.stderr}`);
  const passwords: Record<string, string> = {};
  for (const m of setup.stderr.matchAll(/demo user (\S+) \(([\w_]+)\) password: (\S+)/g)) {
    passwords[m[1]!] = m[3]!;
  }
  const child: ChildProcess = spawn("node", ["server.js"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    passwords,
    setupLog: setup.stderr,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 200));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

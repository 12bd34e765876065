import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The CLI as a person runs it: `node bin/livsval.js …` in a child process, its streams and exit code.

const root = path.resolve(import.meta.dirname, "../..");

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI; with `closeEarly`, stop reading its output after the first chunk, as `| head` does. */
function livsval(args: string[], closeEarly = false): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/livsval.js", ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (closeEarly) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// README.md's CLI table, in its order (hand-copied, so a command added to one and not the other fails).
const README_COMMANDS = [
  "setup",
  "import",
  "export",
  "analyse",
  "rasch",
  "survey",
  "inequality",
  "propagate",
  "audit",
  "users",
];

describe("livsval --help", () => {
  it("lists every command README lists, in README's order, with its arguments, on stdout", async () => {
    const ran = await livsval(["--help"]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    const listed = [...ran.stdout.matchAll(/^ {2}(\w+) {2,}\S/gm)].map((m) => m[1]);
    expect(listed).toEqual(README_COMMANDS);
    expect(ran.stdout).toContain(
      "livsval import <file> --kind observations|survey|kolada|kolada-groups|oecd-bli|scb-population",
    );
    expect(ran.stdout).toContain("livsval audit verify [--database URL]");
  }, 30_000);

  it("prints the same list on stderr with exit status 2 when no command is given", async () => {
    const ran = await livsval([]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(/^ {2}setup {2,}migrate/m);
  }, 30_000);

  it("matches README's CLI table: the same commands in the same order", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const cli = readme.slice(readme.indexOf("## CLI"), readme.indexOf("\n## ", readme.indexOf("## CLI") + 1));
    const rows = [...cli.matchAll(/^\| `(\w+)/gm)].map((m) => m[1]);
    expect(rows).toEqual(README_COMMANDS);
  });
});

describe("livsval <command> --help", () => {
  it.each(README_COMMANDS)(
    "prints the usage of %s on stdout and exits 0",
    async (name) => {
      const ran = await livsval([name, "--help"]);
      expect(ran.code).toBe(0);
      expect(ran.stderr).toBe("");
      expect(ran.stdout).toMatch(new RegExp(`^usage: livsval ${name} \\S`));
    },
    30_000,
  );

  it("takes -h as well, and a --help after -- as an argument", async () => {
    const short = await livsval(["export", "-h"]);
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(/^usage: livsval export --kind observations/);
    const literal = await livsval(["propagate", "--", "--help"]);
    expect(literal.code).toBe(2);
    expect(literal.stderr).toBe("livsval propagate: --help: no such file\n");
  }, 30_000);
});

describe("livsval output into a pipe that closes early", () => {
  it("stops quietly with status 0 when the reader goes away (`| head`)", async () => {
    // The LSAT calibration prints some 370 kB (a person measure for each of 1000 persons), far more
    // than a pipe holds, so the CLI is still writing when the reader closes.
    const ran = await livsval(["rasch", "test/fixtures/rasch/lsat_dichotomous.csv"], true);
    expect(ran.stdout.length).toBeLessThan(370_000);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
  }, 60_000);
});

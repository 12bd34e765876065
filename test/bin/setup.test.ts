import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run as setup } from "../../bin/commands/setup";
import { createDb } from "../../db/connection";

const dir = mkdtempSync(join(tmpdir(), "livsval-cli-setup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run `livsval setup` with these arguments and return what it said on stderr. */
async function setupSays(argv: string[]): Promise<string> {
  const said: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    said.push(String(s));
    return true;
  });
  try {
    expect(await setup(argv)).toBeUndefined();
  } finally {
    spy.mockRestore();
  }
  return said.join("");
}

describe("livsval setup --no-seed", () => {
  it("migrates and creates the demo users, but stores no demo data, and says exactly that", async () => {
    const database = join(dir, "no-seed.sqlite");
    const said = await setupSays(["--no-seed", "--database", database]);
    expect(said).toContain("livsval setup: schema up to date; demo data not seeded (--no-seed)\n");
    // README: one demo user per role (viewer, analyst, budget planner, committee member, admin)
    const users = [...said.matchAll(/demo user (\S+) \((\w+)\) password: \S+/g)].map((m) => [m[1], m[2]]);
    expect(users).toEqual([
      ["demo-viewer", "viewer"],
      ["demo-analyst", "analyst"],
      ["demo-budget-planner", "budget_planner"],
      ["demo-committee", "committee"],
      ["demo-admin", "admin"],
    ]);
    const db = createDb(database);
    try {
      const count = async (table: "users" | "dimensions" | "datasets" | "areas") =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count("users")).toBe(5);
      expect(await count("dimensions")).toBe(0);
      expect(await count("datasets")).toBe(0);
      expect(await count("areas")).toBe(0);
    } finally {
      await db.destroy();
    }
    // A second run creates no users and prints no passwords.
    expect(await setupSays(["--no-seed", "--database", database])).not.toContain("password");
  });
});

describe("livsval setup with LIVSVAL_PSEUDONYM_KEY", () => {
  it("pseudonymises the demo survey's respondents under that key", async () => {
    const database = join(dir, "keyed.sqlite");
    vi.stubEnv("LIVSVAL_PSEUDONYM_KEY", "readme-key");
    try {
      await setupSays(["--database", database]);
    } finally {
      vi.unstubAllEnvs();
    }
    // data/survey/qol_survey_wineq.csv's first respondent is W0001, instrument wineq-qol (data/README.md);
    // the stored id is "r_" + the first 128 bits of HMAC-SHA-256(key, instrument ␀ raw id) in hex.
    const expected =
      "r_" + createHmac("sha256", "readme-key").update("wineq-qol\u0000W0001").digest("hex").slice(0, 32);
    const db = createDb(database);
    try {
      const found = await db
        .selectFrom("survey_respondents")
        .select("id")
        .where("instrument_id", "=", "wineq-qol")
        .where("id", "=", expected)
        .execute();
      expect(found).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});

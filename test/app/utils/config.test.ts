import { afterEach, describe, expect, it, vi } from "vitest";

// The environment is checked by zod when the app loads; server.js takes its port, host and body
// limit from the same check, so a bad value stops the start instead of turning a limit off.

async function freshConfig(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { getConfig } = await import("~/utils/config.server");
  return getConfig;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getConfig", () => {
  it("gives the documented defaults", async () => {
    for (const k of ["PORT", "HOST", "LIVSVAL_MAX_BODY_BYTES", "LIVSVAL_PAGE_CACHE_MB"])
      vi.stubEnv(k, undefined);
    const config = (await freshConfig({}))();
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: "0.0.0.0",
      LIVSVAL_MAX_BODY_BYTES: 5_242_880,
      LIVSVAL_PAGE_CACHE_MB: 64,
      LIVSVAL_TRUST_PROXY: 0,
    });
  });

  it("reads numbers given as text", async () => {
    const config = (await freshConfig({ PORT: "8080", LIVSVAL_MAX_BODY_BYTES: "100000" }))();
    expect([config.PORT, config.LIVSVAL_MAX_BODY_BYTES]).toEqual([8080, 100_000]);
  });

  it.each([
    ["LIVSVAL_MAX_BODY_BYTES", "abc"],
    ["LIVSVAL_MAX_BODY_BYTES", "0"],
    ["LIVSVAL_MAX_BODY_BYTES", "1.5"],
    ["PORT", "65536"],
    ["PORT", "http"],
    ["LIVSVAL_PAGE_CACHE_MB", "-1"],
    ["LIVSVAL_TRUST_PROXY", "yes"],
  ])("refuses %s=%s, naming the variable", async (name, value) => {
    const getConfig = await freshConfig({ [name]: value });
    expect(getConfig).toThrow(new RegExp(`bad configuration in the environment:\\n  ${name}: `));
  });
});

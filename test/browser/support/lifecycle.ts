import { afterAll, beforeAll } from "vitest";
import { launchBrowser, type Browser } from "./browser";
import { startServer, type RunningServer } from "./server";

/**
 * The built server on a fresh demo database and a headless Chromium for one test file: started
 * before its tests, stopped after them. Read the fields inside tests (they are set in beforeAll).
 */
export function serverAndBrowserPerFile(): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

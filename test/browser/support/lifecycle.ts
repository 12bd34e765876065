import { afterAll, beforeAll } from "vitest";
import { launchBrowser, type Browser } from "./browser";
import { startServer, type RunningServer } from "./server";

/**
 * The built server on a fresh demo database (after `prepare`, if given) and a headless Chromium
 * (JavaScript on unless told otherwise) for one test file: started before its tests, stopped after them. Read the fields inside tests (they are set in beforeAll).
 */
export function serverAndBrowserPerFile(
  options: { javaScriptEnabled?: boolean; prepare?: (server: RunningServer) => Promise<void> } = {},
): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    await options.prepare?.(env.server);
    env.browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

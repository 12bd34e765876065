import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    /** Keeps the page being rendered out of the page cache (set by server.js). */
    vetoPageCache?: () => void;
  }
}

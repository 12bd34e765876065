import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    /** The client's address: the socket's, or X-Forwarded-For's when LIVSVAL_TRUST_PROXY says so (server.js). */
    clientAddress?: string;
    /** Keeps the page being rendered out of the page cache (set by server.js). */
    vetoPageCache?: () => void;
  }
}

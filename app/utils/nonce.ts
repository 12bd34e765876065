import { createContext, useContext } from "react";

/** The per-request Content-Security-Policy nonce (set by server.js, empty in the browser). */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { EngineInputError } from "../errors";

/**
 * Canonical JSON of a value: object keys sorted by UTF-16 code units at every level, no
 * whitespace, numbers as `JSON.stringify` writes them (the ECMAScript shortest round-trip form,
 * as RFC 8785 "JSON Canonicalization Scheme" §3.2.2.3 prescribes); `undefined` members left out.
 * @param value - a JSON-compatible value
 * @returns the canonical text
 * @throws EngineInputError on a non-finite number or a value JSON cannot hold
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new EngineInputError("canonicalJson", "numbers must be finite");
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new EngineInputError("canonicalJson", `cannot encode a value of type ${typeof value}`);
}

/**
 * The sha256 (FIPS 180-4) of a value's canonical JSON ({@link canonicalJson}), as lower-case hex:
 * the `inputHash` of a result, equal for inputs that differ only in key order or whitespace.
 * @param value - a JSON-compatible value
 * @returns 64 hex digits
 * @throws EngineInputError as {@link canonicalJson}
 */
export function inputHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}

import { z } from "zod";

/** Any JSON value. */
export type Json = z.core.util.JSONType;

/**
 * Zod schema of any JSON value, built once (building `z.json()` is costly). Use it to check values on
 * the way in; on the way out text from a JSON column needs no check beyond `JSON.parse` (whatever it
 * returns is JSON), so {@link parseJsonColumn} skips zod for speed.
 */
export const JsonSchema: z.ZodType<Json> = z.json();

/** Parse a JSON text column; with `schema`, also validate (and type) the value. */
export function parseJsonColumn(text: string): Json;
export function parseJsonColumn<T>(text: string, schema: z.ZodType<T>): T;
export function parseJsonColumn<T>(text: string, schema?: z.ZodType<T>): T | Json {
  const value = JSON.parse(text) as Json;
  return schema ? schema.parse(value) : value;
}

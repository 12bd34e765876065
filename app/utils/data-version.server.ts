import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * A fingerprint of the stored data: every import adds a dataset row, so the count of datasets and
 * the greatest dataset id change whenever figures do. Pages whose numbers are derived only from
 * imported data cache their computations under it.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const r = await db
    .selectFrom("datasets")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("id").as("max_id")])
    .executeTakeFirst();
  return `${r?.n ?? 0}:${r?.max_id ?? ""}`;
}

/**
 * A small in-process cache of derived page data, keyed by name and data version: computed once per
 * version, dropped when the version changes. One server process is the shipped deployment.
 */
export class DerivedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly maxEntries = 16) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    // A failed computation is not cached: the next request tries again.
    value.catch(() => this.entries.delete(key));
    this.entries.set(key, { version, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

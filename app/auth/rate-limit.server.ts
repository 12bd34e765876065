/**
 * Sign-in throttling: at most `limit` failed attempts per key in a sliding window. In memory: one server process is the deployment this app ships with.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until the key may try again, or 0 when it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
  }

  fail(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}

/** One client address may fail this many times the per-username limit: a shared office address is not locked by a few typos. */
export const ADDRESS_LIMIT_FACTOR = 10;

declare global {
  var __livsvalSignInLimiters: { user: FailureLimiter; address: FailureLimiter } | undefined;
}

/**
 * The sign-in limiters of this process: per username `limit` failures, per client address
 * `limit` × {@link ADDRESS_LIMIT_FACTOR}, each in a 15-minute window.
 */
export function signInLimiters(limit: number): { user: FailureLimiter; address: FailureLimiter } {
  globalThis.__livsvalSignInLimiters ??= {
    user: new FailureLimiter(limit, 15 * 60_000),
    address: new FailureLimiter(limit * ADDRESS_LIMIT_FACTOR, 15 * 60_000),
  };
  return globalThis.__livsvalSignInLimiters;
}

/**
 * Sign-in throttling: at most `limit` failed attempts per key (username and client address, each
 * counted) in a sliding window. In memory: one server process is the deployment this app ships with.
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

declare global {
  var __livsvalSignInLimiter: FailureLimiter | undefined;
}

export function signInLimiter(limit: number): FailureLimiter {
  globalThis.__livsvalSignInLimiter ??= new FailureLimiter(limit, 15 * 60_000);
  return globalThis.__livsvalSignInLimiter;
}

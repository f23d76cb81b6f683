// How hard the client tries: at most a few requests at once, and patient retries for the
// requests that are safe to repeat. Mailchimp allows 10 connections per key; we keep 4 so a
// publish and the scheduler daemon can run side by side. The clock, the sleep and the random
// source are passed in, so tests run the backoff without waiting.

export interface RetryPolicy {
  /** First backoff step, doubled each attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** No retry is started once this much time has passed since the first attempt. */
  totalBudgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 500, maxDelayMs: 8_000, totalBudgetMs: 60_000 };

export interface Timing {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1). */
  random(): number;
}

export const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** "Full jitter" backoff: a random wait up to base·2^attempt, capped, so retrying clients spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random * ceiling);
}

/**
 * Run `attempt` until it succeeds, `retryable` says no, or the time budget would be exceeded by
 * the next wait. The last error is thrown as it was.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  retryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  timing: Timing,
  onRetry?: (error: unknown, attemptNumber: number, delayMs: number) => void,
): Promise<T> {
  const started = timing.now();
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error)) throw error;
      const delay = backoffDelay(policy, n, timing.random());
      if (timing.now() + delay - started > policy.totalBudgetMs) throw error;
      onRetry?.(error, n + 1, delay);
      await timing.sleep(delay);
    }
  }
}

/** A counting semaphore: at most `limit` holders at once, served first come, first served. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot jump the queue.
      if (next) next();
      else this.active--;
    }
  }
}

// A token bucket per API token on the injected clock (CONTRACT section 5: "a token bucket per token
// (space), capacity and refill configurable; PATCH and POST `/contacts` cost 5, other routes 1").
//
// Arithmetic is exact: the bucket holds credit in microseconds of refill time. One token is worth
// `microsPerToken` credit, and every microsecond that passes adds one unit of credit, so refill,
// Retry-After and RateLimit-Reset are integer operations on bigints.

import type { Clock } from './clock';
import type { EpochMicroseconds } from './timestamps';

/** RAT-01: "Each PATCH costs 5 rate-limit tokens"; POST /contacts costs the same (qomon-api-notes 3.1). */
export const CONTACT_WRITE_COST = 5;
/** Section 5: "other routes 1". */
export const OTHER_ROUTE_COST = 1;

export interface BucketPolicy {
  readonly capacity: number;
  readonly refillTokensPerSecond: number;
}

/** What the RateLimit-* headers report. */
export interface BucketState {
  /** RateLimit-Limit: the capacity. */
  readonly limit: number;
  /** RateLimit-Remaining: whole tokens left. */
  readonly remaining: number;
  /** RateLimit-Reset: whole seconds until the bucket is full again. */
  readonly resetSeconds: number;
}

export type BucketCharge =
  | { readonly granted: true; readonly state: BucketState }
  | { readonly granted: false; readonly state: BucketState; readonly retryAfterSeconds: number };

const MICROS_PER_SECOND = 1_000_000n;

function ceilDivide(dividend: bigint, divisor: bigint): bigint {
  return dividend <= 0n ? 0n : (dividend + divisor - 1n) / divisor;
}

export class TokenBucket {
  readonly #capacity: number;
  readonly #microsPerToken: bigint;
  readonly #fullCredit: bigint;
  readonly #clock: Clock;
  #credit: bigint;
  #refilledAt: EpochMicroseconds;

  constructor(policy: BucketPolicy, clock: Clock) {
    if (!Number.isSafeInteger(policy.capacity) || policy.capacity < 1) {
      throw new RangeError(`bucket capacity must be a positive integer, got ${policy.capacity}`);
    }
    if (!(policy.refillTokensPerSecond > 0) || !Number.isFinite(policy.refillTokensPerSecond)) {
      throw new RangeError(
        `bucket refill must be a positive number of tokens per second, got ${policy.refillTokensPerSecond}`,
      );
    }
    this.#capacity = policy.capacity;
    this.#microsPerToken = BigInt(Math.max(1, Math.round(1_000_000 / policy.refillTokensPerSecond)));
    this.#fullCredit = BigInt(policy.capacity) * this.#microsPerToken;
    this.#clock = clock;
    this.#credit = this.#fullCredit;
    this.#refilledAt = clock();
  }

  /** Takes `cost` tokens if the bucket holds them; a refused request takes nothing (RAT-02). */
  take(cost: number): BucketCharge {
    this.#refill();
    const price = BigInt(cost) * this.#microsPerToken;
    if (this.#credit < price) {
      const retryAfterSeconds = Number(ceilDivide(price - this.#credit, MICROS_PER_SECOND));
      return { granted: false, state: this.state(), retryAfterSeconds: Math.max(1, retryAfterSeconds) };
    }
    this.#credit -= price;
    return { granted: true, state: this.state() };
  }

  /** Seconds until `cost` tokens are available; 0 when they are now. Takes nothing. */
  secondsUntilAffordable(cost: number): number {
    this.#refill();
    const missing = BigInt(cost) * this.#microsPerToken - this.#credit;
    return missing <= 0n ? 0 : Math.max(1, Number(ceilDivide(missing, MICROS_PER_SECOND)));
  }

  state(): BucketState {
    this.#refill();
    return {
      limit: this.#capacity,
      remaining: Number(this.#credit / this.#microsPerToken),
      resetSeconds: Number(ceilDivide(this.#fullCredit - this.#credit, MICROS_PER_SECOND)),
    };
  }

  #refill(): void {
    const now = this.#clock();
    // A clock injected by a test may stand still or step back; time that did not pass adds nothing.
    const elapsed = now > this.#refilledAt ? now - this.#refilledAt : 0n;
    this.#credit = this.#credit + elapsed > this.#fullCredit ? this.#fullCredit : this.#credit + elapsed;
    if (now > this.#refilledAt) this.#refilledAt = now;
  }
}

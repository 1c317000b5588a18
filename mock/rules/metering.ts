// When a request is charged and what an empty bucket answers (RAT-01, RAT-02). The routes decide
// the cost; this module runs the request only when its bucket affords it.

import { problem } from './problems';
import type { BucketState, TokenBucket } from './rate-limit';
import { problemResponse, type MockResponse } from './responses';

export interface Metered {
  readonly response: MockResponse;
  /** The bucket after the charge, for the RateLimit-* headers. */
  readonly state: BucketState;
}

/**
 * Runs `handle` if the bucket affords `cost`. RAT-02: a refused request is a 429 with Retry-After,
 * is not charged and changes nothing, since `handle` never runs. Section 5 charges every request
 * that gets this far, failed or not; with `chargesFailedRequests` false only successes are charged.
 */
export async function meter(
  bucket: TokenBucket,
  cost: number,
  chargesFailedRequests: boolean,
  handle: () => Promise<MockResponse | 'aborted'>,
): Promise<Metered | 'aborted'> {
  if (chargesFailedRequests) {
    const charge = bucket.take(cost); // RAT-01: charged before handling, a PATCH costs CONTACT_WRITE_COST
    if (!charge.granted) return { response: tooManyRequests(cost, charge.retryAfterSeconds), state: charge.state };
    const response = await handle();
    return response === 'aborted' ? 'aborted' : { response, state: charge.state };
  }
  const wait = bucket.secondsUntilAffordable(cost);
  if (wait > 0) return { response: tooManyRequests(cost, wait), state: bucket.state() };
  const response = await handle();
  if (response === 'aborted') return 'aborted';
  return { response, state: response.status < 300 ? bucket.take(cost).state : bucket.state() };
}

function tooManyRequests(cost: number, retryAfterSeconds: number): MockResponse {
  return problemResponse(
    problem(429, `the rate-limit bucket of this token holds fewer than the ${cost} token(s) this request costs`),
    { 'Retry-After': String(retryAfterSeconds) }, // RAT-02: a 429 says when to retry
  );
}

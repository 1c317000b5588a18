// Wrong rate limiting for the fault zoo (RAT-01, RAT-02): each wraps the reference `meter` of
// metering.ts and gets one thing wrong.

import { meter } from '../rules/metering';
import { CONTACT_WRITE_COST, OTHER_ROUTE_COST } from '../rules/rate-limit';
import type { RuleSet } from '../rules/seams';

type Meter = RuleSet['meter'];

/** RAT-01: a PATCH (and a POST) costs 1 token, like every other route. */
export const chargingWritesOneToken: Meter = (bucket, cost, chargesFailedRequests, handle) =>
  meter(bucket, cost === CONTACT_WRITE_COST ? OTHER_ROUTE_COST : cost, chargesFailedRequests, handle);

/** RAT-01: every request is charged twice, once by the gateway and once by the handler (a PATCH costs 10). */
export const chargingTwice: Meter = (bucket, cost, chargesFailedRequests, handle) =>
  meter(bucket, 2 * cost, chargesFailedRequests, handle);

/** RAT-02: the limiter runs after the handler: a request refused with 429 has already been applied. */
export const limitingAfterHandling: Meter = async (bucket, cost, chargesFailedRequests, handle) => {
  const response = await handle();
  return response === 'aborted' ? 'aborted' : meter(bucket, cost, chargesFailedRequests, async () => response);
};

/** RAT-02: the 429 carries no `Retry-After`. */
export const refusingWithoutRetryAfter: Meter = async (bucket, cost, chargesFailedRequests, handle) => {
  const metered = await meter(bucket, cost, chargesFailedRequests, handle);
  if (metered === 'aborted' || metered.response.status !== 429) return metered;
  const { 'Retry-After': _retryAfter, ...headers } = metered.response.headers ?? {};
  return { ...metered, response: { ...metered.response, headers } };
};

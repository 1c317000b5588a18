// Responses as values: what the rules and the routes build; http/write-response.ts puts them on the wire.

import { PROBLEM_CONTENT_TYPE, type Problem } from './problems';
import type { BucketState } from './rate-limit';
import type { Behaviour } from './variant';

export interface MockResponse {
  readonly status: number;
  /** Absent for 204 (DELETE). */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const JSON_CONTENT_TYPE = 'application/json';

/** Section 1: `{"status":"success","data":{…}}`, where `status` "may be absent". */
export function successResponse(status: number, data: Record<string, unknown>, behaviour: Behaviour): MockResponse {
  const body = behaviour.envelopeHasStatus ? { status: 'success', data } : { data };
  return { status, body, contentType: JSON_CONTENT_TYPE };
}

export function noContentResponse(): MockResponse {
  return { status: 204 };
}

export function problemResponse(details: Problem, headers?: Readonly<Record<string, string>>): MockResponse {
  return { status: details.status, body: details, contentType: PROBLEM_CONTENT_TYPE, ...(headers ? { headers } : {}) };
}

/** Section 5: "Every answer carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`". */
export function rateLimitHeaders(state: BucketState): Record<string, string> {
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
  };
}

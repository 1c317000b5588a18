// Answers as values, and the only code that writes them to the wire.

import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problem, type Problem } from './problems';
import type { BucketState } from './rate-limit';
import type { Behaviour } from './variant';

export interface Answer {
  readonly status: number;
  /** Absent for 204 (DELETE). */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const JSON_CONTENT_TYPE = 'application/json';

/** Section 1: `{"status":"success","data":{…}}`, where `status` "may be absent". */
export function successAnswer(status: number, data: Record<string, unknown>, behaviour: Behaviour): Answer {
  const body = behaviour.envelopeHasStatus ? { status: 'success', data } : { data };
  return { status, body, contentType: JSON_CONTENT_TYPE };
}

export function noContentAnswer(): Answer {
  return { status: 204 };
}

export function problemAnswer(details: Problem, headers?: Readonly<Record<string, string>>): Answer {
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

export function writeAnswer(
  response: ServerResponse,
  answer: Answer,
  extraHeaders: Readonly<Record<string, string>> = {},
  writeJson: (body: unknown) => string = JSON.stringify,
): void {
  if (response.headersSent || response.destroyed) return;
  const payload = answer.body === undefined ? undefined : Buffer.from(writeJson(answer.body), 'utf8');
  response.statusCode = answer.status;
  for (const [name, value] of Object.entries({ ...answer.headers, ...extraHeaders })) response.setHeader(name, value);
  if (payload !== undefined) {
    response.setHeader('Content-Type', answer.contentType ?? JSON_CONTENT_TYPE);
    response.setHeader('Content-Length', payload.length);
  }
  response.end(payload);
}

/**
 * A problem written straight to a socket, for the cases node answers before any request object
 * exists: a request line or header node cannot parse, headers too large, a CONNECT.
 */
export function rawProblemResponse(status: number, detail: string, options: { forHead?: boolean } = {}): string {
  const body = JSON.stringify(problem(status, detail));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    // RFC 9110 9.3.2: an answer to HEAD has no content, even when the rest of the request was unreadable.
    options.forHead === true ? '' : body,
  ].join('\r\n');
}

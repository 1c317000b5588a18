// The only code that writes responses to the wire: a response value on a node ServerResponse, or a
// problem straight on a socket when node answers before any request object exists.

import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problem } from '../rules/problems';
import { JSON_CONTENT_TYPE, type MockResponse } from '../rules/responses';

export function writeResponse(
  response: ServerResponse,
  outgoing: MockResponse,
  extraHeaders: Readonly<Record<string, string>> = {},
  writeJson: (body: unknown) => string = JSON.stringify,
): void {
  if (response.headersSent || response.destroyed) return;
  const payload = outgoing.body === undefined ? undefined : Buffer.from(writeJson(outgoing.body), 'utf8');
  response.statusCode = outgoing.status;
  for (const [name, value] of Object.entries({ ...outgoing.headers, ...extraHeaders })) response.setHeader(name, value);
  if (payload !== undefined) {
    response.setHeader('Content-Type', outgoing.contentType ?? JSON_CONTENT_TYPE);
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

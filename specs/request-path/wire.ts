/**
 * The last step of every request: the bytes on the wire, through node:http or node:https. The suite
 * sends through Node itself rather than Playwright's request context, so that nothing logs a request
 * (Playwright's call log carries the request headers, the token among them) and every way a target
 * can fail is classified here into one short TransportError that says what to check.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export type FailureKind = 'refused' | 'unresolved' | 'reset' | 'timeout' | 'tls' | 'redirect' | 'unreachable';

/** The target could not be talked to: an error of the run, never a rule failure. Its message is one line. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** Every TransportError message starts this way: the reporters recognise an error of the run by it. */
export const TRANSPORT_ERROR_PREFIX = /target (unreachable|redirected):/;

export interface WireSettings {
  /** The most a request may take, answer body included: a stalled target must not hold a test. */
  timeoutMs: number;
  /** Name resolution; injected by the tests so that "does not resolve" needs no DNS traffic. */
  lookup?: LookupFunction;
}

export interface WireRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(GET|VERIFY)_|HOSTNAME_MISMATCH)/;

function where(url: URL): string {
  return url.host;
}

/** The one line a failure gets: what happened, then what to check. */
export function transportError(
  kind: FailureKind,
  request: { method: string; url: URL },
  detail: { code?: string; timeoutMs?: number; midBody?: boolean; status?: number; location?: string } = {},
): TransportError {
  const what = `${request.method} ${request.url.pathname}`;
  const host = where(request.url);
  const messages: Record<FailureKind, () => string> = {
    refused: () =>
      `target unreachable: ${host} refused the connection (${what}): check that QOMON_BASE_URL points at a running API`,
    unresolved: () =>
      `target unreachable: the name ${request.url.hostname} does not resolve (${what}): check the host in QOMON_BASE_URL`,
    reset: () =>
      `target unreachable: ${host} reset the connection ${detail.midBody ? 'in the middle of the answer body' : 'before answering'} (${what}): check the target's health and any proxy in between`,
    timeout: () =>
      `target unreachable: ${host} did not answer ${what} within ${detail.timeoutMs} ms: check that the target is up, or raise QOMON_REQUEST_TIMEOUT_MS`,
    tls: () =>
      `target unreachable: the TLS handshake with ${host} failed (${detail.code ?? 'TLS error'}) on ${what}: check the certificate of the host in QOMON_BASE_URL`,
    redirect: () =>
      `target redirected: ${what} answered ${detail.status} to ${detail.location ?? 'an unnamed place'}: the suite follows no redirect; set QOMON_BASE_URL to the API root it leads to`,
    unreachable: () =>
      `target unreachable: ${host} could not be reached (${detail.code ?? 'network error'}) on ${what}: check QOMON_BASE_URL and the network`,
  };
  return new TransportError(kind, messages[kind]());
}

function classify(error: NodeJS.ErrnoException, request: WireRequest, midBody: boolean): TransportError {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return transportError('refused', request);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
    return transportError('unresolved', request);
  if (TLS_CODES.test(code)) return transportError('tls', request, { code });
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE')
    return transportError('reset', request, { midBody });
  return transportError('unreachable', request, code ? { code } : {});
}

/** Sends one request and reads its whole answer; throws only TransportError. Follows no redirect. */
export function sendOverWire(request: WireRequest, settings: WireSettings): Promise<WireAnswer> {
  const client = request.url.protocol === 'https:' ? https : http;
  return new Promise<WireAnswer>((resolve, reject) => {
    let settled = false;
    let midBody = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const outgoing = client.request(request.url, {
      method: request.method,
      headers: request.headers,
      agent: false, // one connection per request: a reset or a stall cannot poison the next one
      ...(settings.lookup ? { lookup: settings.lookup } : {}),
    });
    const timer = setTimeout(() => {
      finish(() => reject(transportError('timeout', request, { timeoutMs: settings.timeoutMs })));
      outgoing.destroy();
    }, settings.timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => finish(() => reject(classify(error, request, midBody))));
    outgoing.on('response', (response) => {
      midBody = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('aborted', () => finish(() => reject(transportError('reset', request, { midBody: true }))));
      response.on('error', (error: NodeJS.ErrnoException) => finish(() => reject(classify(error, request, true))));
      response.on('end', () => {
        if (!response.complete) {
          finish(() => reject(transportError('reset', request, { midBody: true })));
          return;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        finish(() =>
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      });
    });
    outgoing.end(request.body);
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A redirect is refused, not followed: it could lead past the target guard. */
export function refuseRedirect(request: { method: string; url: URL }, answer: WireAnswer): void {
  if (!REDIRECTS.has(answer.status)) return;
  const location = answer.headers.location;
  let shown: string | undefined;
  try {
    // Origin and path only: a query could carry anything.
    shown =
      location === undefined
        ? undefined
        : new URL(location, request.url).origin + new URL(location, request.url).pathname;
  } catch {
    shown = 'an unreadable Location';
  }
  throw transportError('redirect', request, { status: answer.status, ...(shown ? { location: shown } : {}) });
}

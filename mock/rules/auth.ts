// Who is calling (CONTRACT section 1: "`Authorization: Bearer <token>`; the token decides the
// space"). AUT-01: no header is a 401; AUT-02: a header that is not `Bearer <token>`, or a token the
// mock does not know, is a 401.

import type { GroupId } from './catalogue';
import type { Behaviour } from './variant';

export interface Principal {
  /** The token itself: it names the rate-limit bucket. Never written to a log or an answer. */
  readonly token: string;
  readonly groupId: GroupId;
}

export type Authentication =
  { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: string };

const BEARER_SCHEME = 'Bearer';
// RFC 6750 `b64token`: the only characters a bearer token may contain.
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Whether a string can travel as `Bearer <token>`: the options refuse any other token. */
export function isBearerToken(candidate: string): boolean {
  return BEARER_TOKEN.test(candidate);
}

/**
 * `headerValues` are every `Authorization` header the request carries (node's `headersDistinct`):
 * two of them make the request ambiguous, and it is refused rather than guessed.
 */
export function authenticate(
  headerValues: readonly string[] | undefined,
  principals: ReadonlyMap<string, Principal>,
  behaviour: Behaviour,
): Authentication {
  if (headerValues === undefined || headerValues.length === 0) {
    return { ok: false, reason: 'the request has no Authorization header' }; // AUT-01
  }
  if (headerValues.length > 1) {
    return { ok: false, reason: 'the request has more than one Authorization header' };
  }
  const header = headerValues[0] ?? '';
  const separator = header.indexOf(' ');
  const scheme = separator < 0 ? header : header.slice(0, separator);
  const token = separator < 0 ? '' : header.slice(separator + 1);
  const schemeMatches = behaviour.bearerSchemeIgnoresCase
    ? scheme.toLowerCase() === BEARER_SCHEME.toLowerCase()
    : scheme === BEARER_SCHEME;
  if (!schemeMatches || !isBearerToken(token)) {
    return { ok: false, reason: 'the Authorization header is not "Bearer <token>"' }; // AUT-02
  }
  const principal = principals.get(token);
  if (principal === undefined) return { ok: false, reason: 'the bearer token is not known' }; // AUT-02
  return { ok: true, principal };
}

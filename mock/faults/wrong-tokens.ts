// Wrong token checks for the fault zoo (issue 14, dimension "tokens": truncated, extended, another
// case). Each wraps the reference `authenticate` and accepts one kind of wrong token as a known one.

import { authenticate, type Principal } from '../rules/auth';
import type { RuleSet } from '../rules/seams';

type Authenticate = RuleSet['authenticate'];

/** The reference, or else the principal whose token `matches` the token of a `Bearer` header. */
function acceptingTokensThat(matches: (sent: string, known: string) => boolean): Authenticate {
  return (headerValues, principals, behaviour) => {
    const reference = authenticate(headerValues, principals, behaviour);
    const header = headerValues?.length === 1 ? (headerValues[0] ?? '') : '';
    if (reference.ok || !header.startsWith('Bearer ')) return reference;
    const sent = header.slice('Bearer '.length);
    const principal = [...principals.values()].find((candidate: Principal) => matches(sent, candidate.token));
    return principal === undefined ? reference : { ok: true, principal };
  };
}

/** AUT-02: a token is looked up by prefix (`LIKE 'sent%'`), so a truncated token of eight characters or more is accepted. */
export const acceptingTruncatedTokens = acceptingTokensThat(
  (sent, known) => sent.length >= 8 && known.startsWith(sent),
);

/** AUT-02: only as many characters as the known token has are compared (`strncmp`), so anything may follow it. */
export const acceptingExtendedTokens = acceptingTokensThat((sent, known) => sent.startsWith(known));

/** AUT-02: tokens are compared without regard to case (a case-insensitive collation on the tokens column). */
export const comparingTokensWithoutCase = acceptingTokensThat(
  (sent, known) => sent.toLowerCase() === known.toLowerCase(),
);

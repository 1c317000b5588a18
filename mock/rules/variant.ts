// Every choice the mock makes where CONTRACT.md leaves room, gathered in one object. The rules read
// this object instead of testing a variant name, so a variant is only a different set of values.
// (A named fault, which leaves that room, swaps a rule function instead: see seams.ts, RuleSet.)

import { ANSWER_FRACTION_DIGITS, INPUT_FRACTION_DIGITS, type FractionDigits } from './timestamps';

export const VARIANTS = ['reference', 'tolerant'] as const;
export type Variant = (typeof VARIANTS)[number];

export function isVariant(name: string): name is Variant {
  return (VARIANTS as readonly string[]).includes(name);
}

export interface Behaviour {
  readonly variant: Variant;
  /** VAL-02 allows 400 or 422 for a field of the wrong type; section 5 picks 422. */
  readonly validationStatus: 400 | 422;
  /** Section 1: POST /contacts answers 200, "accept 201". */
  readonly createStatus: 200 | 201;
  /** Section 1: the response envelope's `status` "may be absent". */
  readonly envelopeHasStatus: boolean;
  /** ENT-02: "where a response still lists it, its `deleted_at` is set"; section 5 leaves them out. */
  readonly listsSoftDeletedEntries: boolean;
  /** RAT-01 reads the remaining tokens from a header "when the target sends one". */
  readonly sendsRateLimitHeaders: boolean;
  /** Observation: "whether a failed request is charged tokens"; section 5 charges it. */
  readonly chargesFailedRequests: boolean;
  /** SCH-02: zero to six fractional digits; section 5 answers with six. */
  readonly answerFractionDigits: FractionDigits;
  /** Section 2: `lastchange`, an entry's `label` and `type_of_form` "may appear". */
  readonly addsExtraProperties: boolean;
  /** Section 1 writes the scheme `Bearer`; RFC 9110 makes schemes case-insensitive. */
  readonly bearerSchemeIgnoresCase: boolean;
  /** REP-02: a cleared field may be `null`; the tolerant variant also takes `null` as input. */
  readonly acceptsNullAsCleared: boolean;
  /**
   * Section 2 (change of 2026-12-02): an answer's address may add server-owned members with any
   * value; these are added to every address answered, a cleared one included. None: add nothing.
   */
  readonly addressServerMembers: Readonly<Record<string, unknown>> | undefined;
  /** Section 2: a digit-only address member may come back as a number with the same decimal text. */
  readonly digitOnlyMembersAsNumbers: boolean;
  /** REP-02: a cleared address may be an object whose writable members are cleared (here `""`), instead of `null`. */
  readonly clearedAddressAsObject: boolean;
}

const REFERENCE: Behaviour = {
  variant: 'reference',
  validationStatus: 422,
  createStatus: 200,
  envelopeHasStatus: true,
  listsSoftDeletedEntries: false,
  sendsRateLimitHeaders: true,
  chargesFailedRequests: true,
  answerFractionDigits: ANSWER_FRACTION_DIGITS,
  addsExtraProperties: false,
  bearerSchemeIgnoresCase: false,
  acceptsNullAsCleared: false,
  addressServerMembers: undefined,
  digitOnlyMembersAsNumbers: false,
  clearedAddressAsObject: false,
};

/** Differs from the reference only where the contract accepts either answer. */
const TOLERANT: Behaviour = {
  variant: 'tolerant',
  validationStatus: 400,
  createStatus: 201,
  envelopeHasStatus: false,
  listsSoftDeletedEntries: true,
  sendsRateLimitHeaders: false,
  chargesFailedRequests: false,
  answerFractionDigits: INPUT_FRACTION_DIGITS,
  addsExtraProperties: true,
  bearerSchemeIgnoresCase: true,
  acceptsNullAsCleared: true,
  // AddressResp of Qomon's OpenAPI: members the contract does not pin, of several JSON types.
  addressServerMembers: {
    id: 4242,
    score: 0.965753,
    latitude: '48.856600',
    longitude: '2.352200',
    location: { type: 'Point', coordinates: [2.3522, 48.8566] },
    invalid: null,
  },
  digitOnlyMembersAsNumbers: true,
  clearedAddressAsObject: true,
};

export function behaviourOf(variant: Variant): Behaviour {
  return variant === 'reference' ? REFERENCE : TOLERANT;
}

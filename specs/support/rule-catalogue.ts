/**
 * The rule catalogue: CONTRACT.md section 3 as typed data. The ids are stable and shared with the
 * contract; a test names its rule with `rule('ENT-04')`, so a wrong id fails the type check, and
 * specs/meta/catalogue.spec.ts fails when a rule has no test.
 */
export type Level = 'MUST' | 'SHOULD' | 'OBSERVE';

const UPDATE_DOC = 'https://developers.qomon.com/api-reference/contacts/update-contact-by-id';
const FORM_FIELDS_DOC = 'https://developers.qomon.com/pages/v1/reference/contacts/contact-form-fields';
const FIND_DOC = 'https://api.qomon.com/api-reference/contacts/find-a-contact-by-id';
const PROBLEM_DOC = 'https://developers.qomon.com/api-reference/contacts/upsert-a-contact';

export const RULES = {
  'SCH-01': {
    level: 'MUST',
    area: 'Schema',
    doc: UPDATE_DOC,
    text: "A 2xx answer to POST, GET or PATCH of a contact is the contact envelope and validates against the contact answer schema; a forms answer validates against the form list schema. (A DELETE answer's body, if any, is not constrained.)",
  },
  'SCH-02': {
    level: 'MUST',
    area: 'Schema',
    doc: UPDATE_DOC,
    text: 'Every timestamp in a response is UTC `Z` with 0–6 fractional digits.',
  },
  'SCH-03': {
    level: 'MUST',
    area: 'Schema',
    doc: PROBLEM_DOC,
    text: 'Every 4xx answer carries a problem-details body whose `status` equals the HTTP status.',
  },
  'REP-01': {
    level: 'MUST',
    area: 'Full replace',
    doc: UPDATE_DOC,
    text: 'Every field sent comes back with the value sent, in the PATCH answer and on a later GET.',
  },
  'REP-02': {
    level: 'MUST',
    area: 'Full replace',
    doc: UPDATE_DOC,
    text: 'Every writable field left out of the payload is cleared, in the answer and on GET. Cleared means absent, `null`, `""` or `[]`; for a boolean also `false`; for `address` also an object whose writable members (the 14 of section 2) are all cleared; its server-owned members are not constrained.',
  },
  'REP-03': {
    level: 'SHOULD',
    area: 'Full replace',
    doc: UPDATE_DOC,
    text: 'Server-owned fields keep their values: `id`, `CreatedAt`, `group_id`; `UpdatedAt` does not go back in time.',
  },
  'REP-04': {
    level: 'MUST',
    area: 'Full replace',
    doc: UPDATE_DOC,
    text: 'The PATCH answer describes the stored state: a GET right after returns the same contact.',
  },
  'ENT-01': {
    level: 'MUST',
    area: 'Entries',
    doc: UPDATE_DOC,
    text: 'After every PATCH, every active entry (formdatas and custom_fields) has an id that no entry of the contact had before that PATCH.',
  },
  'ENT-02': {
    level: 'MUST',
    area: 'Entries',
    doc: UPDATE_DOC,
    text: 'An entry left out of the payload is no longer active; where a response still lists it, its `deleted_at` is set.',
  },
  'ENT-03': {
    level: 'MUST',
    area: 'Entries',
    doc: UPDATE_DOC,
    text: 'Text, numeric and date forms: every entry sent is active afterwards; several entries of one form coexist.',
  },
  'ENT-04': {
    level: 'MUST',
    area: 'Entries',
    doc: UPDATE_DOC,
    text: 'Radio forms: when the payload carries entries of a radio form, exactly one of them is active afterwards, the last one sent.',
  },
  'ENT-05': {
    level: 'MUST',
    area: 'Entries',
    doc: UPDATE_DOC,
    text: 'Checkbox forms: every distinct option sent is active afterwards, once.',
  },
  'ENT-06': {
    level: 'MUST',
    area: 'Entries',
    doc: UPDATE_DOC,
    text: 'Sending a different value for a form replaces the old value (the old entry is no longer active).',
  },
  'ENT-07': {
    level: 'MUST',
    area: 'Entries',
    doc: FORM_FIELDS_DOC,
    text: '`formdatas` and `custom_fields` follow the same rules; leaving a whole list out soft-deletes all of its entries.',
  },
  'DAT-01': {
    level: 'MUST',
    area: 'Timestamps',
    doc: UPDATE_DOC,
    text: "Millisecond UTC input is accepted for an entry's `date`, a date form's `data` and `birthdate`.",
  },
  'DAT-02': {
    level: 'MUST',
    area: 'Timestamps',
    doc: UPDATE_DOC,
    text: 'The instant returned equals the instant sent, compared to the microsecond.',
  },
  'AUT-01': {
    level: 'MUST',
    area: 'Authentication',
    doc: UPDATE_DOC,
    text: 'No `Authorization` header: 401 with a problem body; nothing changes.',
  },
  'AUT-02': {
    level: 'MUST',
    area: 'Authentication',
    doc: UPDATE_DOC,
    text: 'A malformed (not `Bearer`) or unknown token: 401; nothing changes.',
  },
  'AUT-03': {
    level: 'MUST',
    area: 'Authentication',
    doc: UPDATE_DOC,
    text: 'A token of another space can neither read nor patch the contact: 404 (or 403); nothing changes.',
  },
  'PTH-01': {
    level: 'SHOULD',
    area: 'Path',
    doc: FIND_DOC,
    text: 'A `contactId` that is not an integer ≥ 0 (`abc`, `-1`, `1.5`, beyond int64) is rejected with 400 or 422, never 5xx.',
  },
  'PTH-02': {
    level: 'MUST',
    area: 'Path',
    doc: UPDATE_DOC,
    text: 'A well-formed id that names no contact of the space: 404 with a problem body.',
  },
  'VAL-01': {
    level: 'MUST',
    area: 'Validation',
    doc: UPDATE_DOC,
    text: 'A body that is not JSON: 400 with a problem body.',
  },
  'VAL-02': {
    level: 'MUST',
    area: 'Validation',
    doc: UPDATE_DOC,
    text: 'A field of the wrong type (`firstname: 42`, `black_list: "yes"`, `formdatas: {}`): 400 or 422 with a problem body.',
  },
  'VAL-03': {
    level: 'MUST',
    area: 'Validation',
    doc: UPDATE_DOC,
    text: 'A rejected PATCH changes nothing: the stored contact is exactly as before (no partial write).',
  },
  'VAL-04': {
    level: 'MUST',
    area: 'Validation',
    doc: UPDATE_DOC,
    text: 'No request, however malformed, is answered with a 5xx.',
  },
  'RAT-01': {
    level: 'MUST',
    area: 'Rate limit',
    doc: UPDATE_DOC,
    text: 'Each PATCH costs 5 rate-limit tokens. Checked from the remaining-tokens header when the target sends one (a: `RateLimit-Remaining`, `X-RateLimit-Remaining`, or the `r` parameter of a structured `RateLimit` field), else by exhausting a bucket of known size `QOMON_RATE_CAPACITY` (b; always on the mock, opt-in on live targets). The exhaustion check must not starve the rest of the run: on the mock it uses a token of its own; on a live target it runs only when opted in, with `QOMON_RATE_TOKEN` when given, else after everything else.',
  },
  'RAT-02': {
    level: 'SHOULD',
    area: 'Rate limit',
    doc: UPDATE_DOC,
    text: 'Past the budget the answer is 429 with `Retry-After` and a problem body, and nothing changes.',
  },
} as const satisfies Record<string, { level: Level; area: string; doc: string; text: string }>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The observations of CONTRACT.md section 3 travel with this pseudo-rule: recorded, never failing. */
export const OBSERVE = 'OBS' as const;

/**
 * Tag and annotations of a rule's test: `test('ENT-04 …', rule('ENT-04'), async (…) => …)`.
 * The level travels as a tag (`@must`, `@should`), the rule text and doc link as annotations.
 */
export function rule(id: RuleId) {
  const { level, text, doc, area } = RULES[id];
  return {
    tag: [`@${level.toLowerCase()}`, `@${id}`],
    annotation: [
      { type: 'rule', description: `${id} (${level}, ${area}): ${text}` },
      { type: 'doc', description: doc },
    ],
  };
}

/** Tag and annotation of an observation (CONTRACT.md section 3, "Observations"). */
export function observation(what: string) {
  return {
    tag: ['@observe'],
    annotation: [{ type: 'rule', description: `OBSERVE: ${what} (the docs are silent: recorded, never failing)` }],
  };
}

/** The rule ids a test title names, in order: `ENT-04 a radio …` → ['ENT-04']. */
export function ruleIdsIn(title: string): string[] {
  return title.match(/\b[A-Z]{3}-\d{2}\b/g) ?? [];
}

/** Records what the target did where the docs are silent: an annotation the reports collect. */
export function observe(
  testInfo: { annotations: { type: string; description?: string }[] },
  what: string,
  seen: string,
): void {
  testInfo.annotations.push({ type: 'observation', description: `${what}: ${seen}` });
}

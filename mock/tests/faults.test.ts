// The fault zoo (mock/faults.ts): the table is well formed and covers every rule of CONTRACT.md,
// each fault changes what the mock answers to a minimal example of its own (no fault is a no-op),
// and a mock playing any fault still answers malformed requests without falling over.

import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import path from 'node:path';
import { manualClock } from '../clock';
import { CONTRACT_RULES, CONTRACT_RULE_IDS } from '../contract-rules';
import { FAULTS, FAULT_NAMES, faultList, type Fault } from '../faults';
import { startMock, type MockTokens } from '../server';
import { envelope, expect, test } from './fixtures';
import { httpRequestArbitrary } from './malformed-requests';
import {
  COMMENTS,
  DATE_OF_FIRST_JOB,
  INTERESTS,
  JOB,
  NUMBER_OF_CHILDREN,
  PREFERRED_CONTACT_TIME,
  optionAnswer,
} from './payloads';
import { rawRequest } from './raw-http';

const CONTRACT = path.resolve(__dirname, '../../../shared/contract/CONTRACT.md');

test('the fault table: unique kebab-case names, a rule of CONTRACT.md each, a one-line description each', () => {
  const duplicates = FAULT_NAMES.filter((name, index) => FAULT_NAMES.indexOf(name) !== index);
  expect(duplicates, 'fault names are unique').toEqual([]);
  expect(
    FAULT_NAMES.filter((name) => !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)),
    'fault names are kebab-case words',
  ).toEqual([]);
  expect(
    FAULTS.filter((fault) => !(CONTRACT_RULE_IDS as string[]).includes(fault.rule)).map((fault) => fault.name),
    'each fault names a rule of section 3',
  ).toEqual([]);
  const undescribed = FAULTS.filter(
    (fault) => fault.description.trim().length < 20 || fault.description.includes('\n'),
  );
  expect(
    undescribed.map((fault) => fault.name),
    'each fault has a one-line description',
  ).toEqual([]);
  expect(FAULTS.length, 'the zoo has at least 55 faults (issue 14)').toBeGreaterThanOrEqual(55);
  expect(faultList().trimEnd().split('\n'), '--list-faults prints one line per fault').toHaveLength(FAULTS.length);
});

test('every MUST and SHOULD rule of CONTRACT.md is broken by at least one fault', () => {
  const uncovered = CONTRACT_RULE_IDS.filter((rule) => !FAULTS.some((fault) => fault.rule === rule));
  expect(uncovered, 'rules no fault breaks').toEqual([]);
});

test("the mock's list of rules is CONTRACT.md's rules table, id by id and level by level", () => {
  test.skip(!existsSync(CONTRACT), `${CONTRACT} is not beside this checkout: nothing to compare the list with`);
  const rows = [...readFileSync(CONTRACT, 'utf8').matchAll(/^\| ([A-Z]{3}-\d{2}) \| (MUST|SHOULD) \|/gm)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
  const listed = CONTRACT_RULE_IDS.map((rule) => `${rule} ${CONTRACT_RULES[rule]}`);
  expect(listed, 'mock/contract-rules.ts lists the rules of CONTRACT.md section 3 with their levels').toEqual(rows);
});

// ---------------------------------------------------------------------------------------------
// Each fault changes behaviour: a minimal example per fault, sent to a fresh reference mock and to
// a fresh mock playing the fault, both on the same standing clock; the two transcripts must differ.

type Caller = keyof MockTokens | 'anonymous' | { readonly authorization: (tokens: MockTokens) => string };

type Step =
  | {
      readonly method: string;
      readonly path: string;
      readonly as?: Caller;
      readonly contact?: Record<string, unknown>;
      readonly rawBody?: string;
    }
  | { readonly advanceClockSeconds: number };

/** The first contact a fresh mock creates. */
const CONTACT = '/contacts/1001';
const post = (contact: Record<string, unknown>, as?: Caller): Step => ({
  method: 'POST',
  path: '/contacts',
  contact,
  ...(as ? { as } : {}),
});
const patch = (contact: Record<string, unknown>, as?: Caller): Step => ({
  method: 'PATCH',
  path: CONTACT,
  contact,
  ...(as ? { as } : {}),
});
const get = (target = CONTACT, as?: Caller): Step => ({ method: 'GET', path: target, ...(as ? { as } : {}) });
const tick: Step = { advanceClockSeconds: 1 };
const job = (data: string, date?: string) => ({ ...JOB, data, ...(date ? { date } : {}) });
/** Space 1's second custom_fields text form ("Member ID"). */
const MEMBER_ID = { form_id: 12522, form_ref_id: 19494 } as const;
/** The rate token's bucket holds two writes; the third is refused. */
const RATE_CAPACITY = 10;
const overrunTheRateBucket: Step[] = [
  post({ firstname: 'Ada' }),
  patch({ firstname: 'One' }, 'rate'),
  patch({ firstname: 'Two' }, 'rate'),
  patch({ firstname: 'Three' }, 'rate'),
  get(),
];

const MINIMAL_EXAMPLES: Readonly<Record<string, readonly Step[]>> = {
  'entry-id-as-string': [post({ custom_fields: [job('Architect')] })],
  'timestamps-without-zone': [post({})],
  'problem-status-as-string': [get('/contacts/424242')],
  'pollingstation-not-stored': [post({ address: { pollingstation: '7' } })],
  'field-cleared-on-second-patch': [post({ firstname: 'Ada' }), patch({})],
  'address-kept-when-left-out': [post({ address: { city: 'Paris' } }), patch({})],
  'created-at-reset-on-patch': [post({}), tick, patch({})],
  'patch-answer-stale-updated-at': [post({}), tick, patch({})],
  'entry-id-recycled': [
    post({}),
    patch({ custom_fields: [job('a')] }),
    patch({ custom_fields: [job('a')] }),
    patch({ custom_fields: [job('a')] }),
  ],
  'unchanged-entry-keeps-id': [post({ custom_fields: [job('a')] }), patch({ custom_fields: [job('a')] })],
  'deleted-value-resurrected': [
    post({ custom_fields: [job('a')] }),
    patch({ custom_fields: [job('b')] }),
    patch({ custom_fields: [job('a')] }),
  ],
  'left-out-form-stays-active': [
    post({ custom_fields: [job('a'), { ...NUMBER_OF_CHILDREN, data: '2' }] }),
    patch({ custom_fields: [{ ...NUMBER_OF_CHILDREN, data: '2' }] }),
  ],
  'deleted-entries-listed-as-active': [post({ custom_fields: [job('a')] }), patch({})],
  'text-answers-capped-at-three': [post({ custom_fields: [job('a'), job('b'), job('c'), job('d')] })],
  'date-form-keeps-last-answer': [
    post({
      custom_fields: [
        { ...DATE_OF_FIRST_JOB, data: '2001-01-01T00:00:00.000Z' },
        { ...DATE_OF_FIRST_JOB, data: '2002-02-02T00:00:00.000Z' },
      ],
    }),
  ],
  'radio-keeps-first-answer': [
    post({
      custom_fields: [optionAnswer(PREFERRED_CONTACT_TIME, 'morning'), optionAnswer(PREFERRED_CONTACT_TIME, 'evening')],
    }),
  ],
  'radio-keeps-every-option': [
    post({
      custom_fields: [optionAnswer(PREFERRED_CONTACT_TIME, 'morning'), optionAnswer(PREFERRED_CONTACT_TIME, 'evening')],
    }),
  ],
  'checkbox-keeps-duplicates': [
    post({ custom_fields: [optionAnswer(INTERESTS, 'health'), optionAnswer(INTERESTS, 'health')] }),
  ],
  'checkbox-keeps-last-option-only': [
    post({ custom_fields: [optionAnswer(INTERESTS, 'health'), optionAnswer(INTERESTS, 'education')] }),
  ],
  'new-value-added-beside-old': [post({ custom_fields: [job('a')] }), patch({ custom_fields: [job('b')] })],
  'list-left-out-kept': [post({ custom_fields: [job('a')] }), patch({})],
  'entry-date-requires-microseconds': [post({ custom_fields: [job('a', '2024-07-17T11:34:42.195Z')] })],
  'milliseconds-written-as-microseconds': [post({ birthdate: '1955-07-06T10:20:30.456Z' })],
  'birthdate-truncated-to-day': [post({ birthdate: '1955-07-06T10:20:30.456Z' })],
  'missing-token-uses-default-space': [get('/v1/forms/type/survey', 'anonymous')],
  'scheme-not-checked': [get('/v1/forms/type/survey', { authorization: (tokens) => `Token ${tokens.space}` })],
  'cross-space-patch-succeeds': [post({ firstname: 'Ada' }), patch({ firstname: 'Mallory' }, 'otherSpace')],
  'id-beyond-int64-is-404': [get('/contacts/9223372036854775808')],
  'deleted-contact-still-patchable': [post({}), { method: 'DELETE', path: CONTACT }, patch({ firstname: 'Back' })],
  'unparsable-body-read-as-empty': [post({}), { method: 'PATCH', path: CONTACT, rawBody: '{"data":' }],
  'number-coerced-to-string': [post({ firstname: 42 })],
  'entry-object-read-as-list': [post({ formdatas: {} })],
  'fields-saved-before-entries-validated': [
    post({}),
    patch({ firstname: 'Mallory', custom_fields: [{ ...JOB, form_ref_id: 'first', data: 'x' }] }),
    get(),
  ],
  'unsupported-method-is-501': [{ method: 'OPTIONS', path: CONTACT }],
  'patch-costs-one-token': [post({})],
  'patch-charged-twice': [post({})],
  'rate-limited-patch-applied': overrunTheRateBucket,
  'too-many-requests-without-retry-after': overrunTheRateBucket,
  // Breadth (issue 14)
  'strings-trimmed': [post({ firstname: ' Ada ' })],
  'astral-characters-dropped': [post({ firstname: 'Ada 😀' })],
  'strings-normalised-to-nfc': [post({ firstname: 'Zoe\u0301' })],
  'mail-lower-cased': [post({ mail: 'Ada.Lovelace@Example.org' })],
  'text-answers-trimmed': [post({ custom_fields: [job(' Pilot ')] })],
  'numeric-zero-answer-dropped': [post({ custom_fields: [{ ...NUMBER_OF_CHILDREN, data: '0' }] })],
  'numeric-answers-stored-as-int32': [post({ custom_fields: [{ ...NUMBER_OF_CHILDREN, data: '2147483648' }] })],
  'floor-and-door-swapped': [post({ address: { floor: '3', door: '12' } })],
  'partial-address-merged': [
    post({ address: { city: 'Paris', street: 'rue de Rivoli' } }),
    patch({ address: { city: 'Lyon' } }),
  ],
  'one-form-per-type-kept': [post({ custom_fields: [job('a'), { ...MEMBER_ID, data: 'b' }] })],
  'checkbox-dedup-assumes-id-order': [
    post({ custom_fields: [optionAnswer(INTERESTS, 'health'), optionAnswer(INTERESTS, 'education')] }),
  ],
  'radio-keeps-highest-option-id': [
    post({
      custom_fields: [optionAnswer(PREFERRED_CONTACT_TIME, 'evening'), optionAnswer(PREFERRED_CONTACT_TIME, 'morning')],
    }),
  ],
  'formdatas-entry-date-replaced': [
    post({ formdatas: [{ ...COMMENTS, data: 'a', date: '1999-12-31T23:59:59.999Z' }] }),
  ],
  'empty-list-keeps-entries': [post({ custom_fields: [job('a')] }), patch({ custom_fields: [] })],
  'address-member-coerced-to-text': [post({ address: { floor: 3 } })],
  'tag-name-coerced-to-text': [post({ tags: [{ name: 42 }] })],
  'boolean-read-by-truthiness': [post({ black_list: 'no' })],
  'formdatas-saved-before-custom-fields-validated': [
    post({}),
    patch({ formdatas: [{ ...COMMENTS, data: 'a' }], custom_fields: [{ ...JOB, data: 42 }] }),
    get(),
  ],
  'truncated-token-accepted': [
    get('/v1/forms/type/survey', { authorization: (tokens) => `Bearer ${tokens.space.slice(0, -2)}` }),
  ],
  'extended-token-accepted': [get('/v1/forms/type/survey', { authorization: (tokens) => `Bearer ${tokens.space}0` })],
  'token-case-ignored': [
    get('/v1/forms/type/survey', { authorization: (tokens) => `Bearer ${tokens.space.toUpperCase()}` }),
  ],
};

const START = 1_721_216_082_195_123n; // 2024-07-17T11:34:42.195123Z
/** Headers a fault may change; the others (Date, Connection) differ from run to run. */
const COMPARED_HEADERS = [
  'content-type',
  'www-authenticate',
  'allow',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
];

function authorizationOf(caller: Caller, tokens: MockTokens): string | undefined {
  if (caller === 'anonymous') return undefined;
  if (typeof caller === 'object') return caller.authorization(tokens);
  return `Bearer ${tokens[caller]}`;
}

/** What a mock started with `fault` answers to `steps`, one line per request. */
async function transcriptOf(fault: string | undefined, steps: readonly Step[]): Promise<string[]> {
  const clock = manualClock(START);
  const mock = await startMock({ port: 0, fault, clock: clock.now, rateCapacity: RATE_CAPACITY });
  const lines: string[] = [];
  try {
    for (const step of steps) {
      if ('advanceClockSeconds' in step) {
        clock.advanceSeconds(step.advanceClockSeconds);
        continue;
      }
      const authorization = authorizationOf(step.as ?? 'space', mock.tokens);
      const body = step.rawBody ?? (step.contact === undefined ? undefined : JSON.stringify(envelope(step.contact)));
      const answer = await rawRequest(mock.port, {
        method: step.method,
        path: step.path,
        headers: {
          ...(authorization === undefined ? {} : { Authorization: authorization }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      });
      const headers = COMPARED_HEADERS.filter((name) => answer.headers[name] !== undefined).map(
        (name) => `${name}: ${String(answer.headers[name])}`,
      );
      lines.push(`${step.method} ${step.path} -> ${answer.status} [${headers.join('; ')}] ${answer.body}`);
    }
  } finally {
    await mock.close();
  }
  return lines;
}

test('every fault has a minimal example, and every example belongs to a fault', () => {
  expect(
    FAULT_NAMES.filter((name) => MINIMAL_EXAMPLES[name] === undefined),
    'faults without a minimal example below',
  ).toEqual([]);
  expect(
    Object.keys(MINIMAL_EXAMPLES).filter((name) => !FAULT_NAMES.includes(name)),
    'examples of faults that do not exist',
  ).toEqual([]);
});

test('control: two fresh reference mocks answer every minimal example identically, so a difference is the fault', async () => {
  for (const [name, steps] of Object.entries(MINIMAL_EXAMPLES)) {
    expect(
      await transcriptOf(undefined, steps),
      `the reference answers the example of ${name} the same way twice`,
    ).toEqual(await transcriptOf(undefined, steps));
  }
});

for (const fault of FAULTS) {
  test(`fault ${fault.name} (${fault.rule}) changes what the mock answers to its minimal example`, async () => {
    const steps = MINIMAL_EXAMPLES[fault.name] ?? [];
    test.skip(steps.length === 0, 'no minimal example (the test above fails)');

    const reference = await transcriptOf(undefined, steps);
    const faulty = await transcriptOf(fault.name, steps);

    expect(
      faulty,
      `${fault.rule} ${fault.name} ("${fault.description}") answers its example differently from the reference`,
    ).not.toEqual(reference);
  });
}

// ---------------------------------------------------------------------------------------------
// No fault makes the mock fall over: generated malformed requests still get answers, below 500 but
// for the faults whose very point is VAL-04, and the mock answers a plain request afterwards.

const MALFORMED_REQUESTS_PER_FAULT = 120;

function allowsServerErrors(fault: Fault): boolean {
  return fault.rule === 'VAL-04';
}

for (const fault of FAULTS) {
  test(`fault ${fault.name}: malformed requests get answers${allowsServerErrors(fault) ? '' : ' below 500'}, and the mock keeps answering`, async () => {
    const mock = await startMock({ port: 0, fault: fault.name });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const serverErrors: string[] = [];
    try {
      for (let index = 0; index < 3; index++) {
        await rawRequest(mock.port, {
          method: 'POST',
          path: '/contacts',
          headers: { Authorization: `Bearer ${mock.tokens.space}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(envelope({ firstname: `Target ${index}` })),
        });
      }
      await fc.assert(
        fc.asyncProperty(httpRequestArbitrary(mock.tokens), async (request) => {
          const answer = await rawRequest(mock.port, { ...request, agent });
          if (answer.status >= 500 && !allowsServerErrors(fault))
            serverErrors.push(`${answer.status} <- ${request.method} ${request.path}`);
          return answer.status >= 100;
        }),
        {
          numRuns: MALFORMED_REQUESTS_PER_FAULT,
          seed: process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']),
        },
      );
      const stillThere = await rawRequest(mock.port, {
        method: 'GET',
        path: '/v1/forms/type/survey',
        headers: { Authorization: `Bearer ${mock.tokens.space}` },
      });

      expect(serverErrors, `VAL-04 with fault ${fault.name} (${fault.rule}) no malformed request gets a 5xx`).toEqual(
        [],
      );
      expect(stillThere.status, `VAL-04 with fault ${fault.name} the mock still answers a plain request`).toBe(200);
    } finally {
      agent.destroy();
      await mock.close();
    }
  });
}

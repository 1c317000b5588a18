// The fault zoo (mock/faults/fault-table.ts): the table is well formed and covers every rule of CONTRACT.md,
// each fault changes what the mock answers to a minimal example of its own (no fault is a no-op),
// and a mock playing any fault still answers malformed requests without falling over.

import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import path from 'node:path';
import { manualClock } from '../rules/clock';
import { CONTRACT_RULES, CONTRACT_RULE_IDS } from '../faults/contract-rule-ids';
import { EXAMPLE_RATE_CAPACITY, type Caller, type Step } from '../faults/examples';
import { FAULTS, FAULT_NAMES, faultList, type Fault } from '../faults/fault-table';
import { startMock, type MockTokens } from '../http/server';
import { envelope, expect, test } from './fixtures';
import { httpRequestArbitrary } from './malformed-requests';
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
  expect(listed, 'mock/faults/contract-rule-ids.ts lists the rules of CONTRACT.md section 3 with their levels').toEqual(
    rows,
  );
});

test('every rule of the list is tagged with its id where the mock applies it (rules/ or http/, seams aside)', () => {
  const sources = ['rules', 'http'].flatMap((folder) =>
    readdirSync(path.resolve(__dirname, '..', folder))
      .filter((file) => file.endsWith('.ts') && file !== 'seams.ts')
      .map((file) => readFileSync(path.resolve(__dirname, '..', folder, file), 'utf8')),
  );
  const untagged = CONTRACT_RULE_IDS.filter((rule) => !sources.some((source) => source.includes(rule)));
  expect(untagged, 'rule ids no line of mock/rules or mock/http names').toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Each fault changes behaviour: the minimal example of its row, sent to a fresh reference mock and to
// a fresh mock playing the fault, both on the same standing clock; the two transcripts must differ.

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
  const mock = await startMock({ port: 0, fault, clock: clock.now, rateCapacity: EXAMPLE_RATE_CAPACITY });
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

test('every fault carries a minimal example of at least one request', () => {
  expect(
    FAULTS.filter((fault) => !fault.example.some((step) => 'method' in step)).map((fault) => fault.name),
    'faults whose row has no request in its example',
  ).toEqual([]);
});

test('control: two fresh reference mocks answer every minimal example identically, so a difference is the fault', async () => {
  for (const { name, example } of FAULTS) {
    expect(
      await transcriptOf(undefined, example),
      `the reference answers the example of ${name} the same way twice`,
    ).toEqual(await transcriptOf(undefined, example));
  }
});

for (const fault of FAULTS) {
  test(`fault ${fault.name} (${fault.rule}) changes what the mock answers to its minimal example`, async () => {
    const reference = await transcriptOf(undefined, fault.example);
    const faulty = await transcriptOf(fault.name, fault.example);

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

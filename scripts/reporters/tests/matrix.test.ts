/**
 * The verdict of each rule, from the tests that cover it (CONTRACT.md, "Levels"), and the rules a
 * test covers.
 */
import { expect, test } from '@playwright/test';
import { RULE_IDS } from '../../../specs/support/rule-catalogue';
import { buildMatrix, countStatuses, factsOf, rulesOf, verdictOf, type TestRecord } from '../matrix';

const NOTHING_SPENT = { requests: 0, tokens: 0 };

function record(overrides: Partial<TestRecord> & Pick<TestRecord, 'title' | 'ruleIds' | 'status'>): TestRecord {
  return { observations: [], spend: NOTHING_SPENT, ...overrides };
}

// Each row: the level, the statuses of a rule's tests, the verdict.
const VERDICTS = [
  { level: 'MUST', statuses: [], verdict: 'not run' }, // filtered out by --grep or --project
  { level: 'MUST', statuses: ['passed'], verdict: 'pass' },
  { level: 'MUST', statuses: ['passed', 'skipped'], verdict: 'pass' }, // one test passing is enough
  { level: 'MUST', statuses: ['skipped', 'skipped'], verdict: 'skipped' },
  { level: 'MUST', statuses: ['passed', 'failed', 'skipped'], verdict: 'fail' }, // one failure fails the rule
  { level: 'SHOULD', statuses: ['passed', 'failed'], verdict: 'warning' }, // a warning-level failure, still listed
  { level: 'SHOULD', statuses: ['passed'], verdict: 'pass' },
] as const;

for (const { level, statuses, verdict } of VERDICTS) {
  test(`a ${level} rule whose tests ${statuses.length ? statuses.join(', ') : 'did not run'} is "${verdict}"`, () => {
    expect(verdictOf(level, statuses), `verdict of a ${level} rule with tests [${statuses.join(', ')}]`).toBe(verdict);
  });
}

test('the matrix has one row per rule of the catalogue, in catalogue order, even for a filtered run', () => {
  const rows = buildMatrix([
    record({ title: 'ENT-04 a radio form keeps only the last answer sent', ruleIds: ['ENT-04'], status: 'passed' }),
  ]);
  expect(
    rows.map((row) => row.id),
    'the rows follow the catalogue',
  ).toEqual(RULE_IDS);
  expect(rows.find((row) => row.id === 'ENT-04')?.verdict, 'the rule whose test passed').toBe('pass');
  expect(rows.filter((row) => row.verdict === 'not run').length, 'every other rule says no test ran').toBe(
    RULE_IDS.length - 1,
  );
});

test('a test that names several rules counts for each of them', () => {
  const rows = buildMatrix([
    record({
      title: 'ENT-01 ENT-02 any sequence of field operations keeps the model state',
      ruleIds: ['ENT-01', 'ENT-02'],
      status: 'failed',
      why: 'counterexample',
    }),
  ]);
  expect(
    rows.filter((row) => row.verdict === 'fail').map((row) => row.id),
    'both rules fail with the property',
  ).toEqual(['ENT-01', 'ENT-02']);
});

test('a skipped rule says why, each distinct reason once', () => {
  const why = 'QOMON_TOKEN_OTHER_SPACE is unset';
  const rows = buildMatrix([
    record({
      title: 'AUT-03 a token of another space cannot read the contact',
      ruleIds: ['AUT-03'],
      status: 'skipped',
      why,
    }),
    record({
      title: 'AUT-03 a token of another space cannot patch the contact',
      ruleIds: ['AUT-03'],
      status: 'skipped',
      why,
    }),
  ]);
  const row = rows.find((candidate) => candidate.id === 'AUT-03');
  expect(row?.verdict, 'AUT-03 with every test skipped').toBe('skipped');
  expect(row?.skipReasons, 'the reason, once').toEqual([why]);
});

test('the rules of a test come from its rule tags, else from the ids in its title; unknown ids are dropped', () => {
  expect(
    rulesOf(['@must', '@ENT-04'], 'ENT-04 a radio form keeps only the last answer sent'),
    'from the tags of rule()',
  ).toEqual(['ENT-04']);
  expect(rulesOf([], 'VAL-03 a rejected PATCH changes nothing'), 'from the title when untagged').toEqual(['VAL-03']);
  expect(
    rulesOf(['@observe'], 'OBSERVE the status for contact id -1 versus abc'),
    'an observation covers no rule',
  ).toEqual([]);
  expect(rulesOf([], 'XYZ-99 not a rule of the contract'), 'an id the catalogue does not have').toEqual([]);
});

test('the header adds up what the tests spent, and reports the reading the probe found', () => {
  const facts = factsOf(
    [
      record({
        title: 'OBSERVE which reading',
        ruleIds: [],
        status: 'passed',
        reading: 'replace',
        observations: ['entry reading: replace'],
        spend: { requests: 3, tokens: 11 },
      }),
      record({
        title: 'ENT-04 a radio form keeps only the last answer sent',
        ruleIds: ['ENT-04'],
        status: 'passed',
        observations: ['custom fields list name: custom_fields'],
        spend: { requests: 4, tokens: 16 },
      }),
    ],
    { target: 'embedded mock (reference)', configuredReading: 'replace', durationMs: 1_000, startedAt: new Date(0) },
  );
  expect(facts.spend, 'requests and tokens of both tests').toEqual({ requests: 7, tokens: 27 });
  expect(facts.probedReading, 'the reading annotation of the probe').toBe('replace');
  expect(facts.observations, 'every observation, sorted').toEqual([
    'custom fields list name: custom_fields',
    'entry reading: replace',
  ]);
  expect(facts.tests, 'the number of conformance tests').toBe(2);
});

test('a failed property that names the rule it broke fails that rule only, not every rule it checks', () => {
  const property = record({
    title: 'ENT-01 ENT-04 any sequence keeps the model',
    ruleIds: ['ENT-01', 'ENT-04'],
    status: 'failed',
    failedRules: ['ENT-04'],
  });
  const rows = buildMatrix([property, record({ title: 'ENT-01 ids are new', ruleIds: ['ENT-01'], status: 'passed' })]);
  const verdict = (id: string) => rows.find((row) => row.id === id)?.verdict;
  expect(verdict('ENT-04'), 'the rule whose check broke fails').toBe('fail');
  expect(verdict('ENT-01'), 'a rule the property also checks keeps the verdict of its own tests').toBe('pass');
});

test('a schema break seen by tests of other rules fails the SCH rule it breaks, and those rules keep their own verdicts', () => {
  const schemaBreaks = [
    {
      rule: 'SCH-01' as const,
      message:
        'a 2xx contact answer …: PATCH /contacts/1 answered 200\n/data/contact/address: must be object or null (got "")',
    },
  ];
  const rows = buildMatrix([
    record({ title: 'REP-02 address left out is cleared', ruleIds: ['REP-02'], status: 'passed', schemaBreaks }),
    record({ title: 'ENT-04 a radio form keeps the last answer', ruleIds: ['ENT-04'], status: 'passed', schemaBreaks }),
    record({ title: 'SCH-01 answers validate', ruleIds: ['SCH-01'], status: 'passed' }),
    record({ title: 'SCH-02 timestamps are UTC Z', ruleIds: ['SCH-02'], status: 'passed' }),
  ]);
  const row = (id: string) => rows.find((candidate) => candidate.id === id);
  expect(row('SCH-01')?.verdict, 'the SCH rule the answers break fails').toBe('fail');
  expect(row('REP-02')?.verdict, 'the rule of a test that saw the break keeps its own verdict').toBe('pass');
  expect(row('ENT-04')?.verdict, 'so does every other rule whose test saw it').toBe('pass');
  expect(row('SCH-02')?.verdict, 'a SCH rule the break does not name is untouched').toBe('pass');
  expect(
    row('SCH-01')?.tests.filter((test) => test.status === 'failed'),
    'the SCH row names the break once, with how many tests saw it, the request and the first violation',
  ).toEqual([
    {
      title:
        '2 tests of other rules saw an answer that breaks SCH-01: REP-02 address left out is cleared; ENT-04 a radio form keeps the last answer',
      status: 'failed',
      why: 'a 2xx contact answer …: PATCH /contacts/1 answered 200; /data/contact/address: must be object or null (got "")',
      seenBy: 2,
    },
  ]);
});

test('the counts of a rule are of its own tests; the tests of other rules that saw a break are counted apart', () => {
  const breaks = [{ rule: 'SCH-01' as const, message: 'a 2xx contact answer …\n/address: ""' }];
  const rows = buildMatrix([
    record({ title: 'SCH-01 answers validate', ruleIds: ['SCH-01'], status: 'passed' }),
    record({ title: 'SCH-01 cleared answers validate', ruleIds: ['SCH-01'], status: 'passed', schemaBreaks: breaks }),
    record({ title: 'REP-02 a', ruleIds: ['REP-02'], status: 'passed', schemaBreaks: breaks }),
    record({ title: 'ENT-04 b', ruleIds: ['ENT-04'], status: 'failed', schemaBreaks: breaks }),
  ]);
  const tests = rows.find((row) => row.id === 'SCH-01')?.tests ?? [];
  expect(countStatuses(tests), 'SCH-01 has 2 tests of its own; 2 tests of other rules saw its break').toBe(
    '1 failed, 1 passed · 2 tests of other rules saw a break',
  );
});

test('breaks of one shape on different contacts are one line; another shape is another line', () => {
  const seen = (id: number, violation: string) => [
    { rule: 'SCH-01' as const, message: `a 2xx contact answer …: PATCH /contacts/${id} answered 200\n${violation}` },
  ];
  const rows = buildMatrix([
    record({ title: 'REP-01 a', ruleIds: ['REP-01'], status: 'passed', schemaBreaks: seen(1041, '/address: "" ') }),
    record({ title: 'REP-01 b', ruleIds: ['REP-01'], status: 'passed', schemaBreaks: seen(1042, '/address: "" ') }),
    record({ title: 'ENT-01 c', ruleIds: ['ENT-01'], status: 'passed', schemaBreaks: seen(1043, '/id: "7"') }),
  ]);
  const titles = rows.find((row) => row.id === 'SCH-01')?.tests.map((test) => test.title);
  expect(titles).toEqual([
    '2 tests of other rules saw an answer that breaks SCH-01: REP-01 a; REP-01 b',
    'ENT-01 c (saw an answer that breaks SCH-01)',
  ]);
});

test('a test of a SCH rule that saw a break of that rule fails it, even if its own assertion passed', () => {
  const rows = buildMatrix([
    record({
      title: 'SCH-03 the 401 answer is problem details',
      ruleIds: ['SCH-03'],
      status: 'passed',
      schemaBreaks: [
        { rule: 'SCH-03', message: 'every 4xx answer …: GET /contacts/9 answered 404\n- body status "404"' },
      ],
    }),
  ]);
  const row = rows.find((candidate) => candidate.id === 'SCH-03');
  expect(row?.verdict, 'SCH-03 fails').toBe('fail');
  expect(
    row?.tests.map((test) => test.title),
    'listed once, under its own title',
  ).toEqual(['SCH-03 the 401 answer is problem details']);
});

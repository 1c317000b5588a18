/**
 * The verdict of each rule, from the tests that cover it (CONTRACT.md, "Levels"), and the rules a
 * test covers.
 */
import { expect, test } from '@playwright/test';
import { RULE_IDS } from '../../../specs/support/rule-catalogue';
import { buildMatrix, factsOf, rulesOf, verdictOf, type TestRecord } from '../matrix';

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

/**
 * How a conformance test reads in Allure: the rule's area, id and text as epic, feature and story,
 * its level as severity, its doc page as a link, and the run's target, reading and seed.
 */
import { expect, test } from '@playwright/test';
import { RULES } from '../../../specs/support/rule-catalogue';
import { allureMetadataOf } from '../allure-metadata';
import type { TestRecord } from '../matrix';
import type { RunContext } from '../run-context';

const CONTEXT: RunContext = {
  target: 'embedded mock (reference)',
  configuredReading: 'replace',
  redact: (text) => text,
};

function recordOf(title: string, ruleIds: TestRecord['ruleIds'], observations: string[] = []): TestRecord {
  return { title, ruleIds, status: 'passed', observations, spend: { requests: 4, tokens: 16 } };
}

test('a MUST rule test is filed under its area, rule id and rule text, as critical, with its doc link', () => {
  const metadata = allureMetadataOf(
    recordOf('ENT-04 a radio form keeps only the last answer sent', ['ENT-04']),
    ['@must', '@ENT-04'],
    CONTEXT,
  );
  expect(metadata.labels, 'epic, feature, story and severity').toEqual([
    { name: 'epic', value: 'Entries' },
    { name: 'feature', value: 'ENT-04' },
    { name: 'story', value: RULES['ENT-04'].text },
    { name: 'severity', value: 'critical' },
  ]);
  expect(metadata.links, 'the Qomon doc page of the rule').toEqual([
    { url: RULES['ENT-04'].doc, name: 'Qomon docs', type: 'link' },
  ]);
  expect(metadata.description, 'the description starts with the rule').toMatch(/^\*\*ENT-04\*\* \(MUST, Entries\): /);
});

test('a SHOULD rule test is normal severity', () => {
  const metadata = allureMetadataOf(
    recordOf('PTH-01 a PATCH of /contacts/abc is 400 or 422', ['PTH-01']),
    ['@should', '@PTH-01'],
    CONTEXT,
  );
  expect(metadata.labels, 'severity of a SHOULD rule').toContainEqual({ name: 'severity', value: 'normal' });
});

test('an observation is minor, filed under Observations, and its description lists what it saw', () => {
  const metadata = allureMetadataOf(
    recordOf('OBSERVE the status for contact id -1 versus abc', [], ['status for contact id -1 / abc: 422 / 422']),
    ['@observe'],
    CONTEXT,
  );
  expect(metadata.labels, 'the labels of an observation').toEqual([
    { name: 'epic', value: 'Observations' },
    { name: 'feature', value: 'OBSERVE' },
    { name: 'story', value: 'the status for contact id -1 versus abc' },
    { name: 'severity', value: 'minor' },
  ]);
  expect(metadata.description, 'what the test observed').toContain('- status for contact id -1 / abc: 422 / 422');
});

test('every test carries the target and the reading; the seed, when set, does not split its history', () => {
  const plain = allureMetadataOf(
    recordOf('REP-01 every field sent comes back', ['REP-01']),
    ['@must', '@REP-01'],
    CONTEXT,
  );
  expect(plain.parameters, 'target and reading, no seed when FC_SEED is unset').toEqual([
    { name: 'target', value: 'embedded mock (reference)' },
    { name: 'reading', value: 'replace' },
  ]);
  const seeded = allureMetadataOf(recordOf('REP-01 every field sent comes back', ['REP-01']), ['@must', '@REP-01'], {
    ...CONTEXT,
    seed: 42,
  });
  expect(seeded.parameters, 'the seed is excluded from the history id').toContainEqual({
    name: 'seed',
    value: '42',
    excluded: true,
  });
});

/**
 * The matrix as words: the summary line, the Markdown of a release checklist and the standalone
 * HTML page say the same thing, escape what tests put in titles, and load nothing from outside.
 */
import { expect, test } from '@playwright/test';
import { RULE_IDS, type RuleId } from '../../../specs/support/rule-catalogue';
import { buildMatrix, factsOf, type TestRecord } from '../matrix';
import { renderHtml } from '../render-html';
import { renderMarkdown, summaryLine } from '../render-markdown';

const RECORDS: TestRecord[] = [
  {
    title: 'ENT-04 a radio form keeps only the last answer sent',
    ruleIds: ['ENT-04'],
    status: 'passed',
    observations: [],
    spend: { requests: 4, tokens: 16 },
  },
  {
    title: 'ENT-06 a PATCH of {"a"|"b"} <replaces> the old value',
    ruleIds: ['ENT-06'],
    status: 'failed',
    why: 'ENT-06 the old entry is still active',
    observations: [],
    spend: { requests: 5, tokens: 21 },
  },
  {
    title: 'PTH-01 a PATCH of /contacts/abc is 400 or 422',
    ruleIds: ['PTH-01'],
    status: 'failed',
    why: 'PTH-01 got 500',
    observations: [],
    spend: { requests: 2, tokens: 6 },
  },
  {
    title: 'AUT-03 a token of another space cannot read the contact',
    ruleIds: ['AUT-03'],
    status: 'skipped',
    why: 'QOMON_TOKEN_OTHER_SPACE is unset',
    observations: [],
    spend: { requests: 0, tokens: 0 },
  },
  {
    title: 'OBSERVE which reading',
    ruleIds: [],
    status: 'passed',
    reading: 'replace',
    observations: ['entry reading: replace; configured QOMON_ENTRY_READING=replace'],
    spend: { requests: 3, tokens: 11 },
  },
];
const ROWS = buildMatrix(RECORDS);
const FACTS = factsOf(RECORDS, {
  target: 'embedded mock (reference)',
  configuredReading: 'replace',
  seed: 42,
  durationMs: 14_230,
  startedAt: new Date('2026-11-30T06:00:00Z'),
});

test('the summary line counts rules by verdict, then tests, requests, tokens and time', () => {
  expect(summaryLine(ROWS, FACTS), 'the one line a run ends with').toBe(
    'conformance on embedded mock (reference): 1/27 rules pass · 1 fail · 1 warning · 1 skipped · 23 not run · 5 tests · 14 requests · 54 tokens · 14.2 s',
  );
});

test('the Markdown has the run header and one table row per rule, in catalogue order', () => {
  const markdown = renderMarkdown(ROWS, FACTS);
  expect(markdown, 'the target, never a token').toContain('- **Target:** embedded mock (reference)');
  expect(markdown, 'the probed against the configured reading').toContain(
    '- **Entry reading:** the probe found replace; configured replace',
  );
  expect(markdown, 'the seed when FC_SEED is set').toContain('FC_SEED=42');
  const rows = markdown.split('\n').filter((line) => /^\| \[[A-Z]{3}-\d{2}\]/.test(line));
  expect(
    rows.map((line) => line.slice(3, 9)),
    'one row per rule, in order',
  ).toEqual(RULE_IDS);
});

test('the Markdown marks a SHOULD failure as a warning, gives skip reasons, and escapes titles', () => {
  const markdown = renderMarkdown(ROWS, FACTS);
  const row = (id: string) => markdown.split('\n').find((line) => line.startsWith(`| [${id}]`)) ?? '';
  expect(row('PTH-01'), 'PTH-01 is SHOULD: a warning-level failure').toContain('⚠ fail (SHOULD: warning)');
  expect(row('ENT-06'), 'ENT-06 is MUST: a failure').toContain('✘ fail');
  expect(row('AUT-03'), 'a skipped rule says why').toContain('⊘ skipped: QOMON_TOKEN_OTHER_SPACE is unset');
  expect(row('ENT-06'), 'a pipe in a title does not split the cell, and no HTML passes').toContain(
    '{"a"\\|"b"} &lt;replaces&gt;',
  );
  expect(row('ENT-06').split(/(?<!\\)\|/).length, 'the row still has five cells').toBe(7);
  expect(row('SCH-01'), 'a rule the run did not select').toContain('— no test ran');
});

test('the matrix shows the depth of each rule and lists the tests the budget skipped, with their reason', () => {
  const records = [
    {
      title: 'ENT-04 REP-01 any sequence keeps the model',
      ruleIds: ['ENT-04', 'REP-01'] as RuleId[],
      status: 'passed' as const,
      observations: [],
      spend: { requests: 40, tokens: 200 },
      propertyCommands: 37,
    },
    {
      title: 'ENT-04 a radio answer replaces the last one',
      ruleIds: ['ENT-04'] as RuleId[],
      status: 'skipped' as const,
      why: 'not in the plan at QOMON_TOKEN_BUDGET=500: phase 2, priority 3, needs 17 tokens and 4 were left',
      observations: [],
      spend: { requests: 0, tokens: 0 },
    },
  ];
  const markdown = renderMarkdown(ROWS, FACTS, records);
  const row = (id: string) => markdown.split('\n').find((line) => line.startsWith(`| [${id}]`)) ?? '';
  expect(row('ENT-04'), 'the depth of ENT-04: one test ran, its property sent 37 commands').toContain(
    '| 1 test + 37 commands |',
  );
  expect(markdown, 'the budget skip is listed with its reason').toContain(
    '- ENT-04 a radio answer replaces the last one: not in the plan at QOMON_TOKEN_BUDGET=500: phase 2, priority 3',
  );
  expect(renderHtml(ROWS, FACTS, records), 'the HTML page lists it too').toContain(
    '<ul id="budget-skips"><li>ENT-04 a radio',
  );
});

test('the HTML page is standalone: inline style, no script, no external asset', () => {
  const html = renderHtml(ROWS, FACTS);
  expect(html, 'its style is inline').toContain('<style>');
  expect(html, 'it runs no script').not.toContain('<script');
  expect(html, 'it links no stylesheet').not.toMatch(/<link\b/);
  expect(html, 'it loads nothing by src').not.toMatch(/\bsrc=/);
});

test('the HTML page has one row per rule with its verdict, and escapes titles', () => {
  const html = renderHtml(ROWS, FACTS);
  const rules = [...html.matchAll(/<tr data-rule="([A-Z]{3}-\d{2})" data-verdict="([a-z ]+)">/g)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
  expect(rules.length, 'one row per rule').toBe(RULE_IDS.length);
  expect(rules, 'the verdicts the browser check looks for').toEqual(
    expect.arrayContaining(['ENT-04 pass', 'ENT-06 fail', 'PTH-01 warning', 'AUT-03 skipped', 'SCH-01 not run']),
  );
  expect(html, 'a title cannot inject markup').toContain('&lt;replaces&gt;');
  expect(html, 'a failed test is in sight, not folded away').toContain(
    '<div class="failed-tests">1 failed<ul class="tests"><li class="failed">✘ ENT-06 a PATCH of',
  );
});

/**
 * The matrix in words: the one summary line a run ends with, and the Markdown a maintainer pastes
 * into a release checklist. The HTML page uses the same wording (VERDICT_LABEL, STATUS_MARK).
 */
import { depthOf, depthText, isBudgetSkip } from './depth';
import {
  countStatuses,
  countVerdicts,
  type RuleRow,
  type RunFacts,
  type TestRecord,
  type TestStatus,
  type Verdict,
} from './matrix';

// Symbols plain fonts have (DejaVu on a bare CI image), not emoji, which render there as boxes.
export const VERDICT_LABEL: Record<Verdict, string> = {
  pass: '✔ pass',
  fail: '✘ fail',
  // CONTRACT.md: a SHOULD failure is reported as a warning-level failure, never silently skipped.
  warning: '⚠ fail (SHOULD: warning)',
  skipped: '⊘ skipped',
  'not run': '— no test ran',
};

export const STATUS_MARK: Record<TestStatus, string> = { passed: '✔', failed: '✘', skipped: '⊘' };

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `24/27 rules pass · 1 fail · 1 warning · 1 skipped · 0 not run` */
export function verdictTally(rows: readonly RuleRow[]): string {
  const counts = countVerdicts(rows);
  return [
    `${counts.pass}/${rows.length} rules pass`,
    `${counts.fail} fail`,
    `${counts.warning} warning`,
    `${counts.skipped} skipped`,
    `${counts['not run']} not run`,
  ].join(' · ');
}

export function readingLine(facts: RunFacts): string {
  const found = facts.probedReading === undefined ? 'the probe did not run' : `the probe found ${facts.probedReading}`;
  return `${found}; configured ${facts.configuredReading}`;
}

/**
 * The line printed at the end of every run that ran conformance tests; `detail` replaces the test
 * count with the tests by outcome and adds the seed (scripts/reporters/summary.ts).
 */
export function summaryLine(
  rows: readonly RuleRow[],
  facts: RunFacts,
  detail?: { tests: string; seed: string },
): string {
  return [
    `conformance on ${facts.target}: ${facts.error === undefined ? '' : `error: ${facts.error} · `}${verdictTally(rows)}`,
    detail?.tests ?? `${facts.tests} test${facts.tests === 1 ? '' : 's'}`,
    ...(detail === undefined ? [] : [detail.seed]),
    `${facts.spend.requests} requests`,
    `${facts.spend.tokens} tokens`,
    seconds(facts.durationMs),
  ].join(' · ');
}

/** A test as one line: mark, title, and why when it did not pass. */
export function testLine(test: { title: string; status: TestStatus; why?: string }): string {
  return `${STATUS_MARK[test.status]} ${test.title}${test.why === undefined ? '' : ` (${test.why})`}`;
}

/** Text safe inside a Markdown table cell or list item: no pipe, no line break, no HTML. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

function verdictCell(row: RuleRow): string {
  if (row.verdict !== 'skipped') return VERDICT_LABEL[row.verdict];
  return `${VERDICT_LABEL.skipped}: ${row.skipReasons.join('; ')}`;
}

function testsCell(row: RuleRow): string {
  if (row.tests.length === 0) return '';
  return [countStatuses(row.tests), ...row.tests.map(testLine)].map(cell).join('<br>');
}

export function renderMarkdown(rows: readonly RuleRow[], facts: RunFacts, records: readonly TestRecord[] = []): string {
  const depths = new Map(depthOf(records).map((depth) => [depth.id, depthText(depth)]));
  const header = [
    '# Conformance of `PATCH /contacts/{contactId}`',
    '',
    `- **Target:** ${facts.target}`,
    ...(facts.error === undefined
      ? []
      : [`- **Error:** ${cell(facts.error)} (the run stopped; no rule was judged on it)`]),
    `- **Rules:** ${verdictTally(rows)}`,
    `- **Entry reading:** ${readingLine(facts)}`,
    ...(facts.seed === undefined ? [] : [`- **fast-check seed:** FC_SEED=${facts.seed}`]),
    `- **Spent:** ${facts.tests} tests · ${facts.spend.requests} requests · ${facts.spend.tokens} rate-limit tokens`,
    `- **Duration:** ${seconds(facts.durationMs)}, started ${facts.startedAt.toISOString()}`,
    '',
  ];
  const table = [
    '| Rule | Level | Verdict | Depth | Tests |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| [${row.id}](${row.doc}) ${cell(row.text)} | ${row.level} | ${cell(verdictCell(row))} | ${depths.get(row.id) ?? ''} | ${testsCell(row)} |`,
    ),
    '',
  ];
  const budgetSkips = records.filter(isBudgetSkip);
  const skipped = [
    '## Skipped for the budget',
    '',
    ...(budgetSkips.length > 0
      ? budgetSkips.map((record) => `- ${cell(record.title)}: ${cell(record.why ?? '')}`)
      : ['- none: every test the run selected ran']),
    '',
  ];
  const observations = [
    '## Observations',
    '',
    'Where the docs are silent the suite records what the target did (OBSERVE: never failing).',
    '',
    ...(facts.observations.length > 0
      ? facts.observations.map((observation) => `- ${cell(observation)}`)
      : ['- none recorded in this run']),
    '',
  ];
  return [...header, ...table, ...skipped, ...observations].join('\n');
}

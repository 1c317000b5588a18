/**
 * What the summary line counts beyond the verdicts (issue 15: a budget-limited shard reported 16
 * skipped tests while the line said `0 skipped`, because it counted only rules): every test by
 * outcome, the skipped ones by reason, errors apart from failures, and the seed. After the line
 * come the paths of the matrix and of each report, read from the run's reporter configuration.
 */
import path from 'node:path';
import type { FullConfig, TestCase } from '@playwright/test/reporter';
import { ruleIdsIn } from '../../specs/support/rule-catalogue';
import { RULE_BOOK_FILES } from './rule-book';
import { annotationsOf } from './test-record';

export interface TestTally {
  passed: number;
  /** A rule's check failed: the message starts with a rule id (STYLE.md: every expect's does). */
  failed: number;
  /**
   * The test could not judge its rule: it timed out, was interrupted, or threw something that is
   * not a rule's check (a fixture that could not create its contact, a transport error). Errors
   * outside any test (the run's own) are added by the reporter.
   */
  errors: number;
  skipped: number;
  /** Skipped tests by reason, most frequent first. */
  skipReasons: [string, number][];
}

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The kind of a skip reason: its words before the first colon or semicolon, numbers as N
 * (`token budget exhausted: PATCH … needs 5 tokens…` → `token budget exhausted`; `QOMON_TOKEN_BUDGET
 * leaves this property 12 tokens; one run costs 18…` → `… leaves this property N tokens`), so that
 * reasons that differ only in their numbers count together.
 */
export function skipReasonKind(why: string | undefined): string {
  if (why === undefined || why.trim() === '') return 'no reason given';
  const head = why
    .split(/[:;]/, 1)[0]!
    .replace(/\b\d+\b/g, 'N')
    .trim();
  return head.length > 80 ? `${head.slice(0, 79)}…` : head;
}

/** A failure names the rule it checks first; anything else that ended a test is an error. */
export function isRuleFailure(test: TestCase): boolean {
  const result = test.results.at(-1);
  if (result === undefined || result.status !== 'failed') return false;
  const error = result.errors[0] ?? result.error;
  const message = (error?.message ?? error?.value ?? '').replace(ANSI, '').replace(/^\s*(Error: )?/, '');
  return ruleIdsIn(message.slice(0, 8)).length > 0;
}

export function tallyTests(tests: readonly TestCase[]): TestTally {
  const tally: TestTally = { passed: 0, failed: 0, errors: 0, skipped: 0, skipReasons: [] };
  const reasons = new Map<string, number>();
  for (const test of tests) {
    const outcome = test.outcome();
    if (outcome === 'skipped') {
      // A test the run never reached (stopped by a fatal error, --max-failures) has no result.
      if (test.results.length === 0) continue;
      tally.skipped += 1;
      const why = annotationsOf(test).find((annotation) => annotation.type === 'skip' || annotation.type === 'fixme');
      const kind = skipReasonKind(why?.description);
      reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
    } else if (outcome === 'expected') tally.passed += 1;
    else if (isRuleFailure(test)) tally.failed += 1;
    else tally.errors += 1;
  }
  tally.skipReasons = [...reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return tally;
}

/** `146 tests: 130 passed, 0 failed, 0 errors, 16 skipped (16 token budget exhausted)` */
export function testsPart(tally: TestTally, runErrors: number): string {
  const total = tally.passed + tally.failed + tally.errors + tally.skipped;
  const errors = tally.errors + runErrors;
  const reasons =
    tally.skipReasons.length > 0 ? ` (${tally.skipReasons.map(([why, count]) => `${count} ${why}`).join(', ')})` : '';
  return [
    `${total} test${total === 1 ? '' : 's'}: ${tally.passed} passed`,
    `${tally.failed} failed`,
    `${errors} error${errors === 1 ? '' : 's'}${runErrors > 0 ? ` (${runErrors} outside tests)` : ''}`,
    `${tally.skipped} skipped${reasons}`,
  ].join(', ');
}

/** The run's seed (FC_SEED, given or drawn for the run), or that there was none. */
export function seedPart(env: NodeJS.ProcessEnv = process.env): string {
  return env.FC_SEED ? `seed ${env.FC_SEED}` : 'no seed (FC_SEED unset: each property draws its own)';
}

/** `matrix  reports/conformance.md · reports/conformance.html`, one line per report of the run. */
export function reportPaths(config: FullConfig, outputDir: string): [string, string][] {
  const relative = (file: string) => {
    const absolute = path.resolve(config.rootDir, file);
    const shown = path.relative(process.cwd(), absolute);
    // A folder outside the checkout (REPORTS_DIR=/tmp/…) reads better as it is.
    return shown.startsWith('..') ? absolute : shown || '.';
  };
  const lines: [string, string][] = [
    [
      'matrix',
      [relative(path.join(outputDir, 'conformance.md')), relative(path.join(outputDir, 'conformance.html'))].join(
        ' · ',
      ),
    ],
    [
      'rule book',
      [RULE_BOOK_FILES.html, RULE_BOOK_FILES.markdown].map((file) => relative(path.join(outputDir, file))).join(' · '),
    ],
  ];
  for (const [name, options] of config.reporter) {
    const option = (key: string) => (options as Record<string, unknown> | undefined)?.[key] as string | undefined;
    if (name === 'html' && option('outputFolder'))
      lines.push(['html', relative(path.join(option('outputFolder')!, 'index.html'))]);
    if (name === 'junit' && option('outputFile')) lines.push(['junit', relative(option('outputFile')!)]);
    if (name.includes('allure') && option('resultsDir')) {
      const report = path.join(path.dirname(option('resultsDir')!), 'allure-report', 'index.html');
      lines.push(['allure', `${relative(option('resultsDir')!)} (npm run report: ${relative(report)})`]);
    }
  }
  return lines;
}

export function pathLines(paths: readonly [string, string][]): string {
  const width = Math.max(...paths.map(([label]) => label.length));
  return paths.map(([label, where]) => `  ${label.padEnd(width)}  ${where}`).join('\n');
}

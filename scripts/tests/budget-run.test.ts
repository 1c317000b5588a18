/**
 * Whole runs against the embedded mock with a budget. QOMON_TOKEN_BUDGET=500 is planned (specs/plan):
 * it ends green, every rule gets a verdict, the tests the plan leaves out are skipped saying why with
 * a `budget` annotation for the reports, and the run spends no more than its budget.
 * QOMON_TOKEN_BUDGET=100 is below what phase 1 costs: the run stops before any request, exit 2, with
 * one line that gives the minimum.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { JSONReport, JSONReportSpec, JSONReportSuite, JSONReportTest } from '@playwright/test/reporter';
import { RULE_IDS } from '../../specs/support/rule-catalogue';
import { TokenBudget } from '../../specs/request-path/budget';
import { parseSpend, SPEND_ANNOTATION } from '../../specs/request-path/spend';
import { cleanEnv, privateReportsDir, startPlaywright, stopIfRunning } from './processes';

const BUDGET = 500;
const TOO_SMALL = 100;
/** Two workers: most tests end at their first request, and each worker process costs a start-up. */
const WORKERS = 2;

function specsOf(suite: JSONReportSuite): JSONReportSpec[] {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

function testsOf(suite: JSONReportSuite): JSONReportTest[] {
  return [...(suite.specs ?? []).flatMap((spec) => spec.tests), ...(suite.suites ?? []).flatMap(testsOf)];
}

/** The conformance suite against the mock with `budget`, its JSON report on stdout, in reports of its own. */
function startBudgetedRun(budget: number) {
  const reportsDir = privateReportsDir('reports');
  const run = startPlaywright(
    ['--project=conformance', '--reporter=json'],
    cleanEnv({ QOMON_TOKEN_BUDGET: String(budget), REPORTS_DIR: reportsDir, PW_WORKERS: String(WORKERS) }),
  );
  return { run, reportsDir };
}

test(`a run with QOMON_TOKEN_BUDGET=${TOO_SMALL} stops before any request with one line giving the minimum`, async () => {
  test.setTimeout(120_000);
  const { run } = startBudgetedRun(TOO_SMALL);
  try {
    const finished = await run.finished;
    expect(finished.code, 'a budget below phase 1 is a configuration error (exit 2)').toBe(2);
    expect(finished.stderr.trim(), 'one line that gives the minimum').toMatch(
      /^configuration error: QOMON_TOKEN_BUDGET=100 is below what phase 1 costs: set it to at least \d+ tokens to give every rule a verdict [^\n]*$/,
    );
  } finally {
    stopIfRunning(run);
  }
});

test(`a run with QOMON_TOKEN_BUDGET=${BUDGET} against the mock ends green, every rule judged, skipping what the plan leaves out`, async () => {
  test.setTimeout(180_000);
  const { run, reportsDir } = startBudgetedRun(BUDGET);
  try {
    const finished = await run.finished;
    expect(finished.code, `the run ends green (exit 0)\n${finished.stderr.slice(-2_000)}`).toBe(0);

    const tests = (JSON.parse(finished.stdout) as JSONReport).suites.flatMap(testsOf);
    const results = tests.map((one) => one.results.at(-1));
    const annotationsOf = (index: number) => results[index]?.annotations ?? [];
    const budgetSkipped = tests.filter((_, index) =>
      annotationsOf(index).some((annotation) => annotation.type === 'budget'),
    );
    expect(
      tests.filter((one) => one.status === 'unexpected'),
      'no test fails for lack of tokens',
    ).toEqual([]);
    expect(budgetSkipped.length, 'some tests are skipped for the budget').toBeGreaterThan(0);
    for (const skipped of budgetSkipped) {
      const skip = skipped.results.at(-1)?.annotations.find((annotation) => annotation.type === 'skip');
      expect(skip?.description, 'the skip reason names the plan, the phase and the priority').toMatch(
        /^not in the plan at QOMON_TOKEN_BUDGET=500: phase 2, priority \d+, /,
      );
    }
    const judged = new Set(
      (JSON.parse(finished.stdout) as JSONReport).suites
        .flatMap(specsOf)
        .filter((spec) => spec.tests.some((one) => one.status === 'expected'))
        .flatMap((spec) => spec.tags.filter((tag) => /^[A-Z]{3}-\d{2}$/.test(tag))),
    );
    expect(
      [...RULE_IDS].filter((id) => !judged.has(id)),
      'phase 1 gives every rule a verdict',
    ).toEqual([]);

    const spent = results
      .flatMap((result) => result?.annotations ?? [])
      .filter((annotation) => annotation.type === SPEND_ANNOTATION)
      .reduce((sum, annotation) => sum + parseSpend(annotation.description).tokens, 0);
    expect(spent, `the tests' own requests cost at most the budget (${spent} tokens)`).toBeLessThanOrEqual(BUDGET);

    const ledgers = readdirSync(path.join(reportsDir, 'token-ledger'));
    expect(ledgers, 'one ledger for the whole run, shared by its workers').toHaveLength(1);
    const reserved = new TokenBudget(BUDGET, path.join(reportsDir, 'token-ledger', ledgers[0] as string)).spent();
    expect(
      reserved,
      `the ledger reserved at most the budget (${reserved} tokens), form discovery included`,
    ).toBeLessThanOrEqual(BUDGET);
  } finally {
    stopIfRunning(run);
  }
});

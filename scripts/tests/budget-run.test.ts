/**
 * A whole run against the embedded mock with QOMON_TOKEN_BUDGET=100 (20 POSTs or PATCHes): it ends
 * green, the tests the budget cannot pay for are skipped saying "token budget exhausted" with a
 * `budget` annotation for the reports, and the run spends no more than its budget.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { JSONReport, JSONReportSuite, JSONReportTest } from '@playwright/test/reporter';
import { TokenBudget } from '../../specs/request-path/budget';
import { parseSpend, SPEND_ANNOTATION } from '../../specs/request-path/spend';
import { cleanEnv, privateReportsDir, startPlaywright, stopIfRunning } from './processes';

const BUDGET = 100;
/** Two workers: most tests end at their first request, and each worker process costs a start-up. */
const WORKERS = 2;

function testsOf(suite: JSONReportSuite): JSONReportTest[] {
  return [...(suite.specs ?? []).flatMap((spec) => spec.tests), ...(suite.suites ?? []).flatMap(testsOf)];
}

test(`a run with QOMON_TOKEN_BUDGET=${BUDGET} against the mock ends green, skipping what the budget cannot pay for`, async () => {
  test.setTimeout(180_000);
  const reportsDir = privateReportsDir('reports');
  const run = startPlaywright(
    ['--project=conformance', '--reporter=json'],
    cleanEnv({ QOMON_TOKEN_BUDGET: String(BUDGET), REPORTS_DIR: reportsDir, PW_WORKERS: String(WORKERS) }),
  );
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
      expect(skip?.description, 'the skip reason says the budget is exhausted, and by how much').toMatch(
        /^token budget exhausted: .+ needs \d+ tokens.*, and \d+ of the (90|100) it may draw on are spent \(QOMON_TOKEN_BUDGET=100(; 10 kept for the rate-limit checks, which run last)?\)$/,
      );
    }
    expect(
      tests.filter((one) => one.status === 'expected').length,
      'the budget still paid for some tests',
    ).toBeGreaterThan(0);

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

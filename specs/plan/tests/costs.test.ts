/**
 * The cost table prices every test a run can plan, and nothing else: a test missing from
 * specs/plan/costs.json is planned at a guess (UNKNOWN_TEST_COST), and a key of a test that is gone
 * is a price nobody reads. Test titles do not depend on the run's seed, so the keys hold every night.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { JSONReport } from '@playwright/test/reporter';
import { testsOf } from '../list-tests';
import { costKey } from '../plan';
import { loadCosts } from '../setup';

test('specs/plan/costs.json has a measured price for every planned test, and none for a test that is gone', () => {
  test.setTimeout(120_000);
  const output = execFileSync(
    process.execPath,
    [
      require.resolve('@playwright/test/cli'),
      'test',
      '--list',
      '--reporter=json',
      '--project=conformance',
      '--project=rate-limit',
    ],
    {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: '', QOMON_BASE_URL: '' },
    },
  );
  const listed = new Set(testsOf(JSON.parse(output) as JSONReport, 1).map(costKey));
  const priced = new Set(Object.keys(loadCosts()));
  const fix = 'run `npm run bench -- --write-costs` and commit specs/plan/costs.json';
  expect(
    [...listed].filter((key) => !priced.has(key)),
    `tests without a price: ${fix}`,
  ).toEqual([]);
  expect(
    [...priced].filter((key) => !listed.has(key)),
    `prices of tests that are gone: ${fix}`,
  ).toEqual([]);
});

/**
 * The GitHub workflows are valid (action-validator, offline, against GitHub's workflow schema) and
 * do what the README says: CI runs `npm test` on every push and pull request; the nightly runs the
 * suite against staging from repository secrets, sharded, merges the shards' blob reports, sweeps
 * leftovers and keeps the reports as artifacts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPOSITORY } from './processes';

const WORKFLOWS = path.join(REPOSITORY, '.github', 'workflows');
const VALIDATOR = require.resolve('@action-validator/cli/cli.mjs');

function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const read = (name: string) => readFileSync(path.join(WORKFLOWS, name), 'utf8');

for (const name of readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file))) {
  test(`${name} validates against GitHub's workflow schema`, () => {
    const { status, output } = validate(path.join(WORKFLOWS, name));
    expect(status, `action-validator accepts ${name}\n${output}`).toBe(0);
  });
}

test('the validator rejects a broken workflow (positive control: it does validate, offline)', () => {
  const broken = test.info().outputPath('broken.yml');
  writeFileSync(
    broken,
    'name: broken\non: [pushh]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step:\n      - run: echo\n',
  );
  expect(validate(broken).status, 'an unknown event and a misspelt key are refused').not.toBe(0);
});

test('CI runs npm test on every push and pull request', () => {
  const ci = read('ci.yml');
  expect(ci, 'triggered by pushes').toMatch(/^ {2}push:/m);
  expect(ci, 'triggered by pull requests').toMatch(/^ {2}pull_request:/m);
  expect(ci, 'runs the README test command').toMatch(/run: npm test$/m);
});

test('the nightly maps every variable of a run to a repository secret of the same name', () => {
  const nightly = read('nightly.yml');
  for (const variable of [
    'QOMON_BASE_URL',
    'QOMON_TOKEN',
    'QOMON_TOKEN_OTHER_SPACE',
    'QOMON_ALLOWED_HOSTS',
    'QOMON_RATE_TOKEN',
    'QOMON_RATE_CAPACITY',
  ]) {
    expect(nightly, `${variable} comes from the secret ${variable}`).toContain(
      `${variable}: \${{ secrets.${variable} }}`,
    );
  }
  expect(nightly, 'the token budget comes from its secret, then is split between the jobs').toContain(
    'NIGHTLY_TOKEN_BUDGET: ${{ secrets.QOMON_TOKEN_BUDGET }}',
  );
});

test('the nightly runs on a schedule and on demand, sharded into blob reports merged into one HTML report', () => {
  const nightly = read('nightly.yml');
  expect(nightly, 'scheduled').toMatch(/^ {2}schedule:\n {4}- cron: '[^']+'$/m);
  expect(nightly, 'runnable by hand').toMatch(/^ {2}workflow_dispatch:/m);
  const shards = nightly.match(/^ {8}shard: \[([\d, ]+)\]$/m)?.[1]?.split(',').length;
  expect(Number(nightly.match(/^ {2}SHARDS: (\d+)$/m)?.[1]), 'SHARDS equals the length of the shard matrix').toBe(
    shards,
  );
  expect(nightly, 'each shard runs its part into a blob report').toContain(
    '--shard=${{ matrix.shard }}/${{ env.SHARDS }} --reporter=blob',
  );
  expect(nightly, 'the blob reports are merged').toContain(
    'npx playwright merge-reports --config playwright.config.ts all-blob-reports',
  );
  expect(nightly, 'every job sweeps what it could not delete').toMatch(/run: npm run sweep/);
  expect(nightly, 'the Allure report is built').toContain('run: npm run report');
  for (const artifact of ['playwright-report', 'conformance-matrix', 'allure-report']) {
    expect(nightly, `the ${artifact} is kept as an artifact`).toContain(`name: ${artifact}`);
  }
});

test('the nightly draws a new seed each night, shows it, and gives every job the same one (issue 14)', () => {
  const nightly = read('nightly.yml');
  expect(nightly, 'a job draws the seed from /dev/urandom unless one is given').toMatch(
    /seed="\$\{GIVEN_SEED:-.*urandom/,
  );
  expect(nightly, 'the seed is shown in the run summary').toContain('FC_SEED=$seed\\`" >> "$GITHUB_STEP_SUMMARY"');
  const jobsWithSeed = nightly.match(/^ {6}FC_SEED: \$\{\{ needs\.seed\.outputs\.seed \}\}$/gm) ?? [];
  expect(jobsWithSeed.length, 'the shards, the rate-limit job and the merged report all get FC_SEED').toBe(3);
});

test('every action is pinned by a full commit SHA, with its version in a comment', () => {
  for (const name of readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file))) {
    const uses = read(name).match(/^\s*(?:- )?uses: .+$/gm) ?? [];
    expect(uses.length, `${name} uses actions`).toBeGreaterThan(0);
    for (const line of uses) {
      expect(line, `${name}: a tag can be moved to other code; pin the SHA and say the version`).toMatch(
        /uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/,
      );
    }
  }
});

test('a failing nightly opens or updates one issue with the matrix and the rerun commands, and shows the JUnit results', () => {
  const nightly = read('nightly.yml');
  expect(nightly, 'the report job may write issues, with the workflow token').toMatch(/^ {6}issues: write$/m);
  expect(nightly, 'the issue step runs when a shard or the rate-limit job failed').toContain(
    "needs.conformance.result == 'failure' || needs.rate-limit.result == 'failure'",
  );
  expect(nightly, 'an open issue is updated, not duplicated').toContain('gh issue edit "$number" --body-file');
  expect(nightly, 'else one is opened').toContain('gh issue create --title "$title" --body-file');
  expect(nightly, 'with the matrix and the rerun commands').toContain('cat reports/conformance.md reports/reruns.md');
  expect(nightly, 'the JUnit results go to the run summary').toContain(
    'scripts/junit-summary.ts reports/junit.xml >> "$GITHUB_STEP_SUMMARY"',
  );
});

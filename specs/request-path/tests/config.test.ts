/**
 * The environment of a run (CONTRACT.md section 1) is validated before any request: each mistake
 * stops the run with one line that names the variable and what to set.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ConfigError, DEFAULT_LIVE_TOKEN_BUDGET, parseRunConfig } from '../config';

const LIVE = { QOMON_BASE_URL: 'http://127.0.0.1:9/', QOMON_TOKEN: 'live-token' };

// Each row: an environment and the variable its error must name.
const MISTAKES: [Record<string, string>, string][] = [
  [{ QOMON_BASE_URL: 'not-a-url' }, 'QOMON_BASE_URL'],
  [{ QOMON_BASE_URL: 'ftp://127.0.0.1/' }, 'QOMON_BASE_URL'],
  [{ QOMON_BASE_URL: 'http://user:secret@127.0.0.1/' }, 'QOMON_BASE_URL'],
  [{ QOMON_BASE_URL: 'http://127.0.0.1:9/' }, 'QOMON_TOKEN'],
  [{ ...LIVE, QOMON_BASE_URL: 'https://staging.example.org/' }, 'QOMON_ALLOWED_HOSTS'], // not loopback, not allowed
  [{ QOMON_ENTRY_READING: 'both' }, 'QOMON_ENTRY_READING'],
  [{ QOMON_TOKEN_BUDGET: '1e3' }, 'QOMON_TOKEN_BUDGET'],
  [{ QOMON_TOKEN_BUDGET: '-5' }, 'QOMON_TOKEN_BUDGET'],
  [{ QOMON_RATE_CAPACITY: 'forty' }, 'QOMON_RATE_CAPACITY'],
  [{ FC_NUM_RUNS: '0' }, 'FC_NUM_RUNS'],
  [{ FC_SEED: 'abc' }, 'FC_SEED'],
  [{ FC_PATH: '1:2' }, 'FC_SEED'], // a path replays nothing without its seed
  [{ QOMON_ALLOWED_HOSTS: 'https://staging.example.org' }, 'QOMON_ALLOWED_HOSTS'],
];

for (const [env, variable] of MISTAKES) {
  test(`${JSON.stringify(env)} is refused with a message naming ${variable}`, () => {
    expect(() => parseRunConfig(env), `the error names ${variable}`).toThrow(ConfigError);
    expect(() => parseRunConfig(env), `the error names ${variable}`).toThrow(variable);
  });
}

test('no variable at all targets the embedded mock with its own tokens and an unlimited budget', () => {
  const run = parseRunConfig({});
  expect(run.target, 'unset QOMON_BASE_URL means the mock').toEqual({ kind: 'mock', variant: 'reference' });
  expect(run.tokenBudget, 'unlimited on the mock').toBe(Number.POSITIVE_INFINITY);
  expect(run.entryReading, 'replace is the default reading').toBe('replace');
  expect(run.rateToken && run.otherSpaceToken, 'the mock has a second space and a small-bucket token').toBeTruthy();
});

test('a loopback live target needs no allow-list and spends at most 2000 tokens by default', () => {
  const run = parseRunConfig(LIVE);
  expect(run.target, 'loopback is always allowed').toMatchObject({ kind: 'live', host: '127.0.0.1' });
  expect(run.tokenBudget, 'CONTRACT.md: 2000 on a live target').toBe(DEFAULT_LIVE_TOKEN_BUDGET);
  expect(run.otherSpaceToken, 'no second space unless given').toBeUndefined();
});

test('a host listed in QOMON_ALLOWED_HOSTS may be written to, without any request being made to check it', () => {
  const run = parseRunConfig({
    ...LIVE,
    QOMON_BASE_URL: 'https://Staging.Example.org/api',
    QOMON_ALLOWED_HOSTS: 'other.test, staging.example.org',
  });
  expect(run.target, 'the allow-list is compared case-insensitively').toMatchObject({
    kind: 'live',
    host: 'staging.example.org',
    baseURL: 'https://staging.example.org/api/',
  });
});

test('npm run conformance with a malformed QOMON_BASE_URL stops with one line naming it, before Playwright starts', () => {
  const result = spawnSync('npm', ['run', '-s', 'conformance'], {
    cwd: path.resolve(__dirname, '../../..'),
    env: { ...process.env, QOMON_BASE_URL: 'not-a-url' },
    encoding: 'utf8',
  });
  expect(result.status, 'the run stops with exit code 2').toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, 'one line on stderr').toHaveLength(1);
  expect(lines[0], 'the line names the variable and what to set').toMatch(
    /^configuration error: QOMON_BASE_URL="not-a-url" is not a URL: set it to/,
  );
  expect(result.stdout, 'Playwright never started: nothing ran').not.toContain('Running');
});

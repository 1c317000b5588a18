import { defineConfig } from '@playwright/test';
import { loadRunConfigOrExit } from './specs/request-path/config';
import { randomSeed } from './specs/support/inputs/seed';
import { planTheRun } from './specs/plan/setup';

// A wrong configuration stops the run at once, with one line that says what to fix; so does a token
// budget below what phase 1 of the plan costs. With a budget, the plan is printed here, before any request.
const run = loadRunConfigOrExit((config) => void planTheRun(config));

// The run's seed, decided once: FC_SEED when given (environment or .env), else drawn here. Workers
// evaluate this file again with the main process's environment, where it is then set, so every
// worker, every test's draws and the reporters' summary see the same value; FC_SEED=<it> replays.
process.env.FC_SEED = String(run.fastCheck.seed ?? randomSeed());

/** The projects named on the command line (`--project=unit`, `--project unit`); empty: all of them. */
function selectedProjects(argv: readonly string[]): string[] {
  return argv.flatMap((arg, index) =>
    arg.startsWith('--project=')
      ? [arg.slice('--project='.length)]
      : arg === '--project'
        ? [argv[index + 1] ?? '']
        : [],
  );
}
const projects = selectedProjects(process.argv);

/**
 * Where a run writes its reports; a second run in parallel (the self-check) points it elsewhere.
 * A run of the unit tests alone writes into reports/unit, so that it never replaces the reports of
 * a conformance run (one run per reports folder). The workers evaluate this file again without the
 * command line: the environment carries the choice to them.
 */
const reportsDir =
  process.env.REPORTS_DIR ||
  (projects.length > 0 && projects.every((name) => name === 'unit') ? 'reports/unit' : 'reports');
process.env.REPORTS_DIR = reportsDir;
const mockVariant = run.target.kind === 'mock' ? run.target.variant : undefined;

/**
 * The mock prints its port when it listens on a free one; Playwright puts the named group in
 * process.env.MOCK_PORT, and the workers, which evaluate this file again, build baseURL from it.
 */
const baseURL = run.target.kind === 'live' ? run.target.baseURL : `http://127.0.0.1:${process.env.MOCK_PORT ?? '0'}/`;

export default defineConfig({
  testDir: '.',
  outputDir: `${reportsDir}/test-results`,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // An assertion is never retried: a flaky contract answer is a finding, not noise.
  retries: 0,
  // API tests wait on the network, not on the CPU: more workers than cores pay off.
  workers: run.workers,
  timeout: 30_000,
  // One GET before the first test: a target that is down or refuses the token stops the run at once.
  globalSetup: './scripts/preflight.ts',
  reporter: [
    ['list'],
    ['html', { outputFolder: `${reportsDir}/html`, open: 'never' }],
    ['junit', { outputFile: `${reportsDir}/junit.xml` }],
    ['./scripts/reporters/allure-reporter.ts', { resultsDir: `${reportsDir}/allure-results` }],
    // Last, so that its summary line is the run's last line.
    ['./scripts/reporters/conformance-reporter.ts', { outputDir: reportsDir }],
  ],
  use: { baseURL, trace: 'off' },
  webServer:
    mockVariant !== undefined
      ? {
          command: 'node --import tsx mock/http/cli.ts --port 0',
          wait: { stdout: /mock listening on http:\/\/127\.0\.0\.1:(?<mock_port>\d+)/ },
          env: {
            MOCK_TOKEN: run.token,
            MOCK_TOKEN_OTHER_SPACE: run.otherSpaceToken ?? '',
            MOCK_RATE_TOKEN: run.rateToken ?? '',
            MOCK_RATE_CAPACITY: String(run.rateCapacity ?? ''),
            MOCK_VARIANT: mockVariant,
          },
          reuseExistingServer: false,
          stdout: 'ignore',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
        }
      : undefined,
  projects: [
    // The project's own unit tests: the mock, the schemas, the support code.
    { name: 'unit', testMatch: '**/*.test.ts' },
    // The conformance suite: every rule of CONTRACT.md section 3, and the model-based properties.
    {
      name: 'conformance',
      testMatch: ['specs/**/*.spec.ts', 'properties/**/*.property.spec.ts'],
      testIgnore: ['specs/rate-limit/**'],
      teardown: 'rate-limit',
    },
    // RAT-01 and RAT-02 spend a bucket: they run after everything else so they starve nothing.
    { name: 'rate-limit', testMatch: 'specs/rate-limit/**/*.spec.ts', fullyParallel: false },
  ],
});

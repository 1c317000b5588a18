/**
 * `npm run prerelease`: the maintainers' check of a release candidate. One unsharded run of the
 * whole suite (the rate-limit checks last) against QOMON_BASE_URL with the full token budget, then
 * the sweep of anything it could not delete, then where the conformance matrix is.
 *
 *   QOMON_BASE_URL=https://rc.example.qomon.app QOMON_ALLOWED_HOSTS=rc.example.qomon.app \
 *   QOMON_TOKEN=… QOMON_TOKEN_OTHER_SPACE=… QOMON_TOKEN_BUDGET=2000 npm run prerelease
 *
 * Exit status: the run's (0 when every MUST rule holds), else the sweep's, 2 for a configuration error.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadRunConfigOrExit, type RunConfig } from '../specs/request-path/config';
import { reportsDir } from '../specs/request-path/run';

const REPOSITORY = path.resolve(__dirname, '..');

/** A pre-release run checks a release candidate: the embedded mock is not one. */
function requireLiveTarget(config: RunConfig): void {
  if (config.target.kind === 'mock') {
    throw new ConfigError(
      "QOMON_BASE_URL is unset: a pre-release run checks a release candidate; set it to the candidate's API root (and QOMON_ALLOWED_HOSTS to its host)",
    );
  }
}

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: REPOSITORY, stdio: 'inherit' }).status ?? 1;
}

const config = loadRunConfigOrExit(requireLiveTarget);
const reports = reportsDir();
const target = config.target.kind === 'live' ? config.target.baseURL : 'the embedded mock';
process.stdout.write(
  `prerelease: the whole suite against ${target}, at most ${config.tokenBudget} tokens, reports in ${reports}\n`,
);

const suite = run(process.execPath, [require.resolve('@playwright/test/cli'), 'test', '--project=conformance']);
const sweep = run(process.execPath, ['--import', 'tsx', path.join('scripts', 'sweep.ts')]);

process.stdout.write(
  [
    `prerelease: conformance matrix ${path.join(reports, 'conformance.md')} (and conformance.html beside it)`,
    `prerelease: HTML report ${path.join(reports, 'html', 'index.html')} (npx playwright show-report ${path.join(reports, 'html')})`,
    `prerelease: Allure report: npm run report, then ${path.join(reports, 'allure-report', 'index.html')}`,
    '',
  ].join('\n'),
);
process.exit(suite !== 0 ? suite : sweep);

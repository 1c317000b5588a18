/**
 * One Playwright run of the conformance suite against the embedded mock, in a directory of its
 * own (REPORTS_DIR), with the JSON reporter writing to a file there; the console output goes to a
 * log file beside it. Nothing is printed: the self-check reports.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonReport, type ReadReport } from './json-report';

export interface PlaywrightRun {
  /** The directory of the run: REPORTS_DIR, results.json and playwright.log. */
  readonly dir: string;
  /** Arguments after `playwright test`. */
  readonly args: readonly string[];
  /** The mock's fault (MOCK_FAULT); undefined: the reference. */
  readonly fault: string | undefined;
  readonly workers: number;
  readonly timeoutMs: number;
}

export interface PlaywrightOutcome extends ReadReport {
  readonly seconds: number;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** The command line, to reproduce the run by hand. */
  readonly command: string;
}

const ROOT = path.resolve(__dirname, '../..');
const PLAYWRIGHT_CLI = require.resolve('@playwright/test/cli');

/** Process groups of the runs in progress, so that an interrupted self-check stops them all. */
const running = new Set<number>();

/** Playwright stops its workers and the mock it started on SIGTERM; what is left after this is killed. */
const GRACE_MS = 5_000;

/** Stops every run in progress, and resolves once they had their grace period. */
export async function stopEveryRun(): Promise<void> {
  const groups = [...running];
  for (const group of groups) signal(group, 'SIGTERM');
  if (groups.length > 0) await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
  for (const group of groups) signal(group, 'SIGKILL');
}

function stop(group: number | undefined): void {
  if (group === undefined) return;
  signal(group, 'SIGTERM');
  setTimeout(() => signal(group, 'SIGKILL'), GRACE_MS).unref();
}

function signal(group: number, name: NodeJS.Signals): void {
  try {
    process.kill(-group, name);
  } catch {
    // already gone
  }
}

/** The environment of a run: always the embedded mock, reference variant, with or without a fault. */
function environmentOf(run: PlaywrightRun, resultsFile: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    QOMON_BASE_URL: '',
    MOCK_VARIANT: 'reference',
    MOCK_FAULT: run.fault ?? '',
    REPORTS_DIR: run.dir,
    PLAYWRIGHT_JSON_OUTPUT_FILE: resultsFile,
    PW_WORKERS: String(run.workers),
    // Colours would end up in the log and in error messages.
    FORCE_COLOR: '0',
  };
}

export function reproduction(run: PlaywrightRun): string {
  const relative = path.relative(ROOT, run.dir);
  const reportsDir = relative.startsWith('..') ? run.dir : relative;
  const variables = `QOMON_BASE_URL= MOCK_VARIANT=reference${run.fault === undefined ? '' : ` MOCK_FAULT=${run.fault}`} PW_WORKERS=${run.workers} REPORTS_DIR=${reportsDir}`;
  return `${variables} npx playwright test ${run.args.map((arg) => (/[^\w@%+=:,./-]/.test(arg) ? `'${arg}'` : arg)).join(' ')}`;
}

export function runPlaywright(run: PlaywrightRun): Promise<PlaywrightOutcome> {
  mkdirSync(run.dir, { recursive: true });
  const resultsFile = path.join(run.dir, 'results.json');
  const log = createWriteStream(path.join(run.dir, 'playwright.log'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [PLAYWRIGHT_CLI, 'test', ...run.args, '--reporter=json'], {
    cwd: ROOT,
    env: environmentOf(run, resultsFile),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a run past its time is stopped with its workers and its mock.
    detached: true,
  });
  if (child.pid !== undefined) running.add(child.pid);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop(child.pid);
  }, run.timeoutMs);

  return new Promise((resolve) => {
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      if (child.pid !== undefined) running.delete(child.pid);
      log.end();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const report = existsSync(resultsFile)
        ? readJsonReport(JSON.parse(readFileSync(resultsFile, 'utf8')) as unknown)
        : {
            outcomes: [],
            errors: [
              `no JSON report was written (exit status ${exitCode}); see ${path.join(run.dir, 'playwright.log')}`,
            ],
          };
      const errors = timedOut ? [...report.errors, `stopped after ${run.timeoutMs / 1000} s`] : report.errors;
      resolve({ ...report, errors, seconds, exitCode, timedOut, command: reproduction(run) });
    });
  });
}

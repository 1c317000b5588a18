/**
 * Whole runs and scripts started from a test, the way a maintainer or CI starts them: each gets a
 * clean environment (no variable of the outer run leaks in, and a developer's `.env` cannot fill a
 * gap, because every QOMON_* variable is set, empty unless given) and a private REPORTS_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test } from '@playwright/test';

export const REPOSITORY = path.resolve(__dirname, '..', '..');
const PLAYWRIGHT_CLI = require.resolve('@playwright/test/cli');

/** Every variable of a run (CONTRACT.md section 1), set empty so that `.env` cannot supply it. */
const RUN_VARIABLES = [
  'QOMON_BASE_URL',
  'QOMON_TOKEN',
  'QOMON_TOKEN_OTHER_SPACE',
  'QOMON_TOKEN_BUDGET',
  'QOMON_ALLOWED_HOSTS',
  'QOMON_ENTRY_READING',
  'QOMON_RATE_CAPACITY',
  'QOMON_RATE_TOKEN',
  'FC_NUM_RUNS',
  'FC_SEED',
  'FC_PATH',
  'FC_REPLAY_PATH',
];

/** Variables the outer run set for itself (its run id, its mock's port, its worker's index) stay out. */
function isOuterRunVariable(name: string): boolean {
  return /^(QOMON_|MOCK_|FC_|TEST_|PW_|PLAYWRIGHT_)/.test(name) || ['REPORTS_DIR', 'NODE_OPTIONS', 'CI'].includes(name);
}

/**
 * A REPORTS_DIR of the calling test's own, inside its output directory: what a nested run writes
 * stays beside the test that made it (handy when it fails), and the next run clears it.
 */
export function privateReportsDir(label: string): string {
  return test.info().outputPath(label);
}

export function cleanEnv(overrides: Record<string, string>): Record<string, string> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !isOuterRunVariable(entry[0]),
    ),
  );
  return { ...inherited, ...Object.fromEntries(RUN_VARIABLES.map((name) => [name, ''])), ...overrides };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  finished: Promise<Finished>;
  output(): string;
}

/** Starts `node <args>` in the repository, in a process group of its own so that a signal reaches all of it, as Ctrl-C does. */
export function startNode(args: readonly string[], env: Record<string, string>, cwd = REPOSITORY): Started {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, finished, output: () => stdout + stderr };
}

export function startPlaywright(args: readonly string[], env: Record<string, string>): Started {
  return startNode([PLAYWRIGHT_CLI, 'test', ...args], env);
}

export function startSweep(env: Record<string, string>): Started {
  return startNode(['--import', 'tsx', 'scripts/sweep.ts'], env);
}

/** Sends `signal` to the whole process group of a child started here (by its id, never by name). */
export function signalGroup(started: Started, signal: NodeJS.Signals): void {
  if (started.child.pid !== undefined) process.kill(-started.child.pid, signal);
}

/** Ends a child group that a failed or timed-out test left running. */
export function stopIfRunning(started: Started): void {
  if (started.child.exitCode === null && started.child.signalCode === null) {
    try {
      signalGroup(started, 'SIGKILL');
    } catch {
      // already gone between the check and the signal
    }
  }
}

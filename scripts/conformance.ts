/**
 * `npm run conformance`: one process from the configuration check to Playwright's exit, so that a
 * signal sent to npm (Ctrl-C, a CI runner's SIGTERM) reaches the run: `sh -c "a && b"` would not
 * pass it on. In order: the configuration check (one line and exit 2 on a mistake); on a live
 * target the pre-flight (one line and exit 2 when it is down or refuses the token: seconds, before
 * Playwright even loads); then `playwright test --project=conformance` with the arguments given,
 * every SIGINT, SIGTERM and SIGHUP passed on to it, and its exit status as ours.
 */
import { spawn } from 'node:child_process';
import { loadRunConfigOrExit } from '../specs/request-path/config';
import { EXIT_PREFLIGHT_FAILED, PREFLIGHT_DONE, preflight } from '../specs/request-path/preflight';
import { RUN_ID } from '../specs/request-path/run';

async function main(): Promise<void> {
  const config = loadRunConfigOrExit();
  if (config.target.kind === 'live') {
    const failure = await preflight(config, config.target.baseURL);
    if (failure !== undefined) {
      process.stderr.write(`pre-flight: ${failure}\n`);
      process.exit(EXIT_PREFLIGHT_FAILED);
    }
    process.env[PREFLIGHT_DONE] = RUN_ID;
  }
  const child = spawn(
    process.execPath,
    [require.resolve('@playwright/test/cli'), 'test', '--project=conformance', ...process.argv.slice(2)],
    { stdio: 'inherit', env: process.env },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

void main();

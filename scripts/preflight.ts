/**
 * Playwright's globalSetup: the pre-flight (specs/request-path/preflight.ts) runs once, after the
 * embedded mock is up and before the first test. A failure prints its one line and exits 2: no
 * test runs, so no report claims a rule failure.
 */
import { loadRunConfig } from '../specs/request-path/config';
import { EXIT_PREFLIGHT_FAILED, PREFLIGHT_DONE, preflight } from '../specs/request-path/preflight';
import { RUN_ID } from '../specs/request-path/run';

export default async function globalSetup(): Promise<void> {
  // `npm run conformance` ran it already, before Playwright loaded (scripts/conformance.ts).
  if (process.env[PREFLIGHT_DONE] === RUN_ID) return;
  const config = loadRunConfig();
  const baseURL =
    config.target.kind === 'live' ? config.target.baseURL : `http://127.0.0.1:${process.env.MOCK_PORT ?? '0'}/`;
  const failure = await preflight(config, baseURL);
  if (failure === undefined) return;
  process.stderr.write(`pre-flight: ${failure}\n`);
  process.exit(EXIT_PREFLIGHT_FAILED);
}

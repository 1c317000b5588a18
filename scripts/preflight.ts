/**
 * Playwright's globalSetup: the pre-flight (specs/request-path/preflight.ts) runs once, after the
 * embedded mock is up and before the first test. A failure prints its one line and exits 2: no
 * test runs, so no report claims a rule failure. Then the plan of a budgeted run is printed.
 */
import { loadRunConfig } from '../specs/request-path/config';
import { EXIT_PREFLIGHT_FAILED, PREFLIGHT_DONE, preflight } from '../specs/request-path/preflight';
import { RUN_ID } from '../specs/request-path/run';
import { currentPlan, currentShard } from '../specs/plan/current';
import { describePlan } from '../specs/plan/plan';

export default async function globalSetup(): Promise<void> {
  // `npm run conformance` ran it already, before Playwright loaded (scripts/conformance.ts).
  if (process.env[PREFLIGHT_DONE] !== RUN_ID) {
    const config = loadRunConfig();
    const baseURL =
      config.target.kind === 'live' ? config.target.baseURL : `http://127.0.0.1:${process.env.MOCK_PORT ?? '0'}/`;
    const failure = await preflight(config, baseURL);
    if (failure !== undefined) {
      process.stderr.write(`pre-flight: ${failure}
`);
      process.exit(EXIT_PREFLIGHT_FAILED);
    }
  }
  // The plan was made with the configuration (specs/plan/setup.ts); it is shown once the target
  // answered, so that a target that is down gets its one line and nothing else.
  const plan = currentPlan();
  if (plan) process.stderr.write(`${describePlan(plan, currentShard()).join('\n')}\n`);
}

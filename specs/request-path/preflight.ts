/**
 * The pre-flight of a run (issue 11): before the first test, one form-discovery GET through the
 * request path, charged to the budget like any other, proves that the target answers and accepts
 * QOMON_TOKEN. A target that is down, stalls, redirects or refuses the token stops the run at once
 * with one line that says what to check, instead of 27 rules reported as failing after 0 requests.
 */
import { Api } from './api';
import type { RunConfig } from './config';
import { outsideTests, requestPathOf } from './request-path';
import { BudgetRefusal } from './traffic';
import { Transcript } from './transcript';
import { TransportError } from './wire';

/** Tells Playwright's globalSetup (scripts/preflight.ts) that this run's pre-flight passed already. */
export const PREFLIGHT_DONE = 'QOMON_PREFLIGHT_DONE';

/** Exit status of a run stopped by its pre-flight: the same as a wrong configuration, a thing to fix first. */
export const EXIT_PREFLIGHT_FAILED = 2;

/** The one line that says why the run cannot start, or undefined when it may. */
export async function preflight(config: RunConfig, baseURL: string): Promise<string | undefined> {
  // Not a test: the run-wide stop is for failures met mid-run.
  const requestPath = outsideTests(requestPathOf(config, { baseURL, stop: false }));
  const api = new Api(requestPath, new Transcript(requestPath.redactor), {
    kind: 'token',
    token: config.token,
    variable: 'QOMON_TOKEN',
  });
  try {
    const answer = await api.listForms('custom_fields');
    if (answer.status === 401 || answer.status === 403) {
      return `target refused QOMON_TOKEN: GET /v1/forms/type/custom_fields answered ${answer.status} on ${new URL(baseURL).host}: check that QOMON_TOKEN is a valid token of the space under test`;
    }
    return undefined;
  } catch (error) {
    if (error instanceof TransportError) return error.message;
    // A budget too small for even this GET: the tests skip, each saying so; the run is not broken.
    if (error instanceof BudgetRefusal) return undefined;
    throw error;
  }
}

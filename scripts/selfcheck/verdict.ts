/**
 * What the runs of one fault prove. A fault is caught when a test of its own rule failed; caught
 * only by tests of other rules, it is a warning (the suite notices, but its own rule's tests would
 * pass such a server); with no failing test it survived. A run that broke before testing anything
 * (a config error, a mock that did not start) proves nothing: an error.
 */
import type { TestOutcome } from './json-report';

export type Verdict = 'caught' | 'caught by other rules' | 'survived' | 'error';

export interface RunSummary {
  /** What the run selected: `own rule (specs)`, `own rule (properties)`, `whole suite`. */
  readonly scope: string;
  readonly command: string;
  readonly seconds: number;
  readonly testsRun: number;
  readonly failed: readonly TestOutcome[];
  readonly errors: readonly string[];
}

/** The rules whose tests failed in these runs, each once, in the order first seen. */
export function rulesThatFailed(runs: readonly RunSummary[]): string[] {
  return [...new Set(runs.flatMap((run) => run.failed.flatMap((outcome) => outcome.blamed)))];
}

export function verdictOf(rule: string, runs: readonly RunSummary[]): Verdict {
  const failedRules = rulesThatFailed(runs);
  if (failedRules.includes(rule)) return 'caught';
  if (failedRules.length > 0) return 'caught by other rules';
  return runs.some((run) => run.errors.length > 0) ? 'error' : 'survived';
}

/** Whether the reference run passed: it ran tests, none failed, and nothing broke. */
export function referencePassed(run: RunSummary): boolean {
  return run.testsRun > 0 && run.failed.length === 0 && run.errors.length === 0;
}

/** Whether the self-check as a whole fails: a red reference, a fault that survived, a broken run. */
export function selfCheckFails(reference: RunSummary, verdicts: readonly Verdict[]): boolean {
  return !referencePassed(reference) || verdicts.some((verdict) => verdict === 'survived' || verdict === 'error');
}

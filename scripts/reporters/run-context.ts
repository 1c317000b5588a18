/**
 * What the reporters say about the run as a whole: the target by name (never its token), the
 * configured reading, the fast-check seed, and a redactor for every token of the run, so that a
 * target echoing a token in an answer cannot carry it into a report.
 */
import { loadRunConfig, type RunConfig } from '../../specs/request-path/config';
import { Redactor } from '../../specs/request-path/transcript';

export interface RunContext {
  /** `embedded mock (reference)` or the live host. */
  target: string;
  configuredReading: string;
  seed?: number;
  redact(text: string): string;
}

export function targetName(config: RunConfig): string {
  return config.target.kind === 'mock' ? `embedded mock (${config.target.variant})` : config.target.host;
}

export function runContextOf(config: RunConfig): RunContext {
  const redactor = Redactor.forRun(config);
  return {
    target: targetName(config),
    configuredReading: config.entryReading,
    ...(config.fastCheck.seed === undefined ? {} : { seed: config.fastCheck.seed }),
    redact: (text) => redactor.redact(text),
  };
}

/** The context of this process's run; playwright.config.ts has already validated the environment. */
export function currentRunContext(): RunContext {
  return runContextOf(loadRunConfig());
}

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

/** `embedded mock (reference)`, `embedded mock (tolerant, fault radio-keeps-first-answer)`, or the live host. */
export function targetName(config: RunConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (config.target.kind === 'live') return config.target.host;
  // The mock reads MOCK_FAULT itself (mock/cli.ts); a run against a fault is not the reference.
  const fault = env.MOCK_FAULT?.trim();
  return `embedded mock (${config.target.variant}${fault ? `, fault ${fault}` : ''})`;
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

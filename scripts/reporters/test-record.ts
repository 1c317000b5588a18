/**
 * One Playwright test as the reports see it: its rules, how it ended and why, what it observed and
 * what it spent, every string redacted. Shared by the conformance matrix and the Allure labels.
 */
import type { TestCase } from '@playwright/test/reporter';
import { parseSpend, SPEND_ANNOTATION, type Spend } from '../../specs/request-path/spend';
import { parseSchemaBreak, SCHEMA_BREAK_ANNOTATION } from '../../specs/support/schema-breaks';
import { rulesOf, type TestRecord, type TestStatus } from './matrix';

/** The projects of the conformance suite (playwright.config.ts); `unit` is the project's own tests. */
export const CONFORMANCE_PROJECTS: readonly string[] = ['conformance', 'rate-limit'];

export function isConformanceTest(test: TestCase): boolean {
  return CONFORMANCE_PROJECTS.includes(test.parent.project()?.name ?? '');
}

export function annotationsOf(test: TestCase): { type: string; description?: string }[] {
  return test.results.at(-1)?.annotations ?? test.annotations;
}

function statusOf(test: TestCase): TestStatus {
  const outcome = test.outcome();
  // retries are 0 (playwright.config.ts), and a flaky contract answer is a finding, not noise.
  if (outcome === 'unexpected' || outcome === 'flaky') return 'failed';
  return outcome === 'skipped' ? 'skipped' : 'passed';
}

function firstLine(text: string): string {
  // Playwright colours its messages for terminals; reports are not terminals.
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '').replace(/^Error: /, '');
  const line = plain.split('\n').find((candidate) => candidate.trim() !== '') ?? plain;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line.trim();
}

function whyOf(test: TestCase, status: TestStatus): string | undefined {
  if (status === 'skipped') {
    return annotationsOf(test).find((annotation) => annotation.type === 'skip' || annotation.type === 'fixme')
      ?.description;
  }
  if (status === 'failed') {
    const error = test.results.at(-1)?.error;
    const message = error?.message ?? error?.value;
    return message === undefined ? 'failed' : firstLine(message);
  }
  return undefined;
}

/** What a test spent: the sum of its `requests` annotations (specs/request-path/spend.ts). */
export function spendIn(annotations: readonly { type: string; description?: string }[]): Spend {
  return annotations
    .filter((annotation) => annotation.type === SPEND_ANNOTATION)
    .map((annotation) => parseSpend(annotation.description))
    .reduce((sum, one) => ({ requests: sum.requests + one.requests, tokens: sum.tokens + one.tokens }), {
      requests: 0,
      tokens: 0,
    });
}

export function recordOf(test: TestCase, redact: (text: string) => string): TestRecord {
  const annotations = annotationsOf(test);
  const described = (type: string) =>
    annotations
      .filter((annotation) => annotation.type === type)
      .map((annotation) => redact(annotation.description ?? ''));
  const status = statusOf(test);
  const why = whyOf(test, status);
  const reading = described('reading')[0];
  // A property checks many rules; when it fails it names the one whose check broke (properties/runner.ts).
  const failedRules = described('failed-rule').flatMap((description) => rulesOf([], description));
  // Breaks of SCH-01..03 seen in answers: charged to those rules, not to the test's own (every-answer.ts).
  const schemaBreaks = annotations
    .filter((annotation) => annotation.type === SCHEMA_BREAK_ANNOTATION)
    .flatMap((annotation) => parseSchemaBreak(redact(annotation.description ?? '')) ?? []);
  const spend = spendIn(annotations);
  const figures = described('property-figures')[0];
  const propertyCommands = figures === undefined ? undefined : commandsOf(figures);
  return {
    title: redact(test.title),
    ruleIds: rulesOf(test.tags, test.title),
    status,
    ...(why === undefined ? {} : { why: redact(why) }),
    observations: described('observation'),
    ...(reading === undefined ? {} : { reading }),
    ...(status === 'failed' && failedRules.length > 0 ? { failedRules } : {}),
    ...(schemaBreaks.length > 0 ? { schemaBreaks } : {}),
    spend,
    ...(propertyCommands === undefined ? {} : { propertyCommands }),
  };
}

/** The commands a property sent, from its `property-figures` (properties/runner.ts); its PATCHes when it has no commands. */
function commandsOf(figures: string): number | undefined {
  try {
    const { commands, patches } = JSON.parse(figures) as { commands?: number; patches?: number };
    return commands || patches || 0;
  } catch {
    return undefined;
  }
}

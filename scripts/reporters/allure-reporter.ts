/**
 * allure-playwright, with two things the suite needs:
 * - `allure-results` starts empty on every run (it accumulates otherwise, and old runs show up as
 *   retries: TOOLCHAIN.md);
 * - each conformance test carries its rule's labels, doc link, the run's parameters and what it
 *   observed (allure-metadata.ts). They travel as one Allure runtime message added to the result
 *   here, in the reporter process, rather than as `@allure.label.*` annotations and runtime API
 *   calls in the tests: those would show up in Playwright's HTML report as four extra annotations
 *   and several "Allure Metadata" attachments on every test.
 * - the steps of each HTTP call (`pw:api`: a bare `GET`) and of fixtures leave the report: the
 *   transcript says the same with the whole request, and they were half of its steps;
 * - step titles are cut to their first line: an `expect` step is titled with its whole message,
 *   and the suite's messages carry the request and answer, so every passing assertion would copy
 *   a transcript into the report (issue 15: 15 MB). The failing step keeps its whole message.
 * Attachments (the redacted transcript of a failed test, a property's counterexample) pass
 * through unchanged; the rule book's `_exchange` of a passing test stays out of Allure.
 */
import { rmSync } from 'node:fs';
import type { FullConfig, Suite, TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import type { StepResult } from 'allure-js-commons';
import { ALLURE_RUNTIME_MESSAGE_CONTENT_TYPE } from 'allure-js-commons/sdk/reporter';
import { AllureReporter } from 'allure-playwright';
import { allureMetadataOf } from './allure-metadata';
import { currentRunContext, type RunContext } from './run-context';
import { EXCHANGE_ATTACHMENT } from './rule-book';
import { isConformanceTest, recordOf } from './test-record';

/** Longest step title kept: one line of a report's tree. */
export const STEP_TITLE_CHARS = 160;

export function shortStepTitle(title: string): string {
  const line = title.split('\n', 1)[0] ?? '';
  return line.length > STEP_TITLE_CHARS ? `${line.slice(0, STEP_TITLE_CHARS - 1)}…` : line;
}

/** Steps kept out of the report: HTTP calls, fixtures, and the rule book's exchange of a passing test. */
const LEFT_OUT_CATEGORIES = ['pw:api', 'fixture'];

function isLeftOut(step: TestStep): boolean {
  if (LEFT_OUT_CATEGORIES.includes(step.category)) return true;
  return step.category.endsWith('attach') && step.title.includes(EXCHANGE_ATTACHMENT);
}

/** What allure-playwright keeps private but a subclass needs to rename the step it just started. */
interface StepRenaming {
  pwStepUuid: Map<TestStep, string>;
  allureRuntime: { updateStep(uuid: string, update: (step: StepResult) => void): void };
}

export interface ConformanceAllureOptions {
  /** `<REPORTS_DIR>/allure-results` */
  resultsDir: string;
}

export default class ConformanceAllureReporter extends AllureReporter {
  private readonly resultsDir: string;
  private context: RunContext | undefined;

  constructor(options: ConformanceAllureOptions) {
    super({ resultsDir: options.resultsDir });
    this.resultsDir = options.resultsDir;
  }

  override onConfigure(config: FullConfig): void {
    // `playwright merge-reports` (the nightly) configures reporters before any project is known,
    // and allure-playwright reads projects[0] there; it only needs the config afterwards.
    if (config.projects.length > 0) super.onConfigure(config);
    else this.config = config;
  }

  override onBegin(suite: Suite): void {
    // Reporters run in the main process only, once per run: the one safe place to empty the folder.
    rmSync(this.resultsDir, { recursive: true, force: true });
    super.onBegin(suite);
  }

  override onStepBegin(test: TestCase, result: TestResult, step: TestStep): void {
    if (isLeftOut(step)) return;
    super.onStepBegin(test, result, step);
    const short = shortStepTitle(step.title);
    if (short === step.title) return;
    const self = this as unknown as StepRenaming;
    const uuid = self.pwStepUuid.get(step);
    if (uuid !== undefined) self.allureRuntime.updateStep(uuid, (started) => (started.name = short));
  }

  override onStepEnd(test: TestCase, result: TestResult, step: TestStep): void {
    if (!isLeftOut(step)) super.onStepEnd(test, result, step);
  }

  override async onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    if (!isConformanceTest(test)) return super.onTestEnd(test, result);
    const attachments = result.attachments.filter((attachment) => attachment.name !== EXCHANGE_ATTACHMENT);
    this.context ??= currentRunContext();
    const metadata = allureMetadataOf(recordOf(test, this.context.redact), test.tags, this.context);
    const message = {
      name: 'conformance metadata',
      contentType: ALLURE_RUNTIME_MESSAGE_CONTENT_TYPE,
      body: Buffer.from(JSON.stringify({ type: 'metadata', data: metadata })),
    };
    // A copy: the other reporters (HTML, JUnit) keep the result as the test left it.
    return super.onTestEnd(test, { ...result, attachments: [...attachments, message] });
  }
}

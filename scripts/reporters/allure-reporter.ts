/**
 * allure-playwright, with two things the suite needs:
 * - `allure-results` starts empty on every run (it accumulates otherwise, and old runs show up as
 *   retries: TOOLCHAIN.md);
 * - each conformance test carries its rule's labels, doc link, the run's parameters and what it
 *   observed (allure-metadata.ts). They travel as one Allure runtime message added to the result
 *   here, in the reporter process, rather than as `@allure.label.*` annotations and runtime API
 *   calls in the tests: those would show up in Playwright's HTML report as four extra annotations
 *   and several "Allure Metadata" attachments on every test.
 * Attachments (the redacted transcript of a failed test, a property's counterexample) pass
 * through unchanged.
 */
import { rmSync } from 'node:fs';
import type { FullConfig, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { ALLURE_RUNTIME_MESSAGE_CONTENT_TYPE } from 'allure-js-commons/sdk/reporter';
import { AllureReporter } from 'allure-playwright';
import { allureMetadataOf } from './allure-metadata';
import { currentRunContext, type RunContext } from './run-context';
import { isConformanceTest, recordOf } from './test-record';

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

  override async onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    if (!isConformanceTest(test)) return super.onTestEnd(test, result);
    this.context ??= currentRunContext();
    const metadata = allureMetadataOf(recordOf(test, this.context.redact), test.tags, this.context);
    const message = {
      name: 'conformance metadata',
      contentType: ALLURE_RUNTIME_MESSAGE_CONTENT_TYPE,
      body: Buffer.from(JSON.stringify({ type: 'metadata', data: metadata })),
    };
    // A copy: the other reporters (HTML, JUnit) keep the result as the test left it.
    return super.onTestEnd(test, { ...result, attachments: [...result.attachments, message] });
  }
}

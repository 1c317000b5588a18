/**
 * Writes the conformance matrix at the end of every run that ran conformance tests:
 * `<outputDir>/conformance.md` (for a release checklist) and `<outputDir>/conformance.html` (a
 * standalone page), and the rule book beside them (rule-book.ts). Prints, for each failing test,
 * the command that reruns it and its requests (reproduce.ts), then the run's summary line and the
 * paths of its reports (summary.ts). A run of the `unit` project alone writes and prints nothing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';
import { RunStop } from '../../specs/request-path/run-stop';
import { TRANSPORT_ERROR_PREFIX } from '../../specs/request-path/wire';
import { depthLines } from './depth';
import { buildMatrix, factsOf } from './matrix';
import { renderHtml } from './render-html';
import { renderMarkdown, summaryLine } from './render-markdown';
import { currentRunContext } from './run-context';
import { failureBlocks, RERUNS_FILE, rerunsMarkdown } from './reproduce';
import { buildRuleBook, RULE_BOOK_FILES, sampleOfTest, writeRuleBook, type TestSample } from './rule-book';
import { pathLines, reportPaths, seedPart, tallyTests, testsPart } from './summary';
import { isConformanceTest, recordOf } from './test-record';

/** What an earlier run left in the folder that this run would not overwrite: a report never mixes two runs. */
const STALE_REPORTS = [
  'conformance.md',
  'conformance.html',
  RERUNS_FILE,
  ...Object.values(RULE_BOOK_FILES),
  'allure-report',
];

export interface ConformanceReporterOptions {
  /** Where the matrix goes: the run's REPORTS_DIR. */
  outputDir: string;
}

export default class ConformanceReporter implements Reporter {
  private root: Suite | undefined;
  private config: FullConfig | undefined;
  /** Errors outside any test (a web server that did not start, a worker that crashed). */
  private runErrors = 0;

  constructor(private readonly options: ConformanceReporterOptions) {}

  onBegin(config: FullConfig, suite: Suite): void {
    this.root = suite;
    this.config = config;
    if (!suite.allTests().some(isConformanceTest)) return;
    for (const stale of STALE_REPORTS)
      rmSync(path.join(this.options.outputDir, stale), { recursive: true, force: true });
  }

  onError(_error: TestError): void {
    this.runErrors += 1;
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    const tests = (this.root?.allTests() ?? []).filter(isConformanceTest);
    // A unit-only run, a --list, or a run stopped before its first test: no matrix to write.
    if (!tests.some((test) => test.results.length > 0)) return undefined;
    const context = currentRunContext();
    // A target that could not be talked to stopped the run (run-stop.ts): an error of the run, so
    // the tests that met it are not judged, and the summary says so instead of listing rule failures.
    const stopped = RunStop.ofThisRun().reason();
    const records = tests
      .map((test) => recordOf(test, context.redact))
      .map((record) =>
        stopped && record.status === 'failed' && TRANSPORT_ERROR_PREFIX.test(record.why ?? '')
          ? { ...record, status: 'skipped' as const, why: `not judged: ${record.why}` }
          : record,
      );
    const rows = buildMatrix(records);
    const facts = factsOf(records, {
      target: context.target,
      ...(stopped ? { error: context.redact(stopped.message) } : {}),
      configuredReading: context.configuredReading,
      ...(context.seed === undefined ? {} : { seed: context.seed }),
      durationMs: result.duration,
      startedAt: result.startTime,
    });
    mkdirSync(this.options.outputDir, { recursive: true });
    writeFileSync(path.join(this.options.outputDir, 'conformance.md'), renderMarkdown(rows, facts, records));
    writeFileSync(path.join(this.options.outputDir, 'conformance.html'), renderHtml(rows, facts, records));
    const samples: TestSample[] = tests.flatMap((test, index) => {
      const sample = records[index]!.status === 'passed' ? sampleOfTest(test) : undefined;
      return sample === undefined ? [] : [{ title: records[index]!.title, ruleIds: records[index]!.ruleIds, sample }];
    });
    writeRuleBook(this.options.outputDir, buildRuleBook(rows, samples, facts));

    const root = this.config?.rootDir ?? process.cwd();
    const failed = tests.filter((test) => test.outcome() === 'unexpected');
    const rerun = { env: process.env, root, redact: context.redact };
    const failures = failureBlocks(failed, rerun);
    writeFileSync(path.join(this.options.outputDir, RERUNS_FILE), rerunsMarkdown(failed, rerun));
    if (failures !== '') process.stdout.write(`\n${failures}\n\n`);
    const tally = tallyTests(tests);
    const line = summaryLine(rows, facts, { tests: testsPart(tally, this.runErrors), seed: seedPart() });
    const paths = this.config === undefined ? '' : `${pathLines(reportPaths(this.config, this.options.outputDir))}\n`;
    process.stdout.write(`${[...depthLines(rows, records), line].join('\n')}\n${paths}`);
    // A schema break seen by a test of another rule leaves that test passed (every-answer.ts); the
    // run must still fail, since the SCH rule it breaks does.
    return result.status === 'passed' && records.some((record) => record.schemaBreaks !== undefined)
      ? { status: 'failed' }
      : undefined;
  }

  printsToStdio(): boolean {
    // Only the end of the run (failures to rerun, the summary line, the paths); `list` owns the rest.
    return false;
  }
}

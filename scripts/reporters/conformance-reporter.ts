/**
 * Writes the conformance matrix at the end of every run that ran conformance tests:
 * `<outputDir>/conformance.md` (for a release checklist) and `<outputDir>/conformance.html` (a
 * standalone page), and prints the run's one summary line. A run of the `unit` project alone
 * writes and prints nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite } from '@playwright/test/reporter';
import { RunStop } from '../../specs/request-path/run-stop';
import { TRANSPORT_ERROR_PREFIX } from '../../specs/request-path/wire';
import { depthLines } from './depth';
import { buildMatrix, factsOf } from './matrix';
import { renderHtml } from './render-html';
import { renderMarkdown, summaryLine } from './render-markdown';
import { currentRunContext } from './run-context';
import { isConformanceTest, recordOf } from './test-record';

export interface ConformanceReporterOptions {
  /** Where the matrix goes: the run's REPORTS_DIR. */
  outputDir: string;
}

export default class ConformanceReporter implements Reporter {
  private root: Suite | undefined;

  constructor(private readonly options: ConformanceReporterOptions) {}

  onBegin(_config: FullConfig, suite: Suite): void {
    this.root = suite;
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
    process.stdout.write(`${[...depthLines(rows, records), summaryLine(rows, facts)].join('\n')}\n`);
    // A schema break seen by a test of another rule leaves that test passed (every-answer.ts); the
    // run must still fail, since the SCH rule it breaks does.
    return result.status === 'passed' && records.some((record) => record.schemaBreaks !== undefined)
      ? { status: 'failed' }
      : undefined;
  }

  printsToStdio(): boolean {
    // One line at the end; the `list` reporter owns the rest of the terminal.
    return false;
  }
}

/**
 * The self-check: proves that the conformance suite catches every misimplementation of the fault
 * zoo (mock/faults/fault-table.ts). The suite runs against the reference mock, which must pass, and against the
 * mock playing each fault, where a test of the fault's own rule must fail.
 *
 *   npm run selfcheck                              # the reference and every fault
 *   npm run selfcheck -- --fault radio-keeps-first-answer --fault entry-id-recycled
 *   npm run selfcheck -- --full                    # every fault against the whole suite (a complete matrix; slower)
 *
 * The suite is listed once (`--list`) to learn which files hold each rule's tests. Then per fault,
 * cheapest first, each run loading only the files it needs and stopping at its first failure:
 *   1. the specs of its own rule (`--grep <rule>`; the rate-limit rules live in project rate-limit);
 *   2. if none failed, the properties that name the rule (they take longer);
 *   3. if none failed, the whole suite: another rule's failure is a warning, none at all a survivor.
 * Runs go SELFCHECK_PARALLEL at a time (default 2), the reference with PW_WORKERS workers (default
 * 2), a fault's runs with SELFCHECK_FAULT_WORKERS (default 1), each in a REPORTS_DIR of its own under
 * <REPORTS_DIR>/selfcheck/. Writes <REPORTS_DIR>/selfcheck.md and selfcheck.json; exits 1 when the
 * reference fails, a fault survives or a run breaks. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTRACT_RULES, CONTRACT_RULE_IDS } from '../mock/faults/contract-rule-ids';
import { FAULTS, type Fault } from '../mock/faults/fault-table';
import {
  faultLine,
  faultResult,
  markdownOf,
  percent,
  seconds,
  selfCheckReport,
  type FaultResult,
} from './selfcheck/report';
import { runPlaywright, stopEveryRun, type PlaywrightRun } from './selfcheck/run-playwright';
import { argumentsFor, suiteMapOf, type SuiteMap } from './selfcheck/suite-map';
import { selfCheckFails, type RunSummary } from './selfcheck/verdict';

const ROOT = path.resolve(__dirname, '..');
const REPORTS_ROOT = path.resolve(ROOT, process.env.REPORTS_DIR || 'reports');
const WORK_DIR = path.join(REPORTS_ROOT, 'selfcheck');

/** A fault run lasts seconds; past these it is stopped and reported as broken. */
const FAULT_RUN_TIMEOUT_MS = 240_000;
const REFERENCE_RUN_TIMEOUT_MS = 600_000;

interface Options {
  readonly faults: readonly Fault[];
  readonly full: boolean;
  readonly parallel: number;
  /** Workers of the reference run, which runs the whole suite. */
  readonly referenceWorkers: number;
  /** Workers of a fault's run, which runs a handful of tests: each worker more is a process to start. */
  readonly faultWorkers: number;
}

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new Error(`${name}="${raw}" is not a positive whole number`);
  return Number(raw);
}

const USAGE = 'usage: npm run selfcheck -- [--fault NAME]... [--full]';

function optionsOf(argv: readonly string[]): Options {
  let flags;
  try {
    flags = parseArgs({
      args: [...argv],
      options: { fault: { type: 'string', multiple: true }, full: { type: 'boolean' } },
    }).values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message.split(/\.\s/, 1)[0] : String(error)} (${USAGE})`);
  }
  const named = flags.fault ?? [];
  const full = flags.full === true;
  const unknown = named.filter((name) => !FAULTS.some((fault) => fault.name === name));
  if (unknown.length > 0)
    throw new Error(`unknown fault(s): ${unknown.join(', ')} (npm run mock -- --list-faults lists them)`);
  return {
    faults: named.length === 0 ? FAULTS : FAULTS.filter((fault) => named.includes(fault.name)),
    full,
    parallel: positive('SELFCHECK_PARALLEL', process.env.SELFCHECK_PARALLEL, 2),
    referenceWorkers: positive('PW_WORKERS', process.env.PW_WORKERS, 2),
    faultWorkers: positive('SELFCHECK_FAULT_WORKERS', process.env.SELFCHECK_FAULT_WORKERS, 1),
  };
}

/** At most `size` runs at a time: the machine is shared, and each run starts workers and a mock. */
function slots(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

type Slot = ReturnType<typeof slots>;

async function summarised(slot: Slot, scope: string, run: PlaywrightRun): Promise<RunSummary> {
  const outcome = await slot(() => runPlaywright(run));
  return {
    scope,
    command: outcome.command,
    seconds: outcome.seconds,
    testsRun: outcome.outcomes.filter((test) => test.status === 'passed' || test.status === 'failed').length,
    failed: outcome.outcomes.filter((test) => test.status === 'failed'),
    errors: outcome.errors,
  };
}

/** The runs of one fault, cheapest first, stopping as soon as one of its own rule's tests fails. */
async function checkFault(fault: Fault, options: Options, suite: SuiteMap, slot: Slot): Promise<FaultResult> {
  const run = (phase: string, args: readonly string[]): PlaywrightRun => ({
    dir: path.join(WORK_DIR, fault.name, phase),
    args: options.full ? args : [...args, '--max-failures=1'],
    fault: fault.name,
    workers: options.faultWorkers,
    timeoutMs: FAULT_RUN_TIMEOUT_MS,
  });
  const runs: RunSummary[] = [];
  const settled = () =>
    runs.some(
      (summary) => summary.errors.length > 0 || summary.failed.some((test) => test.blamed.includes(fault.rule)),
    );

  if (!options.full) {
    const specs = suite.specsOf(fault.rule);
    if (specs.files.length > 0)
      runs.push(await summarised(slot, 'own rule (specs)', run('own-specs', argumentsFor(fault.rule, specs))));
    const properties = suite.propertiesOf(fault.rule);
    if (!settled() && properties.files.length > 0) {
      runs.push(
        await summarised(slot, 'own rule (properties)', run('own-properties', argumentsFor(fault.rule, properties))),
      );
    }
  }
  if (!settled()) runs.push(await summarised(slot, 'whole suite', run('whole-suite', ['--project=conformance'])));
  const result = faultResult({ ...fault, level: CONTRACT_RULES[fault.rule] }, runs);
  process.stdout.write(`selfcheck: ${faultLine(result)}\n`);
  return result;
}

/** Every test of the suite with its rules and file, as Playwright lists them (nothing runs). */
async function listSuite(): Promise<SuiteMap> {
  const listing = await runPlaywright({
    dir: path.join(WORK_DIR, 'list'),
    args: ['--list', '--project=conformance', '--project=rate-limit'],
    fault: undefined,
    workers: 1,
    timeoutMs: FAULT_RUN_TIMEOUT_MS,
  });
  if (listing.errors.length > 0 || listing.outcomes.length === 0) {
    throw new Error(`the suite could not be listed: ${listing.errors.join('; ') || 'no tests'} (${listing.command})`);
  }
  return suiteMapOf(listing.outcomes);
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const options = optionsOf(process.argv.slice(2));
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  process.stdout.write(
    `selfcheck: the reference mock (${options.referenceWorkers} workers) and ${options.faults.length} faults (${options.faultWorkers} worker each), ${options.parallel} runs at a time\n`,
  );

  const slot = slots(options.parallel);
  const referenceRun = summarised(slot, 'whole suite', {
    dir: path.join(WORK_DIR, 'reference'),
    args: ['--project=conformance'],
    fault: undefined,
    workers: options.referenceWorkers,
    timeoutMs: REFERENCE_RUN_TIMEOUT_MS,
  }).then((summary) => {
    const state = summary.failed.length === 0 && summary.errors.length === 0 && summary.testsRun > 0 ? 'green' : 'RED';
    process.stdout.write(
      `selfcheck: reference ${state}: ${summary.testsRun} tests, ${summary.failed.length} failed, ${seconds(summary.seconds)}\n`,
    );
    for (const test of summary.failed) process.stdout.write(`selfcheck:   failed on the reference: ${test.title}\n`);
    for (const error of summary.errors) process.stdout.write(`selfcheck:   error on the reference: ${error}\n`);
    return summary;
  });
  const suite = await slot(listSuite);
  const faults = await Promise.all(options.faults.map((fault) => checkFault(fault, options, suite, slot)));
  const reference = await referenceRun;

  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = selfCheckReport(reference, faults, totalSeconds);
  writeFileSync(path.join(REPORTS_ROOT, 'selfcheck.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(REPORTS_ROOT, 'selfcheck.md'), markdownOf(report, CONTRACT_RULE_IDS));

  const { counts } = report;
  const where = path.relative(process.cwd(), path.join(REPORTS_ROOT, 'selfcheck.md')) || 'selfcheck.md';
  process.stdout.write(
    [
      `selfcheck: reference ${report.reference.passed ? 'green' : 'RED'}; kill rate ${percent(report.killRate)}: ${counts.caught}/${counts.faults} faults caught by a test of their own rule, ${counts.warnings} warnings, ${counts.survived} survived, ${counts.errors} errors`,
      `selfcheck: total time ${seconds(totalSeconds)}; the matrix is in ${where}`,
      '',
    ].join('\n'),
  );
  process.exitCode = selfCheckFails(
    reference,
    faults.map((fault) => fault.verdict),
  )
    ? 1
    : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`selfcheck: ${signal}: stopping the runs in progress\n`);
    void stopEveryRun().then(() => process.exit(130));
  });
}

main().catch(async (error: unknown) => {
  process.stderr.write(`selfcheck: ${error instanceof Error ? error.message : String(error)}\n`);
  await stopEveryRun();
  process.exitCode = 2;
});

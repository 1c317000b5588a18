/**
 * Benchmark of the model-based property against the mock's fault switches: for each switch, runs
 * the property once (with its default size) on the embedded mock started with MOCK_FAULT=<switch>,
 * and prints whether it was caught, by which rule, after how many runs and commands, the length of
 * the shrunk counterexample, and the time. A run without a fault comes first: it must pass.
 *
 *   npm run bench:properties                  # every switch, one run each
 *   npm run bench:properties -- --repeat 3    # three runs per switch, each with a fresh seed
 *   npm run bench:properties -- entry-id-recycled radio-keeps-first-answer
 *   npm run bench:properties -- left-out-form-stays-active   # any other switch of mock/faults/fault-table.ts
 *
 * The figures come from the annotation `property-figures` that properties/runner.ts writes, read
 * from Playwright's JSON report. Runs go one after another, on one worker: the machine is shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The switches of mock/faults/fault-table.ts this property must catch, with the rule each one breaks. */
const FAULTS: Record<string, string> = {
  'text-answers-capped-at-three': 'ENT-03',
  'radio-keeps-first-answer': 'ENT-04',
  'checkbox-keeps-duplicates': 'ENT-05',
  'entry-id-recycled': 'ENT-01',
  'field-cleared-on-second-patch': 'REP-02',
};

/** The acceptance bar: a shrunk counterexample has at most this many commands. */
const MAX_SHRUNK_LENGTH = 3;

const SPEC = 'properties/entries.property.spec.ts';
const ROOT = path.resolve(__dirname, '..');

interface Figures {
  failed: boolean;
  runs: number;
  runsPlanned: number;
  commands: number;
  commandsUntilFailure?: number;
  secondsUntilFailure?: number;
  shrunkLength?: number;
  shrinks: number;
  seconds: number;
  seed: number;
}

interface Outcome {
  figures?: Figures;
  /** The rule id the failure message starts with. */
  rule?: string;
  counterexample?: string;
  seconds: number;
  problem?: string;
}

interface JsonResult {
  annotations?: { type: string; description?: string }[];
  errors?: { message?: string }[];
  attachments?: { name: string; body?: string }[];
}
interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { tests: { annotations?: JsonResult['annotations']; results: JsonResult[] }[] }[];
}

function resultsIn(suite: JsonSuite): { annotations: NonNullable<JsonResult['annotations']>; result: JsonResult }[] {
  return [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((test) =>
        test.results.map((result) => ({
          annotations: [...(test.annotations ?? []), ...(result.annotations ?? [])],
          result,
        })),
      ),
    ),
    ...(suite.suites ?? []).flatMap(resultsIn),
  ];
}

/** One run of the property on the mock with `fault` (or none), read back from the JSON report. */
function runProperty(fault: string | undefined, reportsDir: string): Outcome {
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const jsonFile = path.join(reportsDir, 'results.json');
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('@playwright/test/cli'),
      'test',
      SPEC,
      '--project=conformance',
      '--no-deps',
      '--reporter=json',
      '--workers=1',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        QOMON_BASE_URL: '',
        MOCK_FAULT: fault ?? '',
        REPORTS_DIR: reportsDir,
        PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
        // A fresh seed each time, unless the caller pins one.
        FC_PATH: '',
        FC_REPLAY_PATH: '',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (Date.now() - started) / 1000;
  let report: { suites: JsonSuite[] };
  try {
    report = JSON.parse(readFileSync(jsonFile, 'utf8')) as { suites: JsonSuite[] };
  } catch {
    return {
      seconds,
      problem: `no JSON report (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / ')}`,
    };
  }
  const [found] = report.suites.flatMap(resultsIn);
  if (!found) return { seconds, problem: 'the JSON report lists no test' };
  const annotation = found.annotations.find((candidate) => candidate.type === 'property-figures');
  const message = found.result.errors?.[0]?.message ?? '';
  const attachment = found.result.attachments?.find((candidate) => candidate.name.startsWith('counterexample'));
  return {
    seconds,
    ...(annotation?.description
      ? { figures: JSON.parse(annotation.description) as Figures }
      : { problem: 'no property-figures annotation (was the test skipped?)' }),
    rule:
      found.annotations.find((candidate) => candidate.type === 'failed-rule')?.description ??
      /^(?:Error: )?([A-Z]{3}-\d{2})/.exec(message.replace(/\u001b\[[0-9;]*m/g, ''))?.[1],
    ...(attachment?.body ? { counterexample: Buffer.from(attachment.body, 'base64').toString('utf8') } : {}),
  };
}

function seconds(value: number | undefined): string | undefined {
  return value === undefined ? undefined : `${value.toFixed(1)} s`;
}

function pad(text: string | number | undefined, width: number): string {
  return String(text ?? '-').padEnd(width);
}

function main(): void {
  const usage = `usage: npm run bench:properties -- [--repeat N] [switch …] (default: ${Object.keys(FAULTS).join(', ')})`;
  let parsed;
  try {
    parsed = parseArgs({ options: { repeat: { type: 'string', default: '1' } }, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message.split(/\.\s/, 1)[0] : String(error)}; ${usage}\n`);
    process.exit(2);
  }
  const repeat = Number(parsed.values.repeat);
  const chosen = parsed.positionals;
  // Any other switch of the fault table may be named too; the mock refuses an unknown one, and the row says so.
  if (!Number.isInteger(repeat) || repeat < 1) {
    process.stderr.write(`--repeat: not a whole number of at least 1; ${usage}\n`);
    process.exit(2);
  }
  const faults = chosen.length ? chosen : Object.keys(FAULTS);
  const base = path.join(os.tmpdir(), `bench-properties-${process.pid}`);
  const header = `${pad('switch', 32)}${pad('rule', 8)}${pad('caught by', 10)}${pad('runs', 8)}${pad('commands', 10)}${pad('shrunk', 8)}${pad('to failure', 12)}${pad('property', 10)}playwright`;
  process.stdout.write(
    `Property: ${SPEC} on the embedded mock, default size (FC_NUM_RUNS=${process.env.FC_NUM_RUNS || 'default'})\n${header}\n`,
  );

  let failures = 0;
  const control = runProperty(undefined, path.join(base, 'no-fault'));
  const controlPassed = control.figures !== undefined && !control.figures.failed;
  if (!controlPassed) failures += 1;
  const controlRuns = control.figures ? `${control.figures.runs}/${control.figures.runsPlanned}` : undefined;
  process.stdout.write(
    `${pad('(no fault: must pass)', 32)}${pad('', 8)}${pad(controlPassed ? 'passes' : 'FAILS', 10)}${pad(controlRuns, 8)}${pad(control.figures?.commands, 10)}${pad('', 8)}${pad('', 12)}${pad(seconds(control.figures?.seconds), 10)}${control.seconds.toFixed(1)} s${control.problem ? `  ${control.problem}` : ''}\n`,
  );

  const details: string[] = [];
  for (const fault of faults) {
    for (let round = 1; round <= repeat; round += 1) {
      const outcome = runProperty(fault, path.join(base, `${fault}-${round}`));
      const figures = outcome.figures;
      const caught = figures?.failed === true;
      const shrunkOk = caught && (figures.shrunkLength ?? Infinity) <= MAX_SHRUNK_LENGTH;
      if (!caught || !shrunkOk) failures += 1;
      const runs = figures ? `${figures.runs}/${figures.runsPlanned}` : undefined;
      const untilFailure = seconds(figures?.secondsUntilFailure);
      process.stdout.write(
        `${pad(fault, 32)}${pad(FAULTS[fault] ?? '', 8)}${pad(caught ? (outcome.rule ?? '?') : 'MISSED', 10)}${pad(runs, 8)}${pad(figures?.commandsUntilFailure, 10)}${pad(caught ? `${figures.shrunkLength}${shrunkOk ? '' : ' (>3!)'}` : undefined, 8)}${pad(untilFailure, 12)}${pad(seconds(figures?.seconds), 10)}${outcome.seconds.toFixed(1)} s${outcome.problem ? `  ${outcome.problem}` : ''}\n`,
      );
      if (outcome.counterexample)
        details.push(`── ${fault}${repeat > 1 ? ` (round ${round})` : ''}\n${outcome.counterexample}`);
    }
  }
  process.stdout.write(
    `\nruns: runs until the failure / runs planned; commands: commands executed until the first failure;\nshrunk: commands in the shrunk counterexample; to failure: time to the first failure; property: the\nproperty with its shrinking; playwright: the whole Playwright run (mock start, discovery, cleanup).\n\n${details.join('\n\n')}\n`,
  );
  rmSync(base, { recursive: true, force: true });
  process.exit(failures === 0 ? 0 : 1);
}

main();

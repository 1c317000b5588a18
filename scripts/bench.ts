/**
 * `npm run bench`: what a full default conformance run costs, measured against the embedded mock.
 * It runs `playwright test --project=conformance` (the rate-limit project included, as in any run)
 * with the JSON reporter into a private REPORTS_DIR, then prints the wall time, the requests and
 * tokens the tests sent (from each test's `requests` annotation: 5 tokens per POST or PATCH of a
 * contact, 1 otherwise), and phase 1 of a planned run: the fewest tokens that would still check
 * every rule once, a cheapest set of passing specs that together name every rule (greedy weighted
 * set cover, specs/plan/plan.ts). Then it runs the suite with each of BUDGETS and prints, per
 * budget, the rules with a verdict, the tests run and the property commands: the table in the
 * README. `--write-costs` writes the full run's per-test tokens to specs/plan/costs.json, the cost
 * table plans are made from.
 *
 * The wall time is the run's from start to exit, mock start-up included; the machine's load shows
 * in it, so compare figures taken on a quiet machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { JSONReport } from '@playwright/test/reporter';
import { cheapestCover, costKey, isProperty } from '../specs/plan/plan';
import { RULE_IDS } from '../specs/support/rule-catalogue';
import { figuresOf, measuredOf, type MeasuredTest } from './run-figures';

const REPOSITORY = path.resolve(__dirname, '..');
/** The worker fixture `forms` lists six categories once per worker process, outside any test. */
const DISCOVERY_GETS_PER_WORKER = 6;
/** The budgets the bench plans and runs (README, "Choosing a budget"); `--budgets 500,1000` picks others. */
const DEFAULT_BUDGETS = [500, 1000, 2000, 4000];

function budgetsWanted(argv: readonly string[]): number[] {
  const given = argv[argv.indexOf('--budgets') + 1];
  return argv.includes('--budgets') && given
    ? given
        .split(',')
        .map(Number)
        .filter((budget) => budget > 0)
    : DEFAULT_BUDGETS;
}
const COSTS_FILE = path.join(REPOSITORY, 'specs', 'plan', 'costs.json');

/** Phase 1 of the plan, from measured costs: the cheapest set of passing specs naming every rule (specs/plan/plan.ts). */
function phase1Of(tests: readonly MeasuredTest[]) {
  const candidates = tests
    .filter((one) => one.status === 'passed' && one.rules.length > 0 && !isProperty(one))
    .map((one) => ({ ...one, key: costKey(one), tokens: one.spend.tokens }));
  const chosen = cheapestCover(candidates);
  const covered = new Set(chosen.flatMap((one) => one.rules));
  return { chosen, uncovered: RULE_IDS.filter((id) => !covered.has(id)) };
}

/** /proc reports times in USER_HZ, which is 100 on Linux whatever the kernel's own tick. */
const USER_HZ = 100;

/**
 * CPU seconds (user + system) of every child process this one has waited for, and their own
 * waited-for children: the run, its workers and its mock. Linux only (/proc); undefined elsewhere.
 * Unlike wall time, it hardly depends on what else the machine is doing.
 */
function childrenCpuSeconds(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the command name, which is in parentheses and may hold spaces: cutime is field 16, cstime 17.
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) / USER_HZ;
}

function runSuite(
  reportsDir: string,
  budget?: number,
): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
  const env = {
    ...process.env,
    QOMON_BASE_URL: '',
    QOMON_TOKEN_BUDGET: budget ? String(budget) : '',
    REPORTS_DIR: reportsDir,
  };
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [require.resolve('@playwright/test/cli'), 'test', '--project=conformance', '--reporter=json'],
    { cwd: REPOSITORY, env },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    ),
  );
}

/** Runs the suite (with a budget, or without) and reads its JSON report; undefined when it printed none. */
async function measure(budget?: number) {
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'qct-bench-'));
  const run = await runSuite(reportsDir, budget);
  rmSync(reportsDir, { recursive: true, force: true });
  try {
    return { run, tests: measuredOf(JSON.parse(run.stdout) as JSONReport) };
  } catch {
    process.stderr.write(`bench: the run printed no JSON report (exit ${run.code})\n${run.stderr.slice(-2_000)}\n`);
    return undefined;
  }
}

/** `--write-costs`: the cost table the plan prices tests with (specs/plan/costs.json), from this full run. */
function writeCosts(tests: readonly MeasuredTest[]): void {
  const tokens = Object.fromEntries(
    tests
      .filter((one) => one.status !== 'skipped')
      .map((one) => [costKey(one), one.spend.tokens] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const about =
    'Tokens each test spent on the embedded mock (reference variant, no budget), by project › file › title: written by npm run bench -- --write-costs. A test missing here is priced UNKNOWN_TEST_COST (specs/plan/plan.ts).';
  writeFileSync(COSTS_FILE, `${JSON.stringify({ about, tokens }, null, 2)}\n`);
}

async function main(): Promise<number> {
  process.stdout.write(
    `bench: a full default conformance run against the embedded mock (${process.env.PW_WORKERS ?? 4} workers, ${cpus().length} cores)\n`,
  );
  const cpuBefore = childrenCpuSeconds();
  const full = await measure();
  const cpuAfter = childrenCpuSeconds();
  if (!full) return 1;
  const { run, tests } = full;
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  if (process.argv.includes('--write-costs')) writeCosts(tests);

  const count = (status: MeasuredTest['status']) => tests.filter((one) => one.status === status).length;
  const requests = tests.reduce((sum, one) => sum + one.spend.requests, 0);
  const tokens = tests.reduce((sum, one) => sum + one.spend.tokens, 0);
  const workers = new Set(tests.map((one) => one.workerIndex).filter((index) => index !== undefined)).size;
  const discovery = workers * DISCOVERY_GETS_PER_WORKER;
  const { chosen, uncovered } = phase1Of(tests);
  const coverTokens = chosen.reduce((sum, one) => sum + one.spend.tokens, 0);
  const coveredRules = RULE_IDS.length - uncovered.length;

  const lines = [
    `  wall time       ${run.seconds.toFixed(1)} s (playwright test, start to exit, mock start-up included; load average ${loadavg()[0]?.toFixed(1)})`,
    ...(cpu === undefined
      ? []
      : [`  cpu time        ${cpu.toFixed(1)} s (user + system, the run's processes together)`]),
    `  tests           ${tests.length}: ${count('passed')} passed, ${count('skipped')} skipped, ${count('failed')} failed`,
    `  requests        ${requests} in tests, plus ${discovery} form-discovery GETs (${DISCOVERY_GETS_PER_WORKER} per worker process, ${workers} processes)`,
    `  full run        ${tokens} tokens in tests (5 per POST or PATCH of a contact, 1 otherwise), plus ${discovery} for discovery`,
    `  phase 1         ${coverTokens} tokens: ${chosen.length} passing tests check all ${coveredRules} rules${uncovered.length ? ` (no passing test for ${uncovered.join(', ')})` : ''}`,
    `  ratio           ${coverTokens > 0 ? (tokens / coverTokens).toFixed(1) : '∞'} (the full run's tokens per token of phase 1)`,
    '  phase 1 tests   ' + chosen.map((one) => `${one.spend.tokens} ${one.title}`).join('\n                  '),
    '',
    '  | QOMON_TOKEN_BUDGET | rules with a verdict | tests run | property commands (model-based) | tokens in tests | skipped for the budget |',
    '  |---|---|---|---|---|---|',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let failed = run.code !== 0;
  const notes: string[] = [];
  for (const budget of budgetsWanted(process.argv)) {
    const planned = await measure(budget);
    if (!planned) {
      failed = true;
      continue;
    }
    const figures = figuresOf(planned.tests);
    failed ||= planned.run.code !== 0;
    if (figures.rulesWithoutVerdict.length > 0)
      notes.push(`  at ${budget}: no verdict for ${figures.rulesWithoutVerdict.join(', ')}`);
    for (const one of planned.tests.filter(
      (test) => test.status === 'skipped' && /^token budget exhausted/.test(test.why ?? ''),
    )) {
      notes.push(`  at ${budget}: the ledger skipped ${one.title}: ${one.why}`);
    }
    process.stdout.write(
      `  | ${budget} | ${figures.rulesWithVerdict}/${RULE_IDS.length} | ${figures.testsRun} | ${figures.propertyCommands} (${figures.modelCommands}) | ${figures.tokens} | ${figures.skippedForBudget} |\n`,
    );
  }
  const unbudgeted = figuresOf(tests);
  process.stdout.write(
    `  | none (full run) | ${unbudgeted.rulesWithVerdict}/${RULE_IDS.length} | ${unbudgeted.testsRun} | ${unbudgeted.propertyCommands} (${unbudgeted.modelCommands}) | ${unbudgeted.tokens} | 0 |\n${notes.map((note) => `${note}\n`).join('')}`,
  );
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));

/**
 * Plans a run with a token budget before its first request: called by playwright.config.ts in the
 * runner's own process, which evaluates the config before it starts any worker or web server. It
 * lists the tests of every shard (list-tests.ts), makes the plan (plan.ts), writes it where the
 * workers and the global set-up read it (current.ts; the set-up prints it, one line per phase, once
 * the pre-flight passed), and stops the run at once, exit 2 like any configuration error, when the
 * budget cannot pay for phase 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type RunConfig } from '../request-path/config';
import { reportsDir, RUN_ID } from '../request-path/run';
import { PLAN_FILE_VARIABLE, PLAN_SHARD_VARIABLE } from './current';
import { LISTING_VARIABLE } from './list-tests';
import { makePlan, type CostTable, type ListedTest, type Plan } from './plan';

/** The projects a plan covers: the conformance suite (playwright.config.ts); `unit` spends no tokens. */
const PLANNED_PROJECTS = ['conformance', 'rate-limit'];
const COSTS_FILE = path.join(__dirname, 'costs.json');
const DEFAULT_WORKERS = 4;

export interface CommandLine {
  /** The arguments after `test`, less --shard, --reporter and --list, for the listings. */
  args: string[];
  shard: { current: number; total: number } | undefined;
  workers: number;
}

/** Reads `playwright test ...` arguments; undefined for anything that runs no tests (a listing, merge-reports, show-report). */
export function parseCommandLine(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CommandLine | undefined {
  if (argv[0] !== 'test' || argv.some((arg) => arg === '--list' || arg === '--help' || arg === '-h')) return undefined;
  const args: string[] = [];
  let shard: CommandLine['shard'];
  let workers = Number(env.PW_WORKERS ?? DEFAULT_WORKERS);
  const rest = argv.slice(1);
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] as string;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => inline ?? rest[(index += 1)] ?? '';
    if (name === '--shard') {
      const match = /^(\d+)\/(\d+)$/.exec(value());
      if (match) shard = { current: Number(match[1]), total: Number(match[2]) };
    } else if (name === '--reporter') {
      value();
    } else if (name === '--workers' || name === '-j') {
      const given = value();
      args.push(`--workers=${given}`);
      if (/^\d+$/.test(given)) workers = Number(given);
    } else {
      args.push(arg);
    }
  }
  return { args, shard, workers: Number.isFinite(workers) && workers > 0 ? workers : DEFAULT_WORKERS };
}

export function loadCosts(): CostTable {
  return (JSON.parse(readFileSync(COSTS_FILE, 'utf8')) as { tokens: CostTable }).tokens;
}

/** Every test of the run, with its shard, as Playwright splits them. */
function listTests(commandLine: CommandLine): ListedTest[] {
  const script = path.join(__dirname, 'list-tests.ts');
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify({ args: commandLine.args, shards: commandLine.shard?.total ?? 1 })],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return (JSON.parse(output) as ListedTest[]).filter((one) => PLANNED_PROJECTS.includes(one.project));
}

/**
 * The plan of this run, or undefined when there is none to make: no budget (the mock by default),
 * a worker or a listing evaluating the config again, or a command that runs no tests.
 * Throws ConfigError when the budget is below phase 1's cost.
 */
export function planTheRun(config: RunConfig, env = process.env, argv = process.argv.slice(2)): Plan | undefined {
  if (!Number.isFinite(config.tokenBudget)) return undefined;
  if (env[LISTING_VARIABLE] || env.TEST_WORKER_INDEX !== undefined || env[PLAN_FILE_VARIABLE]) return undefined;
  const commandLine = parseCommandLine(argv, env);
  if (!commandLine) return undefined;
  const tests = listTests(commandLine);
  if (tests.length === 0) return undefined;
  const describe = `QOMON_TOKEN_BUDGET=${config.tokenBudget}`;
  const plan = makePlan({
    tests,
    budget: config.tokenBudget,
    describe,
    shards: commandLine.shard?.total ?? 1,
    workers: commandLine.workers,
    costs: loadCosts(),
  });
  if (config.tokenBudget < plan.minimum) {
    throw new ConfigError(
      `${describe} is below what phase 1 costs: set it to at least ${plan.minimum} tokens to give every rule a verdict (${plan.phase1.tests} tests, ${plan.phase1.tokens} tokens, and ${plan.discovery} for form discovery${plan.shards > 1 ? `, all ${plan.shards} shards together` : ''})`,
    );
  }
  const file = path.join(reportsDir(env), 'plan', `${RUN_ID}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(plan));
  // The workers inherit the runner's environment: this is how they find the plan.
  env[PLAN_FILE_VARIABLE] = file;
  env[PLAN_SHARD_VARIABLE] = String(commandLine.shard?.current ?? 1);
  // Printed by the global set-up once the pre-flight passed (scripts/preflight.ts), on stderr.
  return plan;
}

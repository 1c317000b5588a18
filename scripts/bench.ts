/**
 * `npm run bench`: what a full default conformance run costs, measured against the embedded mock.
 * It runs `playwright test --project=conformance` (the rate-limit project included, as in any run)
 * with the JSON reporter into a private REPORTS_DIR, then prints the wall time, the requests and
 * tokens the tests sent (from each test's `requests` annotation: 5 tokens per POST or PATCH of a
 * contact, 1 otherwise), and the fewest tokens that would still check every rule once: a cheapest
 * set of passing tests that together name every rule (greedy weighted set cover, the classic
 * approximation: each pick is the test that covers the most new rules per token).
 *
 * The wall time is the run's from start to exit, mock start-up included; the machine's load shows
 * in it, so compare figures taken on a quiet machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { JSONReport, JSONReportSpec, JSONReportSuite } from '@playwright/test/reporter';
import { rulesOf } from './reporters/matrix';
import { RULE_IDS, type RuleId } from '../specs/support/rule-catalogue';
import { parseSpend, SPEND_ANNOTATION, type Spend } from '../specs/request-path/spend';

const REPOSITORY = path.resolve(__dirname, '..');
/** The worker fixture `forms` lists six categories once per worker process, outside any test. */
const DISCOVERY_GETS_PER_WORKER = 6;

interface Measured {
  title: string;
  rules: RuleId[];
  status: 'passed' | 'failed' | 'skipped';
  spend: Spend;
  workerIndex: number | undefined;
}

function specsOf(suite: JSONReportSuite): JSONReportSpec[] {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

function measuredOf(report: JSONReport): Measured[] {
  return report.suites.flatMap(specsOf).flatMap((spec) =>
    spec.tests.map((one) => {
      const result = one.results.at(-1);
      const spend = (result?.annotations ?? [])
        .filter((annotation) => annotation.type === SPEND_ANNOTATION)
        .map((annotation) => parseSpend(annotation.description))
        .reduce((sum, part) => ({ requests: sum.requests + part.requests, tokens: sum.tokens + part.tokens }), {
          requests: 0,
          tokens: 0,
        });
      const status = one.status === 'skipped' ? 'skipped' : one.status === 'expected' ? 'passed' : 'failed';
      return {
        title: spec.title,
        rules: rulesOf(spec.tags, spec.title),
        status,
        spend,
        workerIndex: result?.workerIndex,
      };
    }),
  );
}

/** A cheapest set of passing tests naming every rule that some passing test names (greedy set cover). */
function cheapestCover(tests: readonly Measured[]): { chosen: Measured[]; uncovered: RuleId[] } {
  const candidates = tests.filter((one) => one.status === 'passed' && one.rules.length > 0);
  const coverable = new Set(candidates.flatMap((one) => one.rules));
  const uncovered = RULE_IDS.filter((id) => !coverable.has(id));
  const left = new Set(coverable);
  const chosen: Measured[] = [];
  while (left.size > 0) {
    let best: Measured | undefined;
    let bestValue = -1;
    for (const candidate of candidates) {
      const fresh = candidate.rules.filter((id) => left.has(id)).length;
      if (fresh === 0) continue;
      // A test that sent nothing covers its rules for free: it always wins.
      const value = candidate.spend.tokens === 0 ? Number.POSITIVE_INFINITY : fresh / candidate.spend.tokens;
      if (value > bestValue) [best, bestValue] = [candidate, value];
    }
    if (!best) break;
    chosen.push(best);
    for (const id of best.rules) left.delete(id);
  }
  return { chosen, uncovered };
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
): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
  const env = { ...process.env, QOMON_BASE_URL: '', QOMON_TOKEN_BUDGET: '', REPORTS_DIR: reportsDir };
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

async function main(): Promise<number> {
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'qct-bench-'));
  process.stdout.write(
    `bench: a full default conformance run against the embedded mock (${process.env.PW_WORKERS ?? 4} workers, ${cpus().length} cores)\n`,
  );
  const cpuBefore = childrenCpuSeconds();
  const run = await runSuite(reportsDir);
  const cpuAfter = childrenCpuSeconds();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  let report: JSONReport;
  try {
    report = JSON.parse(run.stdout) as JSONReport;
  } catch {
    process.stderr.write(`bench: the run printed no JSON report (exit ${run.code})\n${run.stderr.slice(-2_000)}\n`);
    return 1;
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }

  const tests = measuredOf(report);
  const count = (status: Measured['status']) => tests.filter((one) => one.status === status).length;
  const requests = tests.reduce((sum, one) => sum + one.spend.requests, 0);
  const tokens = tests.reduce((sum, one) => sum + one.spend.tokens, 0);
  const workers = new Set(tests.map((one) => one.workerIndex).filter((index) => index !== undefined)).size;
  const discovery = workers * DISCOVERY_GETS_PER_WORKER;
  const { chosen, uncovered } = cheapestCover(tests);
  const coverTokens = chosen.reduce((sum, one) => sum + one.spend.tokens, 0);
  const coveredRules = RULE_IDS.length - uncovered.length;

  const lines = [
    `  wall time       ${run.seconds.toFixed(1)} s (playwright test, start to exit, mock start-up included; load average ${loadavg()[0]?.toFixed(1)})`,
    ...(cpu === undefined
      ? []
      : [`  cpu time        ${cpu.toFixed(1)} s (user + system, the run's processes together)`]),
    `  tests           ${tests.length}: ${count('passed')} passed, ${count('skipped')} skipped, ${count('failed')} failed`,
    `  requests        ${requests} in tests, plus ${discovery} form-discovery GETs (${DISCOVERY_GETS_PER_WORKER} per worker process, ${workers} processes)`,
    `  tokens          ${tokens} in tests (5 per POST or PATCH of a contact, 1 otherwise), plus ${discovery} for discovery`,
    `  cheapest cover  ${coverTokens} tokens: ${chosen.length} passing tests check all ${coveredRules} rules${uncovered.length ? ` (no passing test for ${uncovered.join(', ')})` : ''}`,
    `  ratio           ${coverTokens > 0 ? (tokens / coverTokens).toFixed(1) : '∞'} (the full run's tokens per token of the cheapest cover)`,
    '  cover           ' + chosen.map((one) => `${one.spend.tokens} ${one.title}`).join('\n                  '),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return run.code === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));

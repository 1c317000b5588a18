/**
 * Secrets never reach any artifact, whatever the target does (STYLE.md, issue 11): the proof, on
 * every `npm test`. A matrix of legs, each a run with canary tokens (QOMON_TOKEN,
 * QOMON_TOKEN_OTHER_SPACE, QOMON_RATE_TOKEN) into a private REPORTS_DIR, then every report built
 * (`npm run report` for the single-file Allure report) and every file there, unpacked
 * (secret-scan.ts), and the output of the run searched for the canaries:
 * - `mock`: part of the suite on the embedded mock, which takes the canaries as its own tokens.
 *   AUT-01..03 send them under other schemes and from another space, the rate-limit checks spend
 *   QOMON_RATE_TOKEN, and under QOMON_ENTRY_READING=merge the reference mock fails "T:a then T:b"
 *   (ENT-06), so failed tests attach their transcripts and curl lines to every report;
 * - `down`, `reset`, `stall`, `echo`: the same part against the hostile servers of
 *   hostile-servers.ts. Down stops at the pre-flight (exit 2, at most 3 lines, no matrix); reset
 *   and stall pass the pre-flight and meet the failure mid-run (the matrix says `error: target
 *   unreachable`); echo sends every request's headers back, tokens included, in bodies and headers.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHostile, type Hostile, type HostileKind } from './hostile-servers';
import { findSecrets, type Finding } from './secret-scan';

const ROOT = path.resolve(__dirname, '..');
const SUBSET = '@AUT-|ENT-06 .*after T:a|OBSERVE which reading';
/** What a run that ran tests must leave behind, or the scan proves nothing. */
const EXPECTED_REPORTS = [
  'conformance.md',
  'conformance.html',
  'junit.xml',
  'html/index.html',
  'allure-results',
  'allure-report/index.html',
];
/** A transcript's curl line names the variable where the token was: proof that a transcript was written. */
const REDACTED_TOKEN = '$QOMON_TOKEN';
/** The hostile legs wait this long for an answer: a stall costs a second, not ten. */
const HOSTILE_TIMEOUT_MS = '1000';

interface Ran {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

interface Leg {
  name: 'mock' | HostileKind;
  /** The tests it runs: a dead target stops the run at its first request, so a few are enough. */
  grep: string;
  /** What the leg's run must show beyond "no canary", or why it proves nothing. */
  check(ran: Ran, reportsDir: string, files: string[]): string | undefined;
  /** Whether the run gets far enough to write reports (down stops at the pre-flight). */
  reports: boolean;
}

const conformanceMatrix = (reportsDir: string) => {
  const file = path.join(reportsDir, 'conformance.md');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

const stoppedMidRun: Leg['check'] = (ran, reportsDir) => {
  if (ran.code !== 1) return `the run should fail (a test met the broken target) and exit 1; it exited ${ran.code}`;
  if (!/error: target unreachable/.test(ran.output)) return 'the summary line does not say "error: target unreachable"';
  if (!/\*\*Error:\*\* target unreachable/.test(conformanceMatrix(reportsDir)))
    return 'the matrix does not say the run stopped on "target unreachable"';
  if (/✘ fail/.test(conformanceMatrix(reportsDir))) return 'the matrix claims a rule failure for an unreachable target';
  return undefined;
};

const LEGS: readonly Leg[] = [
  {
    name: 'mock',
    grep: SUBSET,
    reports: true,
    check: (ran, _dir, files) => {
      if (ran.code !== 1) return `the run should fail ENT-06 under the merge reading and exit 1; it exited ${ran.code}`;
      const transcripts = files.filter((file) => readFileSync(file, 'latin1').includes(REDACTED_TOKEN)).length;
      return transcripts === 0
        ? `no file carries a redacted transcript (${REDACTED_TOKEN}): the scan covered none`
        : undefined;
    },
  },
  {
    name: 'down',
    grep: SUBSET,
    reports: false,
    check: (ran, reportsDir) => {
      const lines = ran.output.trimEnd().split('\n').length;
      if (ran.code !== 2) return `a run against a target that is down should stop with exit 2; it exited ${ran.code}`;
      if (lines > 3) return `a run against a target that is down printed ${lines} lines, more than 3`;
      if (!/pre-flight: target unreachable/.test(ran.output))
        return 'the pre-flight line does not say "target unreachable"';
      if (existsSync(path.join(reportsDir, 'conformance.md'))) return 'a matrix was written for a target that is down';
      return undefined;
    },
  },
  { name: 'reset', grep: '@AUT-01', reports: true, check: stoppedMidRun },
  { name: 'stall', grep: '@AUT-01', reports: true, check: stoppedMidRun },
  {
    name: 'echo',
    // The token as sent, and under the Basic scheme (base64), echoed back.
    grep: '@AUT-0[12]',
    reports: true,
    check: (ran, _dir, files) => {
      if (ran.code !== 1)
        return `the echoing target fails the suite's rules: the run should exit 1; it exited ${ran.code}`;
      const echoed = files.some((file) => readFileSync(file, 'latin1').includes('<QOMON_TOKEN>'));
      return echoed ? undefined : 'no report shows an echoed token redacted (<QOMON_TOKEN>): the echo reached none';
    },
  },
];

async function runLeg(leg: Leg, canaries: Record<string, string>): Promise<{ problems: string[]; files: number }> {
  const reportsDir = mkdtempSync(path.join(tmpdir(), `qct-canary-${leg.name}-`));
  let hostile: Hostile | undefined;
  try {
    hostile = leg.name === 'mock' ? undefined : await startHostile(leg.name);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...canaries,
      QOMON_BASE_URL: hostile?.url ?? '',
      MOCK_VARIANT: 'reference',
      QOMON_ENTRY_READING: 'merge',
      REPORTS_DIR: reportsDir,
      PW_WORKERS: '2',
      ...(hostile ? { QOMON_REQUEST_TIMEOUT_MS: HOSTILE_TIMEOUT_MS } : {}),
    };
    const suite = await run(
      process.execPath,
      [require.resolve('@playwright/test/cli'), 'test', '--project=conformance', '--grep', leg.grep],
      env,
    );
    const outputs = [{ name: 'the output of the run', text: suite.output }];
    if (leg.reports) {
      const report = await run('npm', ['run', '--silent', 'report'], env);
      if (report.code !== 0) return { problems: [`npm run report exited ${report.code}\n${report.output}`], files: 0 };
      outputs.push({ name: 'the output of npm run report', text: report.output });
      const missing = EXPECTED_REPORTS.filter((name) => !existsSync(path.join(reportsDir, name)));
      if (missing.length > 0)
        return { problems: [`the run left no ${missing.join(', ')}: nothing to scan there`], files: 0 };
    }
    const files = filesUnder(reportsDir);
    const secrets = Object.values(canaries);
    const findings: Finding[] = [
      ...files.flatMap((file) => findSecrets(readFileSync(file), secrets, path.relative(reportsDir, file))),
      ...outputs.flatMap(({ name, text }) => findSecrets(Buffer.from(text), secrets, name)),
    ];
    const problems = findings.map((finding) => `a canary token leaked: ${finding.path.join(' > ')} (${finding.form})`);
    const wrong = leg.check(suite, reportsDir, files);
    if (wrong !== undefined) problems.push(`${wrong}\n${suite.output.slice(-4000)}`);
    if (problems.length === 0) rmSync(reportsDir, { recursive: true, force: true });
    else problems.push(`reports kept in ${reportsDir}`);
    return { problems, files: files.length };
  } finally {
    await hostile?.close();
  }
}

async function main(): Promise<void> {
  const suffix = randomBytes(12).toString('hex');
  const canaries = {
    QOMON_TOKEN: `canary-${suffix}`,
    QOMON_TOKEN_OTHER_SPACE: `canary-other-${suffix}`,
    QOMON_RATE_TOKEN: `canary-rate-${suffix}`,
  };
  const only = process.argv.slice(2);
  let failed = false;
  const legs = LEGS.filter((candidate) => only.length === 0 || only.includes(candidate.name));
  // The mock leg first, alone; the hostile legs together: they mostly wait on their servers.
  const results = [];
  for (const group of [legs.filter((leg) => leg.name === 'mock'), legs.filter((leg) => leg.name !== 'mock')]) {
    results.push(
      ...(await Promise.all(
        group.map(async (leg) => {
          const started = Date.now();
          const result = await runLeg(leg, canaries);
          return { leg, seconds: (Date.now() - started) / 1000, ...result };
        }),
      )),
    );
  }
  for (const { leg, seconds, problems, files } of results) {
    const took = `${seconds.toFixed(1)} s`;
    if (problems.length > 0) {
      failed = true;
      process.stderr.write(`canary scan ${leg.name}: FAILED (${took})\n  ${problems.join('\n  ')}\n`);
    } else {
      process.stdout.write(
        `canary scan ${leg.name}: 0 hits of ${Object.keys(canaries).length} canary tokens in ${files} report files and the run's output (${took})\n`,
      );
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();

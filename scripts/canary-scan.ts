/**
 * Secrets never reach any artifact (STYLE.md): the proof. Runs part of the suite on the embedded
 * mock with canary tokens (the mock takes QOMON_TOKEN, QOMON_TOKEN_OTHER_SPACE and QOMON_RATE_TOKEN
 * as its own, see playwright.config.ts), builds every report into a private REPORTS_DIR, then
 * searches every file there, unpacked (secret-scan.ts), and the output of the run, for the canaries.
 *
 * The part run covers the tokens in odd places: AUT-01..03 send them under other schemes and from
 * another space, the rate-limit checks spend QOMON_RATE_TOKEN, the reading probe records
 * observations, and under QOMON_ENTRY_READING=merge the reference mock fails the worked example
 * "T:a then T:b" (ENT-06), so failed tests attach their transcripts and curl lines to every report.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findSecrets, type Finding } from './secret-scan';

const ROOT = path.resolve(__dirname, '..');
const SUBSET = '@AUT-|ENT-06 .*after T:a|OBSERVE which reading';
/** What a run with the subset must leave behind, or the scan proves nothing. */
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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function fail(message: string, reportsDir: string): never {
  process.stderr.write(`canary scan: ${message}\n  reports kept in ${reportsDir}\n`);
  process.exit(1);
}

const reportsDir = mkdtempSync(path.join(tmpdir(), 'qct-canary-'));
const suffix = randomBytes(12).toString('hex');
const canaries = {
  QOMON_TOKEN: `canary-${suffix}`,
  QOMON_TOKEN_OTHER_SPACE: `canary-other-${suffix}`,
  QOMON_RATE_TOKEN: `canary-rate-${suffix}`,
};
const env = {
  ...process.env,
  ...canaries,
  QOMON_BASE_URL: '',
  MOCK_VARIANT: 'reference',
  QOMON_ENTRY_READING: 'merge',
  REPORTS_DIR: reportsDir,
};

const suite = run(
  process.execPath,
  [require.resolve('@playwright/test/cli'), 'test', '--project=conformance', '--grep', SUBSET],
  env,
);
if (suite.status !== 1) {
  fail(
    `the canary run should fail ENT-06 under the merge reading and exit 1; it exited ${suite.status}\n${suite.stdout}${suite.stderr}`,
    reportsDir,
  );
}
const report = run('npm', ['run', '--silent', 'report'], env);
if (report.status !== 0) fail(`npm run report exited ${report.status}\n${report.stdout}${report.stderr}`, reportsDir);

const missing = EXPECTED_REPORTS.filter((name) => !existsSync(path.join(reportsDir, name)));
if (missing.length > 0) fail(`the run left no ${missing.join(', ')}: nothing to scan there`, reportsDir);

const files = filesUnder(reportsDir);
const secrets = Object.values(canaries);
const findings: Finding[] = [
  ...files.flatMap((file) => findSecrets(readFileSync(file), secrets, path.relative(reportsDir, file))),
  ...findSecrets(Buffer.from(suite.stdout + suite.stderr), secrets, 'the output of the run'),
  ...findSecrets(Buffer.from(report.stdout + report.stderr), secrets, 'the output of npm run report'),
];
if (findings.length > 0) {
  fail(
    `a canary token leaked:\n${findings.map((finding) => `  ${finding.path.join(' > ')} (${finding.form})`).join('\n')}`,
    reportsDir,
  );
}
const transcripts = files.filter((file) => readFileSync(file, 'latin1').includes(REDACTED_TOKEN)).length;
if (transcripts === 0)
  fail(`no file carries a redacted transcript (${REDACTED_TOKEN}): the scan covered none`, reportsDir);

rmSync(reportsDir, { recursive: true, force: true });
process.stdout.write(
  `canary scan: 0 occurrences of ${secrets.length} canary tokens in ${files.length} report files (${transcripts} with a redacted transcript) and the run's output\n`,
);

/**
 * `npm run nightly:mock -- <budget> [variant]`: the nightly's own configuration
 * (.github/workflows/nightly.yml) run here against the embedded mock: three conformance shards,
 * each with QOMON_TOKEN_BUDGET = budget × 3/4 as the workflow sets it, `--no-deps --shard=i/3
 * --reporter=blob`, then the rate-limit job with budget / 4, then the blob reports merged with the
 * config's reporters (the matrix and its summary line). One job after the other: the shards of the
 * workflow run on machines of their own, and this machine has two cores.
 *
 * Prints each job's plan and the merged figures: rules with a verdict, tests run, the model-based
 * property's commands, tokens; exit 0 when every rule got a verdict and nothing failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JSONReport } from '@playwright/test/reporter';
import { RULE_IDS } from '../specs/support/rule-catalogue';
import { figuresOf, measuredOf } from './run-figures';

const REPOSITORY = path.resolve(__dirname, '..');
const CLI = require.resolve('@playwright/test/cli');
/** The workflow's SHARDS. */
const SHARDS = 3;

function playwright(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPOSITORY,
    env: { ...process.env, QOMON_BASE_URL: '', CI: 'true', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function main(): number {
  const budget = Number(process.argv[2] ?? 2000);
  const variant = process.argv[3] ?? 'reference';
  const work = mkdtempSync(path.join(tmpdir(), 'qct-nightly-'));
  const blobs = path.join(work, 'all-blob-reports');
  mkdirSync(blobs);
  const jobs = [
    ...Array.from({ length: SHARDS }, (_, index) => ({
      name: `conformance shard ${index + 1}/${SHARDS}`,
      // $(( ${NIGHTLY_TOKEN_BUDGET:-2000} * SHARDS / (SHARDS + 1) )), as the workflow computes it.
      budget: Math.floor((budget * SHARDS) / (SHARDS + 1)),
      args: ['test', '--project=conformance', '--no-deps', `--shard=${index + 1}/${SHARDS}`, '--reporter=blob'],
    })),
    {
      name: 'rate limit',
      budget: Math.floor(budget / (SHARDS + 1)),
      args: ['test', '--project=rate-limit', '--reporter=blob'],
    },
  ];
  process.stdout.write(
    `nightly configuration against the mock (${variant}), QOMON_TOKEN_BUDGET=${budget} for the night\n`,
  );
  for (const [index, job] of jobs.entries()) {
    const blobDir = path.join(work, `blob-${index}`);
    const run = playwright(job.args, {
      QOMON_TOKEN_BUDGET: String(job.budget),
      MOCK_VARIANT: variant,
      REPORTS_DIR: path.join(work, `reports-${index}`),
      PLAYWRIGHT_BLOB_OUTPUT_DIR: blobDir,
    });
    const plan = run.stderr.split('\n').filter((line) => line.startsWith('plan'));
    process.stdout.write(
      `  ${job.name} (QOMON_TOKEN_BUDGET=${job.budget}): exit ${run.status}\n${plan.map((line) => `    ${line}\n`).join('')}`,
    );
    for (const file of readdirSync(blobDir)) renameSync(path.join(blobDir, file), path.join(blobs, `${index}-${file}`));
  }
  const json = path.join(work, 'merged.json');
  playwright(['merge-reports', '--reporter=json', blobs], {
    REPORTS_DIR: path.join(work, 'merged'),
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
  });
  const matrix = playwright(['merge-reports', '--config', 'playwright.config.ts', blobs], {
    REPORTS_DIR: path.join(work, 'merged'),
    MOCK_VARIANT: variant,
  });
  const summary = matrix.stdout
    .split('\n')
    .filter((line) => /^(depth|skipped for the budget|conformance on)/.test(line));
  const tests = measuredOf(JSON.parse(readFileSync(json, 'utf8')) as JSONReport);
  const figures = figuresOf(tests);
  // The ledger is the safety net under the plan: what it refused says where the cost table was wrong.
  const refused = tests.filter((one) => one.status === 'skipped' && /^token budget exhausted/.test(one.why ?? ''));
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(
    [
      ...summary.map((line) => `  ${line}`),
      ...refused.map((one) => `  refused by the ledger: ${one.title}: ${one.why}`),
      `  merged: ${figures.rulesWithVerdict}/${RULE_IDS.length} rules with a verdict${figures.rulesWithoutVerdict.length ? ` (none for ${figures.rulesWithoutVerdict.join(', ')})` : ''} · ${figures.testsRun} tests run · ${figures.failed} failed · ${figures.skippedForBudget} skipped for the budget · model-based property ${figures.modelCommands} commands · ${figures.tokens} tokens in tests`,
      '',
    ].join('\n'),
  );
  return figures.rulesWithVerdict === RULE_IDS.length && figures.failed === 0 ? 0 : 1;
}

process.exit(main());

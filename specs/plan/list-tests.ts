/**
 * Lists the tests of every shard of a run, each shard's listing in its own process and all at once:
 * `playwright test --list --reporter=json --shard=i/n` with the run's other arguments. Playwright
 * decides which test lands in which shard; asking it is the only way to know without copying its
 * rules. Run by specs/plan/setup.ts as `node --import tsx specs/plan/list-tests.ts <json>`; prints
 * the tests as JSON on stdout.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { JSONReport, JSONReportSpec, JSONReportSuite } from '@playwright/test/reporter';
import type { ListedTest } from './plan';

export interface ListingRequest {
  /** The run's arguments after `test`, without --shard, --reporter and --list. */
  args: string[];
  shards: number;
}

/** Set in the listing processes, whose own evaluation of playwright.config.ts must not plan again. */
export const LISTING_VARIABLE = 'QOMON_PLAN_LISTING';

function specsOf(suite: JSONReportSuite): JSONReportSpec[] {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

export function testsOf(report: JSONReport, shard: number): ListedTest[] {
  return report.suites.flatMap(specsOf).flatMap((spec) =>
    spec.tests.map((one) => ({
      id: spec.id,
      file: spec.file.split(path.sep).join('/'),
      title: spec.title,
      project: one.projectName,
      tags: spec.tags,
      shard,
    })),
  );
}

function listShard(args: string[], shard: number, shards: number): Promise<ListedTest[]> {
  const cli = require.resolve('@playwright/test/cli');
  const shardArgs = shards > 1 ? [`--shard=${shard}/${shards}`] : [];
  const child = spawn(process.execPath, [cli, 'test', ...args, ...shardArgs, '--list', '--reporter=json'], {
    env: { ...process.env, [LISTING_VARIABLE]: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      try {
        resolve(testsOf(JSON.parse(stdout) as JSONReport, shard));
      } catch {
        reject(new Error(`listing the tests of shard ${shard}/${shards} failed (exit ${code}): ${stderr.slice(-500)}`));
      }
    }),
  );
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as ListingRequest;
  const shards = Array.from({ length: Math.max(1, request.shards) }, (_, index) => index + 1);
  const lists = await Promise.all(shards.map((shard) => listShard(request.args, shard, request.shards)));
  // A test listed by several shards (a teardown project runs in each) is planned once, in the first.
  const seen = new Set<string>();
  const tests = lists.flat().filter((one) => !seen.has(one.id) && seen.add(one.id));
  process.stdout.write(JSON.stringify(tests));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

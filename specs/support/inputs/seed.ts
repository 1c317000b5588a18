/**
 * The run's seed and the seeds derived from it. playwright.config.ts decides FC_SEED once per run
 * (given, or drawn in the main process) so that every worker and reporter sees the same value; each
 * test that draws examples derives its own seed from it and its title, so one test's draws do not
 * move when another test is added, and `FC_SEED=<run seed>` replays them all.
 */
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import { rerunVariables } from '../rerun-variables';

/** A seed fast-check accepts: a 32-bit signed integer. */
export function randomSeed(): number {
  return (Math.random() * 2 ** 32) | 0;
}

/** FC_SEED as the config left it; a fresh one when a file runs outside the config (a unit test). */
export function runSeed(env: Record<string, string | undefined> = process.env): number {
  const raw = env.FC_SEED?.trim();
  if (raw && /^-?\d+$/.test(raw)) return Number(raw) | 0;
  const drawn = randomSeed();
  env.FC_SEED = String(drawn);
  return drawn;
}

/** FNV-1a over the text: stable across runs and machines, unlike a hash of object identity. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** The seed of one test's draws: the run seed and the test's title (and which draw of the test). */
export function derivedSeed(seed: number, title: string, draw = 0): number {
  return fnv1a(`${seed}\u0000${title}\u0000${draw}`);
}

/** The one command that replays a test with the same draws: the run seed, and the test by file and line. */
export function replayLine(testInfo: TestInfo, seed: number, extra: readonly string[] = []): string {
  const file = path.relative(testInfo.config.rootDir, testInfo.file);
  // --no-deps: the conformance project's teardown (the rate-limit checks) has nothing to do with a replay.
  return [
    ...rerunVariables(process.env, testInfo.config.rootDir, ['FC_SEED']),
    `FC_SEED=${seed}`,
    ...extra,
    'npx playwright test',
    `${file}:${testInfo.line}`,
    `--project=${testInfo.project.name}`,
    '--no-deps',
  ].join(' ');
}

/**
 * Drawing a test's examples: one seeded example per call, from the run's seed and the test's title
 * (seed.ts), so a spec sends richer inputs in the same number of requests. Each draw is recorded
 * on the test (annotation `drawn`); when the test fails, the fixture in test.ts attaches the
 * seed and the one command that replays the same draws.
 */
import { test, type TestInfo } from '@playwright/test';
import fc from 'fast-check';
import { derivedSeed, replayLine, runSeed } from './seed';

const drawsOf = new WeakMap<TestInfo, number>();

/** One example of `arbitrary`, seeded by the run seed, the test's title and how many draws came before. */
export function draw<T>(arbitrary: fc.Arbitrary<T>, what: string): T {
  const testInfo = test.info();
  const index = drawsOf.get(testInfo) ?? 0;
  drawsOf.set(testInfo, index + 1);
  const seed = derivedSeed(runSeed(), testInfo.titlePath.slice(1).join(' › '), index);
  const [value] = fc.sample(arbitrary, { seed, numRuns: 1 });
  testInfo.annotations.push({ type: 'drawn', description: `${what}: ${JSON.stringify(value)}` });
  return value as T;
}

/** What a failed test that drew examples prints: the run seed and the command that replays its draws. */
export function replayNote(testInfo: TestInfo): string | undefined {
  const drawn = testInfo.annotations.filter((annotation) => annotation.type === 'drawn');
  if (drawn.length === 0) return undefined;
  const seed = runSeed();
  return [
    `This test drew its inputs from the run seed FC_SEED=${seed} (and its title):`,
    ...drawn.map((annotation) => `  ${annotation.description ?? ''}`),
    `replay: ${replayLine(testInfo, seed)}`,
  ].join('\n');
}

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

/**
 * The list reporter prints the first 300 characters of a text attachment: the replay command comes
 * first, then each drawn value cut short, the shortest first.
 */
const SHOWN_CHARS = 80;

/** What a failed test that drew examples prints: the command that replays its draws, then what it drew. */
export function replayNote(testInfo: TestInfo): { short: string; whole: string } | undefined {
  const drawn = testInfo.annotations
    .filter((annotation) => annotation.type === 'drawn')
    .map((annotation) => annotation.description ?? '');
  if (drawn.length === 0) return undefined;
  const seed = runSeed();
  const replay = `replay: ${replayLine(testInfo, seed)}`;
  const cut = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);
  return {
    short: [replay, ...[...drawn].sort((a, b) => a.length - b.length).map(cut)].join('\n'),
    whole: [replay, `drawn from the run seed FC_SEED=${seed} and the test's title:`, ...drawn].join('\n'),
  };
}

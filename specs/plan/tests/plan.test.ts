/**
 * The plan of a budgeted run (specs/plan/plan.ts): phase 1 gives every rule a verdict at the least
 * cost, phase 2 follows its stated order, shards share the budget by what they run, and the same
 * inputs give the same plan in every process.
 */
import { expect, test } from '@playwright/test';
import { costKey, makePlan, DISCOVERY_TOKENS_PER_WORKER, type ListedTest } from '../plan';

function listed(id: string, title: string, tags: string[], shard = 1, file = 'specs/a.spec.ts'): ListedTest {
  return { id, file, title, project: 'conformance', tags, shard };
}

const TESTS: ListedTest[] = [
  listed('a', 'ENT-04 cheap', ['@ENT-04']),
  listed('b', 'ENT-04 dear', ['@ENT-04']),
  listed('c', 'REP-01 REP-02 both', ['@REP-01', '@REP-02'], 2),
  listed('d', 'REP-01 alone', ['@REP-01'], 2),
  listed('e', 'OBSERVE something', [], 2),
  listed('p', 'ENT-04 REP-01 model', ['@ENT-04', '@REP-01'], 1, 'properties/x.property.spec.ts'),
];
const COSTS = Object.fromEntries(
  [
    [TESTS[0], 10],
    [TESTS[1], 30],
    [TESTS[2], 12],
    [TESTS[3], 6],
    [TESTS[4], 3],
    [TESTS[5], 500],
  ].map(([one, tokens]) => [costKey(one as ListedTest), tokens as number]),
);

const plan = (budget: number, tests = TESTS) =>
  makePlan({ tests, budget, describe: `QOMON_TOKEN_BUDGET=${budget}`, shards: 2, workers: 1, costs: COSTS });

test('phase 1 is the cheapest set of specs naming every rule, and its cost plus discovery is the minimum', () => {
  const small = plan(60);
  const phase1 = Object.entries(small.planned)
    .filter(([, one]) => one.phase === 1)
    .map(([id]) => id);
  expect(phase1.sort(), 'the cheap ENT-04 test and the test of both REP rules').toEqual(['a', 'c']);
  expect(small.minimum, 'phase 1 (10 + 12) and one worker per shard discovering the forms').toBe(
    22 + 2 * DISCOVERY_TOKENS_PER_WORKER,
  );
});

test('a test phase 2 cannot pay for is left out with its phase and priority', () => {
  const small = plan(40);
  expect(small.left.b, 'the dear second ENT-04 test').toMatch(
    /^not in the plan at QOMON_TOKEN_BUDGET=40: phase 2, priority \d+, needs 30 tokens and \d+ were left$/,
  );
  expect(small.left.p, 'a property whose part is too small to say anything').toMatch(/below the \d+ a property needs/);
});

test('the shards share the whole budget, each at least what its planned tests cost', () => {
  const big = plan(400);
  expect(
    big.shardShares.reduce((sum, share) => sum + share, 0),
    'the shares add up to the budget',
  ).toBeLessThanOrEqual(400);
  for (const shard of [1, 2]) {
    const planned = TESTS.filter((one) => one.shard === shard).reduce(
      (sum, one) => sum + (big.planned[one.id]?.tokens ?? 0),
      0,
    );
    expect(big.shardShares[shard - 1], `shard ${shard} can pay for its planned tests`).toBeGreaterThanOrEqual(planned);
  }
  expect(big.planned.p?.tokens, 'the model-based property gets its depth').toBeGreaterThan(0);
});

test('the same tests in another order give the same plan', () => {
  expect(plan(200, [...TESTS].reverse()), 'every process plans alike').toEqual(plan(200));
});

test('phase 1 holds a quarter more than its measured cost, out of depth, and only what the budget leaves', () => {
  const roomy = plan(400);
  // Shard 1 runs phase 1 test a (10 tokens), shard 2 test c (12): a quarter more of each, rounded up.
  expect(roomy.phase1.reserve, 'ceil(10 / 4) + ceil(12 / 4)').toBe(3 + 3);
  expect(roomy.phase1Tokens, 'each shard keeps its reserve for phase 1 beside its tests and discovery').toEqual([
    10 + DISCOVERY_TOKENS_PER_WORKER + 3,
    12 + DISCOVERY_TOKENS_PER_WORKER + 3,
  ]);
  const tight = plan(roomy.minimum + 2);
  expect(tight.phase1.reserve, 'never more than the budget leaves beyond the minimum').toBeLessThanOrEqual(2);
  expect(tight.shardShares.reduce((sum, share) => sum + share, 0)).toBeLessThanOrEqual(roomy.minimum + 2);
});

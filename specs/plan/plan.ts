/**
 * The plan of a run with a token budget (issue 13): decided before the first request, from the list
 * of tests, a per-test cost estimate (costs.json, measured on the mock by `npm run bench`) and the
 * budget, so that which tests run never depends on scheduling.
 *
 * - Phase 1, verdict: the cheapest set of tests that gives every rule the run selects a verdict
 *   (greedy weighted set cover: each pick is the test with the most uncovered rules per token; the
 *   classic ln(n) approximation, which lands on the bench's cheapest-cover figure).
 * - Phase 2, depth: the rest of the budget, in the order of PHASE_2_ORDER below. Properties get
 *   tokens (the runner turns them into runs × commands) instead of being skipped.
 * - Shards: the plan is made once for all shards together, from every shard's list of tests, and
 *   each shard gets as its share what its own planned tests cost, plus an even part of the slack.
 *
 * Pure: no file, no process, no network; specs/plan/setup.ts feeds it and writes what it decides.
 */
import { RULES, ruleIdsIn, type Level, type RuleId } from '../support/rule-catalogue';

/** One test of the run as `playwright test --list` shows it, with the shard it landed in (1 when unsharded). */
export interface ListedTest {
  /** Playwright's test id: the same in the listing and in the worker (testInfo.testId). */
  id: string;
  /** Path relative to the repository, with forward slashes. */
  file: string;
  title: string;
  project: string;
  tags: readonly string[];
  shard: number;
}

/** Tokens one test cost on the mock (5 per POST or PATCH of a contact, 1 otherwise), by `costKey`. */
export type CostTable = Readonly<Record<string, number>>;

/** A test the cost table does not know (new, or renamed): twice a typical spec's 18 tokens, so that a guess errs high. */
export const UNKNOWN_TEST_COST = 40;
/** The worker fixture `forms` lists six categories once per worker process (specs/support/test.ts). */
export const DISCOVERY_TOKENS_PER_WORKER = 6;
/** The project whose tests run after everything else (playwright.config.ts). */
export const RATE_LIMIT_PROJECT = 'rate-limit';

/**
 * Phase 2 in order of priority, after phase 1:
 * 1. the property that checks the most rules (the model-based one), up to MODEL_SHARE of the depth budget:
 *    one long-shrinking check of eleven rules is worth more than a second example of one;
 * 2. the tests phase 1 left out, MUST rules first, then SHOULD, then OBSERVE; within a level the
 *    rule with the fewest tests planned so far first (breadth before repetition), then the cheapest;
 *    METAMORPHIC_SHARE of the depth budget stays for step 3;
 * 3. the other properties, in equal parts of what is left;
 * 4. whatever is still left grows the properties, in the same order, up to their full size on the mock.
 */
export const MODEL_SHARE = 0.75;
export const METAMORPHIC_SHARE = 0.2;
/**
 * Held for phase 1 beyond its measured cost, out of what depth would get: costs.json was measured
 * on the reference mock, and another target may charge a test more (a retry after a 429, one more
 * read, another variant's answers). Phase 2 leaves it to phase 1 until phase 1 is done.
 */
export const PHASE1_RESERVE_SHARE = 0.25;
/** Below this a property's run would be too short to say anything: it is left out with its reason instead. */
export const MIN_PROPERTY_TOKENS = 30;

export interface PlanInput {
  tests: readonly ListedTest[];
  /** The tokens of the whole run, all shards together (QOMON_TOKEN_BUDGET). */
  budget: number;
  /** How the budget was set, for the skip reasons: `QOMON_TOKEN_BUDGET=1000`. */
  describe: string;
  shards: number;
  /** Worker processes per shard, each of which discovers the forms once. */
  workers: number;
  costs: CostTable;
}

export interface PlannedTest {
  phase: 1 | 2;
  /** Its place in phase 2's order (1 is spent first); 0 in phase 1. */
  priority: number;
  /** The tokens it is expected to spend; for a property, the tokens it may spend. */
  tokens: number;
  property: boolean;
}

export interface Plan {
  budget: number;
  describe: string;
  shards: number;
  /** The least budget that still gives every rule a verdict: phase 1 and form discovery. */
  minimum: number;
  /** `reserve`: held for phase 1 beyond `tokens`, in case its tests cost more than measured (PHASE1_RESERVE_SHARE). */
  phase1: { tests: number; tokens: number; rules: number; reserve: number };
  phase2: { tests: number; tokens: number; properties: number };
  discovery: number;
  /** By test id: what the plan runs. */
  planned: Record<string, PlannedTest>;
  /** By test id: why the plan leaves a test out. */
  left: Record<string, string>;
  /** Each shard's part of the budget (index 0 is shard 1); together they are `budget`. */
  shardShares: number[];
  /** Of each shard's part, what its rate-limit tests are planned to spend (they run last). */
  rateLimitTokens: number[];
  /** Of each shard's part, what phase 1 needs besides the rate-limit tests: its tests, form discovery and its reserve. */
  phase1Tokens: number[];
}

/** The key of a test in the cost table: stable across runs, unlike nothing else Playwright gives. */
export function costKey(test: Pick<ListedTest, 'project' | 'file' | 'title'>): string {
  return `${test.project} › ${test.file} › ${test.title}`;
}

export function isProperty(test: Pick<ListedTest, 'file'>): boolean {
  return /\.property\.spec\.ts$/.test(test.file);
}

/** The rules a test names: its rule tags, else the ids in its title (as the conformance matrix reads them). */
export function rulesOfTest(test: Pick<ListedTest, 'tags' | 'title'>): RuleId[] {
  const known = (id: string): id is RuleId => id in RULES;
  const tagged = test.tags.map((tag) => tag.replace(/^@/, '')).filter(known);
  return [...new Set(tagged.length > 0 ? tagged : ruleIdsIn(test.title).filter(known))];
}

const LEVEL_ORDER: Record<Level, number> = { MUST: 0, SHOULD: 1, OBSERVE: 2 };

function levelOf(rules: readonly RuleId[]): number {
  return rules.length === 0 ? LEVEL_ORDER.OBSERVE : Math.min(...rules.map((id) => LEVEL_ORDER[RULES[id].level]));
}

/** The cheapest set of tests naming every rule some test names (greedy weighted set cover; ties by key, so every process agrees). */
export function cheapestCover<T extends { key: string; rules: readonly RuleId[]; tokens: number }>(
  candidates: readonly T[],
): T[] {
  const sorted = [...candidates].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const left = new Set(sorted.flatMap((one) => one.rules));
  const chosen: T[] = [];
  while (left.size > 0) {
    let best: T | undefined;
    let bestValue = -1;
    for (const candidate of sorted) {
      const fresh = candidate.rules.filter((id) => left.has(id)).length;
      if (fresh === 0) continue;
      const value = candidate.tokens === 0 ? Number.POSITIVE_INFINITY : fresh / candidate.tokens;
      if (value > bestValue) [best, bestValue] = [candidate, value];
    }
    if (!best) break;
    chosen.push(best);
    for (const id of best.rules) left.delete(id);
  }
  return chosen;
}

interface Candidate extends ListedTest {
  key: string;
  rules: RuleId[];
  tokens: number;
}

export function makePlan(input: PlanInput): Plan {
  const candidates: Candidate[] = input.tests.map((test) => {
    const key = costKey(test);
    return { ...test, key, rules: rulesOfTest(test), tokens: input.costs[key] ?? UNKNOWN_TEST_COST };
  });
  const planned: Record<string, PlannedTest> = {};
  const left: Record<string, string> = {};
  const shardsWithTests = new Set(candidates.map((one) => one.shard));
  const workersOf = (shard: number) =>
    Math.min(
      input.workers,
      candidates.filter((one) => one.shard === shard && one.project !== RATE_LIMIT_PROJECT).length,
    );
  const discoveryOf = (shard: number) =>
    shardsWithTests.has(shard) ? workersOf(shard) * DISCOVERY_TOKENS_PER_WORKER : 0;
  const shardNumbers = Array.from({ length: input.shards }, (_, index) => index + 1);
  const discovery = shardNumbers.reduce((sum, shard) => sum + discoveryOf(shard), 0);

  // Phase 1: specs only; a property's verdict is only as good as the runs the budget leaves it.
  const specs = candidates.filter((one) => !isProperty(one) && one.rules.length > 0);
  const phase1 = cheapestCover(specs);
  for (const one of phase1) planned[one.id] = { phase: 1, priority: 0, tokens: one.tokens, property: false };
  const phase1Tokens = phase1.reduce((sum, one) => sum + one.tokens, 0);
  const minimum = phase1Tokens + discovery;
  const coveredRules = new Set(phase1.flatMap((one) => one.rules)).size;

  // What each shard's phase 1 may cost beyond its measure comes out of depth, never out of the minimum.
  const costIn = (shard: number, filter: (one: Candidate) => boolean = () => true) =>
    candidates
      .filter((one) => one.shard === shard && filter(one))
      .reduce((sum, one) => sum + (planned[one.id]?.tokens ?? 0), 0);
  const phase1In = (shard: number) =>
    costIn(shard, (one) => one.project !== RATE_LIMIT_PROJECT && planned[one.id]?.phase === 1);
  const room = Math.max(0, input.budget - minimum);
  const wanted = shardNumbers.map((shard) => Math.ceil(phase1In(shard) * PHASE1_RESERVE_SHARE));
  const wantedTotal = wanted.reduce((sum, tokens) => sum + tokens, 0);
  const reserves =
    wantedTotal <= room ? wanted : wanted.map((tokens) => Math.floor((tokens * room) / Math.max(1, wantedTotal)));
  const reserve = reserves.reduce((sum, tokens) => sum + tokens, 0);

  let depth = room - reserve;
  const depthBudget = depth;
  let priority = 0;

  // Step 1: the property that checks the most rules.
  const properties = candidates
    .filter(isProperty)
    .sort((a, b) => b.rules.length - a.rules.length || (a.key < b.key ? -1 : 1));
  const [model, ...others] = properties;
  const give = (one: Candidate, tokens: number) => {
    priority += 1;
    if (tokens < MIN_PROPERTY_TOKENS) {
      left[one.id] =
        `not in the plan at ${input.describe}: phase 2, priority ${priority}, its part of the budget (${Math.max(0, tokens)} tokens) is below the ${MIN_PROPERTY_TOKENS} a property needs to say anything`;
      return;
    }
    planned[one.id] = { phase: 2, priority, tokens, property: true };
    depth -= tokens;
  };
  if (model) give(model, Math.min(model.tokens, Math.floor(depthBudget * MODEL_SHARE)));

  // Step 2: the other specs, by level, breadth, cost.
  const testsPerRule = new Map<RuleId, number>();
  for (const one of phase1) for (const id of one.rules) testsPerRule.set(id, (testsPerRule.get(id) ?? 0) + 1);
  const forMetamorphic = others.length > 0 ? Math.floor(depthBudget * METAMORPHIC_SHARE) : 0;
  const rest = candidates.filter((one) => !isProperty(one) && planned[one.id] === undefined);
  while (rest.length > 0) {
    const breadth = (one: Candidate) =>
      one.rules.length === 0 ? 0 : Math.min(...one.rules.map((id) => testsPerRule.get(id) ?? 0));
    rest.sort(
      (a, b) =>
        levelOf(a.rules) - levelOf(b.rules) ||
        breadth(a) - breadth(b) ||
        a.tokens - b.tokens ||
        (a.key < b.key ? -1 : 1),
    );
    const next = rest.shift() as Candidate;
    priority += 1;
    if (next.tokens <= depth - forMetamorphic) {
      planned[next.id] = { phase: 2, priority, tokens: next.tokens, property: false };
      depth -= next.tokens;
      for (const id of next.rules) testsPerRule.set(id, (testsPerRule.get(id) ?? 0) + 1);
    } else {
      left[next.id] =
        `not in the plan at ${input.describe}: phase 2, priority ${priority}, needs ${next.tokens} tokens and ${Math.max(0, depth - forMetamorphic)} were left`;
    }
  }

  // Step 3: the other properties share what is left; step 4 grows every property to its full size.
  const each = others.length > 0 ? Math.floor(depth / others.length) : 0;
  for (const one of others) give(one, Math.min(one.tokens, each));
  for (const one of properties) {
    const plan = planned[one.id];
    if (!plan) continue;
    const more = Math.min(one.tokens - plan.tokens, depth);
    if (more > 0) [plan.tokens, depth] = [plan.tokens + more, depth - more];
  }

  // Shares: what each shard's tests and discovery cost, and an even part of what nobody planned.
  const slack = Math.max(0, depth);
  const shardShares = shardNumbers.map(
    (shard) =>
      costIn(shard) + discoveryOf(shard) + (reserves[shard - 1] ?? 0) + Math.floor(slack / Math.max(1, input.shards)),
  );
  const rateLimitTokens = shardNumbers.map((shard) => costIn(shard, (one) => one.project === RATE_LIMIT_PROJECT));
  const phase1PerShard = shardNumbers.map((shard) => phase1In(shard) + discoveryOf(shard) + (reserves[shard - 1] ?? 0));
  const phase2 = Object.values(planned).filter((one) => one.phase === 2);
  return {
    budget: input.budget,
    describe: input.describe,
    shards: input.shards,
    minimum,
    phase1: { tests: phase1.length, tokens: phase1Tokens, rules: coveredRules, reserve },
    phase2: {
      tests: phase2.length,
      tokens: phase2.reduce((sum, one) => sum + one.tokens, 0),
      properties: phase2.filter((one) => one.property).length,
    },
    discovery,
    planned,
    left,
    shardShares,
    rateLimitTokens,
    phase1Tokens: phase1PerShard,
  };
}

/** The plan in a few lines, one per phase, printed before the first request. */
export function describePlan(plan: Plan, shard: number): string[] {
  const shardPart =
    plan.shards > 1 ? `; shard ${shard} of ${plan.shards} gets ${plan.shardShares[shard - 1] ?? 0} tokens` : '';
  const properties = Object.values(plan.planned).filter((one) => one.property);
  const moreTests = plan.phase2.tests - plan.phase2.properties;
  return [
    `plan at ${plan.describe}${shardPart}: phase 1 needs at least ${plan.minimum} tokens (${plan.phase1.tokens} for its tests, ${plan.discovery} for form discovery)`,
    `plan, phase 1 (verdict): ${plan.phase1.tests} tests, ${plan.phase1.tokens} tokens, give ${plan.phase1.rules} rules a verdict${plan.phase1.reserve > 0 ? `; ${plan.phase1.reserve} more held for them until they ran, in case the target charges more than measured` : ''}`,
    `plan, phase 2 (depth): ${moreTests} more test${moreTests === 1 ? '' : 's'} and ${plan.phase2.properties} propert${plan.phase2.properties === 1 ? 'y' : 'ies'}${properties.length ? ` (${properties.map((one) => `${one.tokens}`).join(' + ')} tokens)` : ''}, ${plan.phase2.tokens} tokens; ${Object.keys(plan.left).length} tests left out for the budget`,
  ];
}

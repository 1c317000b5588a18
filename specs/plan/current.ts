/**
 * The plan of the current run as the workers see it: the file the runner wrote before starting
 * them (setup.ts), read once. No plan (no budget): every test runs, as before.
 */
import { readFileSync } from 'node:fs';
import type { Plan, PlannedTest } from './plan';

/** Where the runner wrote the plan; the workers inherit it through the environment. */
export const PLAN_FILE_VARIABLE = 'QOMON_PLAN_FILE';
/** The shard this runner runs (1 when unsharded): a worker fixture has no test to ask. */
export const PLAN_SHARD_VARIABLE = 'QOMON_PLAN_SHARD';

export function currentShard(env: Record<string, string | undefined> = process.env): number {
  return Number(env[PLAN_SHARD_VARIABLE] ?? 1) || 1;
}

let loaded: Plan | undefined | null = null;

export function currentPlan(env: Record<string, string | undefined> = process.env): Plan | undefined {
  if (loaded !== null) return loaded;
  const file = env[PLAN_FILE_VARIABLE];
  loaded = file ? (JSON.parse(readFileSync(file, 'utf8')) as Plan) : undefined;
  return loaded;
}

export type PlanVerdict = { run: true; planned?: PlannedTest } | { run: false; reason: string };

/** Whether the plan runs a test: a test the plan never heard of runs (the ledger still guards it). */
export function planVerdict(testId: string, plan = currentPlan()): PlanVerdict {
  if (!plan) return { run: true };
  const planned = plan.planned[testId];
  if (planned) return { run: true, planned };
  const reason = plan.left[testId];
  return reason === undefined ? { run: true } : { run: false, reason };
}

/**
 * A shard's part of the budget; what of it its rate-limit tests are planned to spend; and what its
 * phase 1 needs besides them (its tests and its form discovery).
 */
export function shareOfShard(plan: Plan, shard: number): { tokens: number; rateLimit: number; phase1: number } {
  return {
    tokens: plan.shardShares[shard - 1] ?? 0,
    rateLimit: plan.rateLimitTokens[shard - 1] ?? 0,
    phase1: plan.phase1Tokens[shard - 1] ?? 0,
  };
}

/**
 * Every request the suite sends passes here right before it leaves (Api.send):
 * - the target guard: only loopback or a host in QOMON_ALLOWED_HOSTS (guard.ts);
 * - the token budget: the request is reserved in the run's ledger first, and when its cost would
 *   take the run past QOMON_TOKEN_BUDGET the test is skipped, "token budget exhausted", never failed;
 * - a 429 on the normal requests: the suite waits for `Retry-After` (bounded) and sends the request
 *   again. The request, not an assertion: nothing is ever retried after it was checked. This wait
 *   is the one place the suite waits on time, because the target asked it to.
 */
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import type { Answer } from './answer';
import { TokenBudget, shareOf } from './budget';
import { ConfigError, type RunConfig } from './config';
import { targetRefusal } from './guard';
import { reservedCost, tokensCharged } from './prices';
import { remainingTokens, retryAfterSeconds } from './rate-limit';
import { reportsDir, RUN_ID } from './run';
import { currentPlan, currentShard, shareOfShard } from '../plan/current';

export interface TrafficOptions {
  /**
   * After a 429, wait for Retry-After and send again: on for the normal `api` requests, off where
   * a 429 is the thing under test (the rate-limit checks' own token).
   */
  retryOn429?: boolean;
  /** The cleanup DELETE of a contact, paid for when the contact was created: the budget never refuses it. */
  prepaid?: boolean;
}

export interface Outgoing {
  method: string;
  /** Relative to the base URL, as Api.send takes it, or absolute. */
  path: string;
  /** The variable holding the request's token, whose bucket a remaining-tokens header describes. */
  variable?: string;
  /** A request of the run's set-up (form discovery), which a plan counts in phase 1 whatever test set it off. */
  setup?: boolean;
}

/**
 * The rate-limit checks run last (playwright.config.ts, project `rate-limit`): this part of the
 * budget is kept for them, so that the tests before them cannot spend it all and skip RAT-01.
 */
export const RATE_LIMIT_PROJECT = 'rate-limit';
export const KEPT_FOR_RATE_LIMIT = 0.1;

/** At most this many tries of one request on 429s; each wait and all waits together are capped too. */
export const MAX_TRIES = 3;
export const MAX_WAIT_SECONDS = 10;
export const MAX_TOTAL_WAIT_SECONDS = 20;

/** The test a request belongs to, when it belongs to one (a script's requests do not). */
export interface TestSeat {
  annotate(type: string, description: string): void;
  /** Skips the test; never returns. */
  skip(reason: string): never;
  /** Gives the test the time the target asked it to wait, so that a wait does not eat its own time. */
  extendTimeout(milliseconds: number): void;
}

export interface TrafficSettings {
  baseURL(): string | undefined;
  allowedHosts: readonly string[];
  budget(): TokenBudget | undefined;
  /** How much of the budget the current request may take the run to, and why it is less than all of it. */
  ceiling?(budget: TokenBudget, outgoing: Outgoing): { tokens: number; kept?: string; phase1?: boolean };
  seat(): TestSeat | undefined;
  pause(milliseconds: number): Promise<void>;
}

/** A request the budget cannot pay for, outside a test (a test is skipped instead). */
export class BudgetRefusal extends Error {
  override name = 'BudgetRefusal';
}

/** Throws ConfigError, naming QOMON_ALLOWED_HOSTS, unless the suite may write to `url`. */
export function assertWritableTarget(url: URL, allowedHosts: readonly string[]): void {
  const refusal = targetRefusal(url, allowedHosts);
  if (refusal !== undefined) throw new ConfigError(`a request was refused before it was sent: ${refusal}`);
}

export class Traffic {
  constructor(
    private readonly settings: TrafficSettings,
    /** Requests of the run's set-up, outside any test: a plan counts them in phase 1 (specs/plan). */
    private readonly setup = false,
  ) {}

  /** The same guard and budget, for requests made outside any test (form discovery, a pre-flight). */
  outsideTests(): Traffic {
    return new Traffic({ ...this.settings, seat: () => undefined }, true);
  }

  /**
   * The guard and the budget for one request: throws when the target is not allowed; returns why
   * the budget refuses it, or undefined when it may go.
   */
  admit(outgoing: Outgoing): string | undefined {
    const url = this.#resolve(outgoing.path);
    assertWritableTarget(url, this.settings.allowedHosts);
    const budget = this.settings.budget();
    if (!budget) return undefined;
    const what = `${outgoing.method} ${url.pathname}`;
    const cost = reservedCost(outgoing.method, url);
    const { tokens, kept, phase1 } = this.settings.ceiling?.(
      budget,
      this.setup ? { ...outgoing, setup: true } : outgoing,
    ) ?? {
      tokens: budget.share,
    };
    const { admitted, spent, ceiling } = budget.reserve(cost, what, tokens, phase1);
    if (admitted) return undefined;
    const forCleanup =
      cost > tokensCharged(outgoing.method, url.href) ? ' (with the DELETE that will clean it up)' : '';
    return `token budget exhausted: ${what} needs ${cost} tokens${forCleanup}, and ${spent} of the ${ceiling} it may draw on are spent (${budget.describe}${kept ? `; ${kept}` : ''})`;
  }

  /** Sends `sendOnce` under the guard and the budget, and again after a 429 when `retryOn429` (bounded). */
  async carry(outgoing: Outgoing, options: TrafficOptions, sendOnce: () => Promise<Answer>): Promise<Answer> {
    const seat = this.settings.seat();
    const what = `${outgoing.method} ${this.#resolve(outgoing.path).pathname}`;
    let waited = 0;
    let lastAnswer: Answer | undefined;
    for (let attempt = 1; ; attempt += 1) {
      const refusal = options.prepaid && attempt === 1 ? this.#guardOnly(outgoing) : this.admit(outgoing);
      if (refusal !== undefined) {
        if (attempt > 1) {
          // A retry the budget cannot pay for: the 429 stands, and the caller sees it.
          seat?.annotate('budget', `${refusal} (a retry after 429, not sent)`);
          return lastAnswer as Answer;
        }
        if (seat) {
          seat.annotate('budget', refusal);
          seat.skip(refusal);
        }
        throw new BudgetRefusal(refusal);
      }
      const answer = await sendOnce();
      lastAnswer = answer;
      this.#observe(outgoing, answer);
      if (answer.status !== 429 || !options.retryOn429) return answer;
      const retryAfter = retryAfterSeconds(answer);
      const unwaitable =
        attempt >= MAX_TRIES
          ? `no try is left (${MAX_TRIES} at most)`
          : retryAfter === undefined
            ? 'it carries no readable Retry-After'
            : retryAfter > MAX_WAIT_SECONDS
              ? `its Retry-After of ${retryAfter} s is beyond the ${MAX_WAIT_SECONDS} s the suite waits`
              : waited + retryAfter > MAX_TOTAL_WAIT_SECONDS
                ? `the suite already waited ${waited} s of at most ${MAX_TOTAL_WAIT_SECONDS} s for this request`
                : undefined;
      if (unwaitable !== undefined || retryAfter === undefined) {
        seat?.annotate('rate-limited', `${what} answered 429 on try ${attempt}: the 429 stands, ${unwaitable}`);
        return answer;
      }
      seat?.annotate(
        'rate-limited',
        `${what} answered 429 with Retry-After ${retryAfter} s: waited ${retryAfter} s, then sent it again (try ${attempt + 1} of ${MAX_TRIES})`,
      );
      seat?.extendTimeout(retryAfter * 1000);
      await this.settings.pause(retryAfter * 1000);
      waited += retryAfter;
    }
  }

  #guardOnly(outgoing: Outgoing): undefined {
    assertWritableTarget(this.#resolve(outgoing.path), this.settings.allowedHosts);
    return undefined;
  }

  #resolve(requestPath: string): URL {
    const base = this.settings.baseURL();
    try {
      return new URL(requestPath, base);
    } catch {
      throw new Error(`cannot tell where "${requestPath}" goes: no base URL (${String(base)}) to resolve it against`);
    }
  }

  /** A remaining-tokens header corrects the budget's count of the bucket behind the request's token. */
  #observe(outgoing: Outgoing, answer: Answer): void {
    const remaining = remainingTokens(answer);
    const budget = this.settings.budget();
    if (budget && outgoing.variable !== undefined && remaining !== undefined) {
      budget.observeRemaining(
        outgoing.variable,
        remaining,
        tokensCharged(outgoing.method, this.#resolve(outgoing.path).href),
      );
    }
  }
}

function currentTest(): TestInfo | undefined {
  // Only a Playwright worker runs tests; a script (the pre-flight of `npm run conformance`, the
  // sweep) never loads Playwright for nothing, which keeps a dead target's one line quick.
  if (process.env.TEST_WORKER_INDEX === undefined) return undefined;
  try {
    return (require('@playwright/test') as typeof import('@playwright/test')).test.info();
  } catch {
    return undefined; // not inside a test: a script, or a module being loaded
  }
}

function seatOf(testInfo: TestInfo): TestSeat {
  return {
    annotate: (type, description) => testInfo.annotations.push({ type, description }),
    skip: (reason) => {
      testInfo.skip(true, reason);
      throw new Error(reason); // skip() throws; this line only tells the type checker
    },
    extendTimeout: (milliseconds) => {
      if (testInfo.timeout > 0) testInfo.setTimeout(testInfo.timeout + milliseconds);
    },
  };
}

/** The budget of this run (or of this shard of it), shared by every worker through the ledger file. */
function runBudget(
  config: RunConfig,
  shard: { current: number; total: number } | null | undefined,
): TokenBudget | undefined {
  if (!Number.isFinite(config.tokenBudget)) return undefined;
  // A planned run gives each shard what its planned tests cost (specs/plan); else an even part.
  const plan = currentPlan();
  const share = plan ? shareOfShard(plan, currentShard()).tokens : shareOf(config.tokenBudget, shard);
  const describe = plan
    ? plan.shards > 1
      ? `QOMON_TOKEN_BUDGET=${config.tokenBudget}, shard ${currentShard()} of ${plan.shards} gets ${share} by the plan`
      : `QOMON_TOKEN_BUDGET=${config.tokenBudget}`
    : shard && shard.total > 1
      ? `QOMON_TOKEN_BUDGET=${config.tokenBudget}, shard ${shard.current} of ${shard.total} gets ${share}`
      : `QOMON_TOKEN_BUDGET=${config.tokenBudget}`;
  return new TokenBudget(
    share,
    path.join(reportsDir(), 'token-ledger', `${RUN_ID}.jsonl`),
    describe,
    plan?.shards ?? shard?.total ?? 1,
  );
}

export interface TrafficPlace {
  baseURL: string;
  /** The shard of a sharded run (Playwright's `config.shard`), which gets its share of the budget. */
  shard?: { current: number; total: number } | null;
  /** False for a script that is not a run (the sweep): it draws on no budget. */
  budget?: boolean;
}

/**
 * The guard and budget of one process of a run: built once per worker (the `requestPath` fixture),
 * by the pre-flight and by the scripts, never a hidden singleton.
 */
export function trafficOf(config: RunConfig, place: TrafficPlace): Traffic {
  const budget = place.budget === false ? undefined : runBudget(config, place.shard);
  return new Traffic({
    baseURL: () => place.baseURL,
    allowedHosts: config.allowedHosts,
    budget: () => budget,
    ceiling: (budget, outgoing) => {
      const { share } = budget;
      const testInfo = currentTest();
      const plan = currentPlan();
      // Set-up requests (form discovery) count as phase 1: the plan's minimum includes them.
      const phase1 = outgoing.setup === true || !testInfo || plan?.planned[testInfo.testId]?.phase === 1;
      if (testInfo?.project.name === RATE_LIMIT_PROJECT) return { tokens: share };
      if (!plan) {
        const kept = Math.floor(share * KEPT_FOR_RATE_LIMIT);
        return { tokens: share - kept, kept: `${kept} kept for the rate-limit checks, which run last` };
      }
      // A plan keeps what it planned for the rate-limit tests, and from phase 2 what phase 1 still needs.
      const shard = shareOfShard(plan, currentShard());
      const kept = `${shard.rateLimit} kept for the rate-limit checks, which run last`;
      if (phase1) return { tokens: share - shard.rateLimit, kept, phase1 };
      const outstanding = Math.max(0, shard.phase1 - budget.spentInPhase1());
      return { tokens: share - shard.rateLimit - outstanding, kept: `${kept}, ${outstanding} for phase 1`, phase1 };
    },
    seat: () => {
      const testInfo = currentTest();
      return testInfo ? seatOf(testInfo) : undefined;
    },
    pause: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  });
}

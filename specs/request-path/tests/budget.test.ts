/**
 * The token budget (QOMON_TOKEN_BUDGET): what each request costs, each shard's share, and the
 * ledger every worker shares, which never lets the run spend past its budget, however many
 * processes race for the last tokens.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { shareOf, TokenBudget } from '../budget';
import { reservedCost } from '../prices';

const TARGET = 'http://127.0.0.1:8787/';

/** A ledger of the calling test's own, in its output directory. */
function freshLedger(): string {
  return test.info().outputPath('ledger.jsonl');
}

// What the budget reserves per request: RAT-01's 5 for POST and PATCH of a contact, 1 for the rest.
const COSTS: [string, string, number][] = [
  ['POST', 'contacts', 6], // 5 (RAT-01) and the 1 of the DELETE that will clean the new contact up
  ['PATCH', 'contacts/1001', 5],
  ['PATCH', 'contacts/abc', 5], // a malformed id still reaches the PATCH route: counted at its price
  ['GET', 'contacts/1001', 1],
  ['DELETE', 'contacts/1001', 1],
  ['GET', 'v1/forms/type/survey', 1],
];
for (const [method, route, cost] of COSTS) {
  test(`${method} /${route} reserves ${cost} token${cost === 1 ? '' : 's'}`, () => {
    expect(reservedCost(method, new URL(route, TARGET)), `the reservation for ${method} /${route}`).toBe(cost);
  });
}

test('each shard of a sharded run gets its share of the budget, rounded down', () => {
  expect(shareOf(100, null), 'an unsharded run has the whole budget').toBe(100);
  expect(shareOf(100, { total: 1 }), 'one shard has the whole budget').toBe(100);
  expect(shareOf(100, { total: 3 }), 'three shards have 33 each, 99 together').toBe(33);
});

test('reservations are admitted up to the budget and refused beyond it; a refused one costs nothing', () => {
  const budget = new TokenBudget(12, freshLedger());
  const verdicts = [5, 5, 5, 1, 1].map((cost) => budget.reserve(cost, 'PATCH /contacts/1').admitted);
  expect(verdicts, '5 + 5 fit in 12, the third 5 does not, then 1 and 1 do').toEqual([true, true, false, true, true]);
  expect(budget.spent(), 'the refused reservation was not counted').toBe(12);
});

test('a remaining-tokens header that shows more drawn than estimated corrects the count', () => {
  const budget = new TokenBudget(100, freshLedger());
  budget.reserve(5, 'PATCH /contacts/1');
  budget.observeRemaining('QOMON_TOKEN', 995, 5);
  budget.reserve(1, 'GET /contacts/1');
  // The target says this GET drew 5, not the 1 estimated: the run has spent 10, not 6.
  budget.observeRemaining('QOMON_TOKEN', 990, 1);
  expect(budget.spent(), 'the drop in RateLimit-Remaining (1000 -> 990) wins over the estimate (6)').toBe(10);
});

test('a header that shows less drawn than estimated (a refill) leaves the estimate in charge', () => {
  const budget = new TokenBudget(100, freshLedger());
  budget.reserve(5, 'PATCH /contacts/1');
  budget.observeRemaining('QOMON_TOKEN', 995, 5);
  budget.reserve(5, 'PATCH /contacts/1');
  budget.observeRemaining('QOMON_TOKEN', 999, 5);
  expect(budget.spent(), 'the bucket refilled: the estimate (10) is the safer count').toBe(10);
});

test('a shard counts its part of what the headers show: the other shards draw on the same bucket at the same time', () => {
  const budget = new TokenBudget(100, freshLedger(), 'QOMON_TOKEN_BUDGET=300, shard 1 of 3 gets 100', 3);
  budget.reserve(5, 'PATCH /contacts/1');
  budget.observeRemaining('QOMON_TOKEN', 995, 5);
  budget.reserve(5, 'PATCH /contacts/1');
  // Meanwhile the two other shards sent their own PATCHes: 30 drawn in all, 10 of them by this shard.
  budget.observeRemaining('QOMON_TOKEN', 970, 5);
  expect(budget.spent(), "this shard's part of the 30 drawn is 10, its own estimate").toBe(10);
});

/** One worker: reserves `attempts` times `cost` tokens on the shared ledger and prints how many were admitted. */
function worker(ledger: string, share: number, cost: number, attempts: number): Promise<number> {
  const script = `
    const { TokenBudget } = require(${JSON.stringify(path.join(__dirname, '..', 'budget.ts'))});
    const budget = new TokenBudget(${share}, ${JSON.stringify(ledger)});
    let admitted = 0;
    for (let i = 0; i < ${attempts}; i += 1) if (budget.reserve(${cost}, 'POST /contacts').admitted) admitted += 1;
    process.stdout.write(String(admitted));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: path.resolve(__dirname, '../../..'),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(Number(stdout)) : reject(new Error(`worker exited ${code}: ${stderr}`)),
    ),
  );
}

test('four processes racing on one ledger spend exactly the budget together, never more', async () => {
  test.setTimeout(60_000);
  const ledger = freshLedger();
  const [share, cost, attempts, workers] = [100, 5, 12, 4]; // 48 attempts of 5 for 100 tokens: 20 fit
  const admitted = await Promise.all(Array.from({ length: workers }, () => worker(ledger, share, cost, attempts)));
  const total = admitted.reduce((sum, count) => sum + count, 0);
  expect(
    total * cost,
    `the workers were admitted ${admitted.join(' + ')} reservations of ${cost}: together exactly the budget`,
  ).toBe(share);
  expect(new TokenBudget(share, ledger).spent(), 'a fresh reader of the ledger counts the same').toBe(share);
});

test('the ledger counts what phase 1 of the plan reserved apart, so that phase 2 cannot eat it', () => {
  const budget = new TokenBudget(50, freshLedger());
  expect(budget.spentInPhase1(), 'nothing reserved yet, and no ledger file yet').toBe(0);
  budget.reserve(6, 'POST /contacts', 50, true);
  budget.reserve(5, 'PATCH /contacts/1', 50);
  budget.reserve(40, 'PATCH /contacts/1', 50, true); // refused: it would pass the budget
  expect(budget.spentInPhase1(), 'the admitted phase-1 reservation only').toBe(6);
  expect(budget.spent(), 'both admitted reservations').toBe(11);
});

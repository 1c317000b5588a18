/**
 * What every request passes before it leaves (traffic.ts): the target guard, the token budget and
 * the bounded wait on a 429's Retry-After. The request itself is a stub that counts its calls, so
 * "nothing was sent" is a count of 0; no socket is opened.
 */
import { expect, test } from '@playwright/test';
import { Answer } from '../api';
import { TokenBudget } from '../budget';
import { ConfigError } from '../config';
import { isWritableHost } from '../guard';
import { MAX_TRIES, MAX_WAIT_SECONDS, Traffic, type TestSeat, type TrafficOptions } from '../traffic';
import { Redactor, Transcript } from '../transcript';

const BASE = 'http://127.0.0.1:8787/';

/** A stand-in for the test a request belongs to: records what the traffic did to it. */
class SeatRecorder implements TestSeat {
  readonly annotations: { type: string; description: string }[] = [];
  skipped: string | undefined;
  extendedBy = 0;
  annotate(type: string, description: string): void {
    this.annotations.push({ type, description });
  }
  skip(reason: string): never {
    this.skipped = reason;
    throw new Error(`skipped: ${reason}`);
  }
  extendTimeout(milliseconds: number): void {
    this.extendedBy += milliseconds;
  }
}

interface Harness {
  traffic: Traffic;
  seat: SeatRecorder;
  pauses: number[];
  /** Answers the stub gives, in order; the last one repeats. */
  send(options: TrafficOptions, path?: string, method?: string): Promise<Answer>;
  sent(): number;
}

function answerOf(status: number, headers: Record<string, string> = {}): Answer {
  return new Answer(
    {
      method: 'PATCH',
      url: `${BASE}contacts/1`,
      credential: 'QOMON_TOKEN',
      requestHeaders: {},
      status,
      responseHeaders: headers,
      responseText: '',
    },
    new Transcript(new Redactor(new Map())),
  );
}

function harness(answers: Answer[], settings: { allowedHosts?: string[]; budget?: TokenBudget } = {}): Harness {
  const seat = new SeatRecorder();
  const pauses: number[] = [];
  let sent = 0;
  const traffic = new Traffic({
    baseURL: () => BASE,
    allowedHosts: settings.allowedHosts ?? [],
    budget: () => settings.budget,
    seat: () => seat,
    pause: async (milliseconds) => {
      pauses.push(milliseconds);
    },
  });
  return {
    traffic,
    seat,
    pauses,
    sent: () => sent,
    send: (options, requestPath = 'contacts/1', method = 'PATCH') =>
      traffic.carry(
        { method, path: requestPath, variable: 'QOMON_TOKEN' },
        options,
        async () => answers[Math.min(sent++, answers.length - 1)] as Answer,
      ),
  };
}

function budgetOf(share: number): TokenBudget {
  return new TokenBudget(share, test.info().outputPath('ledger.jsonl'), `QOMON_TOKEN_BUDGET=${share}`);
}

// Hosts the suite may write to: loopback always, anything else only when listed.
const HOSTS: [string, string[], boolean][] = [
  ['127.0.0.1', [], true],
  ['127.8.9.10', [], true], // all of 127/8 is loopback
  ['localhost', [], true],
  ['[::1]', [], true],
  ['staging.example.org', [], false],
  ['staging.example.org', ['staging.example.org'], true],
  ['evil.staging.example.org', ['staging.example.org'], false], // a listed host does not allow its subdomains
  ['127.0.0.1.nip.io', [], false], // looks loopback, resolves anywhere
];
for (const [host, allowed, writable] of HOSTS) {
  test(`${host} ${writable ? 'may' : 'may not'} be written to with QOMON_ALLOWED_HOSTS=${allowed.join(',')}`, () => {
    expect(isWritableHost(host, allowed), `the guard's verdict on ${host}`).toBe(writable);
  });
}

test('a request to a host that is not allowed is refused before it is sent, naming QOMON_ALLOWED_HOSTS', async () => {
  const { send, sent } = harness([answerOf(200)]);
  await expect(send({}, 'https://staging.example.org/contacts/1'), 'the absolute URL is refused').rejects.toThrow(
    ConfigError,
  );
  await expect(
    send({}, 'https://staging.example.org/contacts/1'),
    'the refusal names the variable to set',
  ).rejects.toThrow(/not in QOMON_ALLOWED_HOSTS; add "staging.example.org" to QOMON_ALLOWED_HOSTS/);
  expect(sent(), 'no request was sent').toBe(0);
});

test('the guard also holds for the cleanup DELETE, which the budget never refuses', async () => {
  const { send, sent } = harness([answerOf(204)]);
  await expect(
    send({ prepaid: true }, 'http://10.0.0.1/contacts/1', 'DELETE'),
    'a prepaid request is still guarded',
  ).rejects.toThrow(ConfigError);
  expect(sent(), 'no request was sent').toBe(0);
});

test('a request the budget cannot pay for skips the test, "token budget exhausted", and is not sent', async () => {
  const { send, sent, seat } = harness([answerOf(200)], { budget: budgetOf(8) });
  await send({}); // a PATCH: 5 of 8
  await expect(send({}), 'the second PATCH would make 10 of 8').rejects.toThrow(/skipped/);
  expect(sent(), 'only the first PATCH was sent').toBe(1);
  expect(seat.skipped, 'the skip reason says why, with the figures').toBe(
    'token budget exhausted: PATCH /contacts/1 needs 5 tokens, and 5 of the 8 it may draw on are spent (QOMON_TOKEN_BUDGET=8)',
  );
  expect(seat.annotations, 'the test carries a budget annotation for the reports').toContainEqual({
    type: 'budget',
    description: seat.skipped,
  });
});

test('a request under a lower ceiling (part of the budget kept for later) is refused where the full budget would admit it', async () => {
  const budget = budgetOf(10);
  const seat = new SeatRecorder();
  let sent = 0;
  const traffic = new Traffic({
    baseURL: () => BASE,
    allowedHosts: [],
    budget: () => budget,
    ceiling: () => ({ tokens: 9, kept: '1 kept for the rate-limit checks, which run last' }),
    seat: () => seat,
    pause: async () => undefined,
  });
  const patch = () => traffic.carry({ method: 'PATCH', path: 'contacts/1' }, {}, async () => (sent++, answerOf(200)));
  await patch();
  await expect(patch(), 'a second PATCH would make 10, above the ceiling of 9').rejects.toThrow(/skipped/);
  expect(sent, 'one PATCH sent').toBe(1);
  expect(seat.skipped, 'the reason names what is kept, and for what').toBe(
    'token budget exhausted: PATCH /contacts/1 needs 5 tokens, and 5 of the 9 it may draw on are spent (QOMON_TOKEN_BUDGET=10; 1 kept for the rate-limit checks, which run last)',
  );
  expect(budget.reserve(5, 'PATCH /contacts/1').admitted, 'the full budget would have admitted it').toBe(true);
});

test('the cleanup DELETE, paid for with its POST, goes out even when the budget is spent', async () => {
  const { send, sent, seat } = harness([answerOf(200), answerOf(204)], { budget: budgetOf(6) });
  await send({}, 'contacts', 'POST'); // 5, and 1 for its DELETE: 6 of 6
  await send({ prepaid: true }, 'contacts/1', 'DELETE');
  expect(sent(), 'both were sent').toBe(2);
  expect(seat.skipped, 'nothing was skipped').toBeUndefined();
});

test('after a 429 with a short Retry-After, the request waits that long and goes again, and the report says so', async () => {
  const { send, sent, seat, pauses } = harness([answerOf(429, { 'retry-after': '2' }), answerOf(200)]);
  const answer = await send({ retryOn429: true });
  expect(answer.status, 'the second try is the answer').toBe(200);
  expect(sent(), 'two tries').toBe(2);
  expect(pauses, 'it waited the 2 s the target asked for').toEqual([2_000]);
  expect(seat.extendedBy, 'the wait does not eat the test time').toBe(2_000);
  expect(seat.annotations, 'the report records the 429 and the wait').toContainEqual({
    type: 'rate-limited',
    description: 'PATCH /contacts/1 answered 429 with Retry-After 2 s: waited 2 s, then sent it again (try 2 of 3)',
  });
});

test(`a request is tried at most ${MAX_TRIES} times on 429s, then the 429 stands`, async () => {
  const { send, sent } = harness([answerOf(429, { 'retry-after': '1' })]);
  const answer = await send({ retryOn429: true });
  expect(answer.status, 'the caller sees the last 429').toBe(429);
  expect(sent(), `${MAX_TRIES} tries at most`).toBe(MAX_TRIES);
});

test(`a Retry-After beyond ${MAX_WAIT_SECONDS} s is not waited for: the 429 stands at once`, async () => {
  const { send, sent, pauses, seat } = harness([answerOf(429, { 'retry-after': '60' })]);
  const answer = await send({ retryOn429: true });
  expect(answer.status, 'the 429 comes back').toBe(429);
  expect(sent(), 'one try only').toBe(1);
  expect(pauses, 'no wait').toEqual([]);
  expect(seat.annotations[0]?.description, 'the report says why it did not wait').toContain(
    `Retry-After of 60 s is beyond the ${MAX_WAIT_SECONDS} s the suite waits`,
  );
});

test('where a 429 is the thing under test (retryOn429 off), it comes back untouched', async () => {
  const { send, sent, pauses } = harness([answerOf(429, { 'retry-after': '1' }), answerOf(200)]);
  const answer = await send({});
  expect(answer.status, 'the 429 itself').toBe(429);
  expect(sent(), 'no retry').toBe(1);
  expect(pauses, 'no wait').toEqual([]);
});

test('a remaining-tokens header in an answer corrects the budget', async () => {
  const budget = budgetOf(100);
  const { send } = harness(
    [answerOf(200, { 'ratelimit-remaining': '980' }), answerOf(200, { 'ratelimit-remaining': '950' })],
    { budget },
  );
  await send({}); // reserves 5; the target reports 980 left, so its bucket held 985 before
  await send({}); // reserves 5; the target reports 950 left: 35 drawn in all, not 10
  expect(budget.spent(), 'the ledger counts what the target says was drawn').toBe(35);
});

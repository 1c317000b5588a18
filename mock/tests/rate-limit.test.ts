// The token bucket on an injected clock, then RAT-01 and RAT-02 over HTTP.

import type { APIRequest, APIRequestContext, APIResponse } from '@playwright/test';
import { manualClock } from '../rules/clock';
import { CONTACT_WRITE_COST, OTHER_ROUTE_COST, TokenBucket } from '../rules/rate-limit';
import { startMock, type RunningMock } from '../http/server';
import { envelope, expect, expectProblem, test } from './fixtures';

const START = 1_700_000_000_000_000n;
/** The rate token's refill: one token per minute. */
const RATE_POLICY = { capacity: 40, refillTokensPerSecond: 1 / 60 };

test.describe('the token bucket', () => {
  test('a new bucket is full: remaining equals the capacity and reset is 0', () => {
    const bucket = new TokenBucket(RATE_POLICY, manualClock(START).now);

    expect(bucket.state(), 'a new bucket is full').toEqual({ limit: 40, remaining: 40, resetSeconds: 0 });
  });

  test('RAT-01 a contact write costs 5 tokens and any other request 1', () => {
    const bucket = new TokenBucket(RATE_POLICY, manualClock(START).now);

    expect(bucket.take(CONTACT_WRITE_COST).state.remaining, 'RAT-01 a PATCH takes 5 tokens').toBe(35);
    expect(bucket.take(OTHER_ROUTE_COST).state.remaining, 'section 5: a GET takes 1 token').toBe(34);
    expect(CONTACT_WRITE_COST, 'RAT-01 the documented cost is 5').toBe(5);
  });

  test('the bucket refills at its rate and never beyond its capacity', () => {
    const clock = manualClock(START);
    const bucket = new TokenBucket(RATE_POLICY, clock.now);
    bucket.take(10);

    expect(bucket.state().resetSeconds, 'ten tokens short: full again in 600 s').toBe(600);
    clock.advanceSeconds(59.999);
    expect(bucket.state().remaining, 'a token is not back before a whole minute').toBe(30);
    clock.advanceSeconds(0.001);
    expect(bucket.state().remaining, 'a minute brings one token back').toBe(31);
    clock.advanceSeconds(3600);
    expect(bucket.state(), 'an hour later the bucket is full, not fuller').toEqual({
      limit: 40,
      remaining: 40,
      resetSeconds: 0,
    });
  });

  test('RAT-02 a refused take changes nothing and says when the cost is available', () => {
    const clock = manualClock(START);
    const bucket = new TokenBucket(RATE_POLICY, clock.now);
    bucket.take(38);

    const refused = bucket.take(CONTACT_WRITE_COST);

    expect(refused.granted, 'RAT-02 five tokens are not available from two').toBe(false);
    expect(refused.granted ? undefined : refused.retryAfterSeconds, 'RAT-02 three tokens are missing: 180 s').toBe(180);
    expect(bucket.state().remaining, 'RAT-02 a refused request takes nothing').toBe(2);
    clock.advanceSeconds(180);
    expect(bucket.take(CONTACT_WRITE_COST).granted, 'after Retry-After the request is served').toBe(true);
  });

  test('Retry-After rounds a wait of a fraction of a second up to 1', () => {
    const bucket = new TokenBucket({ capacity: 10, refillTokensPerSecond: 1000 }, manualClock(START).now);
    bucket.take(10);

    const refused = bucket.take(1);

    expect(refused.granted ? undefined : refused.retryAfterSeconds, 'a 1 ms wait is announced as 1 s').toBe(1);
  });

  test('a clock that steps back adds no tokens and takes none', () => {
    const clock = manualClock(START);
    const bucket = new TokenBucket(RATE_POLICY, clock.now);
    bucket.take(10);
    clock.advanceSeconds(-600);

    expect(bucket.state().remaining, 'time that did not pass refills nothing').toBe(30);
    clock.advanceSeconds(660);
    expect(bucket.state().remaining, 'refill resumes from the latest instant seen').toBe(31);
  });
});

/** A mock whose clock stands still, so no token comes back during the test. */
async function frozenMock(): Promise<{ mock: RunningMock; close: () => Promise<void> }> {
  const mock = await startMock({ port: 0, clock: manualClock(START).now });
  return { mock, close: () => mock.close() };
}

function remaining(response: APIResponse): number {
  return Number(response.headers()['ratelimit-remaining']);
}

async function tokenContext(request: APIRequest, mock: RunningMock, token: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: mock.url, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

test('RAT-01 RateLimit-Remaining drops by 5 for a PATCH and POST, by 1 for a GET, failed or not', async ({
  playwright,
}) => {
  const { mock, close } = await frozenMock();
  const api = await tokenContext(playwright.request, mock, mock.tokens.space);
  try {
    const created = await api.post('/contacts', { data: envelope({}) });
    const id = ((await created.json()) as { data: { contact: { id: number } } }).data.contact.id;
    const afterPost = remaining(created);
    expect(afterPost, 'RAT-01 POST /contacts costs 5').toBe(1_000_000 - 5);
    expect(created.headers()['ratelimit-limit'], 'section 5: RateLimit-Limit is the capacity').toBe('1000000');

    const patched = await api.patch(`/contacts/${id}`, { data: envelope({ firstname: 'x' }) });
    expect(remaining(patched), 'RAT-01 a PATCH costs 5').toBe(afterPost - 5);
    const read = await api.get(`/contacts/${id}`);
    expect(remaining(read), 'section 5: a GET costs 1').toBe(afterPost - 6);
    expect(
      read.headers()['ratelimit-reset'],
      'section 5: RateLimit-Reset is the seconds until full (11 tokens spent, refilled at 1/s)',
    ).toBe('11');

    const refused = await api.patch(`/contacts/${id}`, { data: envelope({ firstname: 42 }) });
    expect(refused.status(), 'a wrong type is a 422').toBe(422);
    expect(remaining(refused), 'section 5: a failed PATCH is charged 5 too').toBe(afterPost - 11);
    const missing = await api.get('/contacts/0');
    expect(remaining(missing), 'section 5: a 404 is charged 1').toBe(afterPost - 12);
    const noRoute = await api.get('/nowhere');
    expect(remaining(noRoute), 'section 5: an unknown route is charged 1').toBe(afterPost - 13);
  } finally {
    await api.dispose();
    await close();
  }
});

test('RAT-02 the small rate bucket runs out: 429 with Retry-After and RateLimit headers, and nothing changes', async ({
  playwright,
}) => {
  const { mock, close } = await frozenMock();
  const api = await tokenContext(playwright.request, mock, mock.tokens.space);
  const rateApi = await tokenContext(playwright.request, mock, mock.tokens.rate);
  try {
    const created = await api.post('/contacts', { data: envelope({ firstname: 'Before' }) });
    const id = ((await created.json()) as { data: { contact: { id: number } } }).data.contact.id;

    // 40 tokens buy eight PATCHes; the clock stands still, so nothing comes back.
    for (let patch = 1; patch <= 8; patch++) {
      const response = await rateApi.patch(`/contacts/${id}`, { data: envelope({ firstname: `Patch ${patch}` }) });
      expect(response.status(), `RAT-01 PATCH ${patch} of 8 fits in the bucket`).toBe(200);
      expect(remaining(response), `RAT-01 PATCH ${patch} leaves ${40 - 5 * patch} tokens`).toBe(40 - 5 * patch);
    }
    const before = mock.store.contact(id);

    const refused = await rateApi.patch(`/contacts/${id}`, { data: envelope({ firstname: 'Too many' }) });

    await expectProblem(refused, 429, 'RAT-02');
    const headers = refused.headers();
    expect(headers['retry-after'], 'RAT-02 five tokens at one a minute: retry after 300 s').toBe('300');
    expect(headers['ratelimit-limit'], 'section 5: RateLimit-Limit is the capacity').toBe('40');
    expect(headers['ratelimit-remaining'], 'section 5: RateLimit-Remaining is 0').toBe('0');
    expect(headers['ratelimit-reset'], 'section 5: RateLimit-Reset: 40 tokens at one a minute').toBe('2400');
    expect(mock.store.contact(id), 'RAT-02 nothing changes').toBe(before);

    const alsoRefused = await rateApi.get(`/contacts/${id}`);
    expect(alsoRefused.status(), 'RAT-02 an empty bucket refuses a GET too').toBe(429);
    expect(alsoRefused.headers()['retry-after'], 'RAT-02 one token: retry after 60 s').toBe('60');
    expect((await api.get(`/contacts/${id}`)).status(), 'the space token has its own bucket and is not starved').toBe(
      200,
    );
  } finally {
    await api.dispose();
    await rateApi.dispose();
    await close();
  }
});

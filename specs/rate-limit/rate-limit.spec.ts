/**
 * The rate limit (CONTRACT.md section 3, RAT-*). Source: Update contact by ID, "This synchronous
 * endpoint costs 5 rate-limit tokens per request". This file runs after every other test
 * (playwright.config.ts, project `rate-limit`), in order, so that it starves nothing: the header
 * method reads QOMON_TOKEN's bucket while nothing else spends it, then the exhaustion method and
 * RAT-02 empty the bucket of QOMON_RATE_TOKEN (on the mock, a token with a small bucket of its own).
 * Only POST and PATCH are counted: the contract documents no other cost.
 */
import { PATCH_COST, POST_COST } from '../request-path/prices';
import { remainingTokens, retryAfterSeconds } from '../request-path/rate-limit';
import { observation, observe, rule } from '../support/rule-catalogue';
import { expectUnchanged, readStored } from '../support/steps';
import { expect, test } from '../support/test';

/** Consecutive PATCHes whose cost is read: the largest drop is the cost, whatever refills between two. */
const HEADER_SAMPLES = 5;

test(
  `RAT-01 a PATCH costs ${PATCH_COST} tokens, read from the remaining-tokens header`,
  rule('RAT-01'),
  async ({ api, contacts }) => {
    const { id, created } = await contacts.create();
    test.skip(
      remainingTokens(created) === undefined,
      'the target sends no RateLimit-Remaining, X-RateLimit-Remaining or RateLimit r= header: the exhaustion method checks RAT-01 instead',
    );

    const remaining: number[] = [];
    for (let sample = 0; sample < HEADER_SAMPLES; sample += 1) {
      const answer = await api.patchContact(id, contacts.minimal({ firstname: `Ada ${sample}` }));
      expect(answer.status, `RAT-01 arrange: PATCH #${sample + 1} is accepted\n${answer.describe()}`).toBe(200);
      remaining.push(remainingTokens(answer) ?? Number.NaN);
    }
    // A refill between two PATCHes can only make a drop smaller, so the largest drop is the cost.
    const drops = remaining.slice(1).map((value, index) => (remaining[index] as number) - value);
    expect(
      Math.max(...drops),
      `RAT-01 the remaining tokens drop by ${PATCH_COST} per PATCH; remaining after each PATCH: ${remaining.join(', ')} (drops ${drops.join(', ')})`,
    ).toBe(PATCH_COST);
  },
);

test(
  `RAT-01 a bucket of QOMON_RATE_CAPACITY tokens allows exactly capacity/${PATCH_COST} POST and PATCH requests`,
  rule('RAT-01'),
  async ({ rateApi, contacts, runConfig }) => {
    test.skip(
      runConfig.rateCapacity === undefined,
      'QOMON_RATE_CAPACITY is unset: the exhaustion check is opt-in on a live target; set it to the bucket size of QOMON_RATE_TOKEN (or QOMON_TOKEN)',
    );
    const capacity = runConfig.rateCapacity as number;
    const allowed = Math.floor(capacity / PATCH_COST);
    const tries = allowed + 2;

    const { id } = await contacts.create(contacts.minimal(), rateApi);
    let accepted = 1; // the POST, which costs POST_COST like a PATCH
    for (let attempt = 0; attempt < tries; attempt += 1) {
      const answer = await rateApi.patchContact(id, contacts.minimal({ firstname: `Ada ${attempt}` }));
      if (answer.status === 429) break;
      expect(
        answer.status,
        `RAT-01 arrange: a PATCH before the bucket is empty is accepted\n${answer.describe()}`,
      ).toBe(200);
      accepted += 1;
    }
    expect(
      accepted,
      `RAT-01 a full bucket of ${capacity} tokens at ${PATCH_COST} a PATCH (${POST_COST} a POST) allows ${allowed} requests before the first 429; the target allowed ${accepted} (the bucket must be full at the start and refill slowly)`,
    ).toBe(allowed);
  },
);

test(
  'RAT-02 past the budget a PATCH is 429 with Retry-After and a problem body, and changes nothing',
  rule('RAT-02'),
  async ({ api, rateApi, contacts, runConfig }) => {
    test.skip(
      runConfig.rateCapacity === undefined,
      'QOMON_RATE_CAPACITY is unset: emptying a bucket is opt-in on a live target; set it to the bucket size of QOMON_RATE_TOKEN (or QOMON_TOKEN)',
    );
    const sameBucket =
      rateApi.credential.kind === 'token' &&
      api.credential.kind === 'token' &&
      rateApi.credential.token === api.credential.token;
    const { id } = await contacts.create(contacts.minimal(), sameBucket ? rateApi : api);

    const tries = Math.floor((runConfig.rateCapacity as number) / PATCH_COST) + 2;
    let refused;
    let before;
    for (let attempt = 0; attempt < tries && !refused; attempt += 1) {
      // The state right before each attempt, read with QOMON_TOKEN, whose bucket is not the one being emptied.
      if (!sameBucket) before = await readStored(api, id, 'RAT-02');
      const answer = await rateApi.patchContact(id, contacts.minimal({ firstname: `Mallory ${attempt}` }));
      if (answer.status === 429) refused = answer;
    }
    expect(
      refused,
      `RAT-02 ${tries} PATCHes at ${PATCH_COST} tokens overrun a bucket of ${runConfig.rateCapacity} and get a 429`,
    ).toBeDefined();
    if (!refused) return;
    await expect(refused, 'RAT-02 the refused PATCH carries a problem body').toBeProblem(429);
    expect(
      retryAfterSeconds(refused),
      `RAT-02 the 429 carries Retry-After in seconds or as an HTTP date\n${refused.describe()}`,
    ).toBeDefined();
    if (before) {
      await expectUnchanged(api, id, before, 'RAT-02', refused);
    } else {
      test.info().annotations.push({
        type: 'note',
        description:
          'RAT-02: "nothing changes" was not read back: the only token is the one whose bucket is empty (set QOMON_RATE_TOKEN)',
      });
    }
  },
);

test(
  'OBSERVE whether a refused PATCH is charged tokens',
  observation('whether a failed request is charged tokens'),
  async ({ api, contacts }) => {
    const { id, created } = await contacts.create();
    test.skip(
      remainingTokens(created) === undefined,
      'the target sends no remaining-tokens header to read the charge from',
    );
    const before = await api.withoutChecks().patchContact(id, contacts.minimal());
    const refused = await api.withoutChecks().patchContact(id, { ...contacts.minimal(), firstname: 42 });
    const after = await api.withoutChecks().patchContact(id, contacts.minimal());
    const [first, second, third] = [before, refused, after].map((answer) => remainingTokens(answer));
    observe(
      test.info(),
      'remaining after an accepted, a refused (firstname: 42) and an accepted PATCH',
      `${first}, ${second}, ${third} (status of the refused one: ${refused.status})`,
    );
  },
);

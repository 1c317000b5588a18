/**
 * What a request costs (RAT-01 for POST and PATCH of a contact; the mock's 1 for the rest), and the
 * annotation that carries a test's spend to the conformance matrix.
 */
import { expect, test } from '@playwright/test';
import { PATCH_COST, POST_COST, tokensCharged } from '../prices';
import { parseSpend, spendAnnotation, spendOf } from '../spend';

const BASE = 'http://127.0.0.1:8787';

// Each row: a request and what it costs.
const COSTS = [
  { method: 'PATCH', url: `${BASE}/contacts/12`, cost: PATCH_COST },
  { method: 'POST', url: `${BASE}/contacts`, cost: POST_COST },
  { method: 'GET', url: `${BASE}/contacts/12`, cost: 1 },
  { method: 'DELETE', url: `${BASE}/contacts/12`, cost: 1 },
  { method: 'GET', url: `${BASE}/v1/forms/type/custom_fields`, cost: 1 },
];

for (const { method, url, cost } of COSTS) {
  test(`${method} ${new URL(url).pathname} costs ${cost} tokens`, () => {
    expect(tokensCharged(method, url), `RAT-01 the cost of ${method} ${url}`).toBe(cost);
  });
}

test("a test's spend survives the trip through its annotation", () => {
  const spend = spendOf(COSTS);
  expect(spend, 'five requests, priced one by one').toEqual({ requests: 5, tokens: PATCH_COST + POST_COST + 3 });
  expect(parseSpend(spendAnnotation(spend).description), 'the annotation reads back as it was written').toEqual(spend);
  expect(parseSpend('something else'), 'an annotation of another shape counts nothing').toEqual({
    requests: 0,
    tokens: 0,
  });
});

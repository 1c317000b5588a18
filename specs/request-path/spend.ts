/**
 * What a test spent on the target: requests sent and rate-limit tokens they cost. The transcript
 * fixture records it as an annotation, and the conformance reporter adds the annotations up, so a
 * maintainer sees what a run costs before pointing it at a live API.
 */
import { PATCH_COST, POST_COST } from './rate-limit';

export const SPEND_ANNOTATION = 'requests';

/** The contract prices POST and PATCH /contacts (RAT-01); the mock charges every other route 1 (CONTRACT.md section 5). */
const OTHER_ROUTE_COST = 1;

export interface Spend {
  requests: number;
  tokens: number;
}

export function tokensCharged(method: string, url: string): number {
  const contactsRoute = /\/contacts(\/[^/]*)?$/.test(new URL(url).pathname);
  if (contactsRoute && method === 'PATCH') return PATCH_COST;
  if (contactsRoute && method === 'POST') return POST_COST;
  return OTHER_ROUTE_COST;
}

export function spendOf(exchanges: readonly { method: string; url: string }[]): Spend {
  return {
    requests: exchanges.length,
    tokens: exchanges.reduce((sum, { method, url }) => sum + tokensCharged(method, url), 0),
  };
}

export function spendAnnotation(spend: Spend): { type: string; description: string } {
  return { type: SPEND_ANNOTATION, description: `${spend.requests} requests, ${spend.tokens} tokens` };
}

/** The spend an annotation written by `spendAnnotation` carries; zero for anything else. */
export function parseSpend(description: string | undefined): Spend {
  const match = description?.match(/^(\d+) requests, (\d+) tokens$/);
  return match ? { requests: Number(match[1]), tokens: Number(match[2]) } : { requests: 0, tokens: 0 };
}

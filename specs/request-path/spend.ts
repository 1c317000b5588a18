/**
 * What a test spent on the target: requests sent and rate-limit tokens they cost. The transcript
 * fixture records it as an annotation, and the conformance reporter adds the annotations up, so a
 * maintainer sees what a run costs before pointing it at a live API.
 */
import { tokensCharged } from './prices';

export const SPEND_ANNOTATION = 'requests';

export interface Spend {
  requests: number;
  tokens: number;
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

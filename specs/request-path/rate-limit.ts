/**
 * Reading the rate limit a target reports (CONTRACT.md RAT-01 a): `RateLimit-Remaining`,
 * `X-RateLimit-Remaining`, or the `r` parameter of a structured `RateLimit` field
 * (draft-ietf-httpapi-ratelimit-headers: `RateLimit: "default";r=50;t=30`).
 */
import type { Answer } from './answer';

export function remainingTokens(answer: Answer): number | undefined {
  for (const name of ['ratelimit-remaining', 'x-ratelimit-remaining']) {
    const value = answer.header(name)?.trim();
    if (value !== undefined && /^\d+$/.test(value)) return Number(value);
  }
  const structured = answer.header('ratelimit')?.match(/(?:^|;)\s*r=(\d+)/);
  return structured ? Number(structured[1]) : undefined;
}

/** `Retry-After` as seconds (delay-seconds) or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(answer: Answer, now = Date.now()): number | undefined {
  const value = answer.header('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * One exchange of a passing test, kept for the rule book (scripts/reporters/rule-book.ts): the
 * documentation shows a real request and answer for each rule, taken from the last run. Redacted
 * like every transcript, bodies shortened in the middle, so that 146 samples stay a few hundred KB.
 */
import { shortenMiddle, type Exchange, type Transcript } from '../request-path/transcript';

/** The attachment's name; the leading `_` keeps it out of the terminal (and the Allure reporter drops it). */
export const EXCHANGE_ATTACHMENT = '_exchange';

/** Longest body a sample keeps: enough for a whole contact, not for the 2 MiB body of VAL-04. */
export const SAMPLE_BODY_CHARS = 2_500;

export interface ExchangeSample {
  request: { method: string; path: string; credential: string; headers: Record<string, string>; body?: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

/** Response headers worth showing: what the contract talks about. */
const SHOWN_RESPONSE_HEADERS = /^(content-type|ratelimit|x-ratelimit|retry-after)/i;

/**
 * The exchange that shows what the test was about: its last PATCH (the endpoint under test), else
 * its last request that is not a DELETE (cleanup deletes every contact after the test), else the
 * last one.
 */
export function exchangeToShow(exchanges: readonly Exchange[]): Exchange | undefined {
  const latestFirst = [...exchanges].reverse();
  return (
    latestFirst.find((exchange) => exchange.method === 'PATCH') ??
    latestFirst.find((exchange) => exchange.method !== 'DELETE') ??
    latestFirst[0]
  );
}

export function sampleOf(transcript: Transcript): ExchangeSample | undefined {
  const exchange = exchangeToShow(transcript.exchanges);
  if (exchange === undefined) return undefined;
  const redact = (text: string) => transcript.redactor.redact(text);
  const url = new URL(exchange.url);
  return {
    request: {
      method: exchange.method,
      // The path only: the mock's port is gone when the page is read.
      path: `${url.pathname}${url.search}`,
      credential: exchange.credential,
      headers: Object.fromEntries(
        Object.entries(exchange.requestHeaders).map(([name, value]) => [name, redact(value)]),
      ),
      ...(exchange.requestBody === undefined
        ? {}
        : { body: shortenMiddle(redact(exchange.requestBody), SAMPLE_BODY_CHARS) }),
    },
    response: {
      status: exchange.status,
      headers: Object.fromEntries(
        Object.entries(exchange.responseHeaders)
          .filter(([name]) => SHOWN_RESPONSE_HEADERS.test(name))
          .map(([name, value]) => [name, redact(value)]),
      ),
      body: shortenMiddle(redact(exchange.responseText), SAMPLE_BODY_CHARS),
    },
  };
}

/**
 * One HTTP answer of the target, with the exchange that produced it, so that any failure can show
 * how to reproduce it. A leaf: the request path and the matchers both read it.
 */
import type { Exchange } from './transcript';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, unknown>;

/** What an answer needs of its transcript: the redacted description of its exchange. */
interface Describer {
  describe(exchange: Exchange): string;
}

/** One answer, with the exchange that produced it so that any failure can show how to reproduce it. */
export class Answer {
  readonly json: unknown;

  constructor(
    readonly exchange: Exchange,
    private readonly transcript: Describer,
  ) {
    try {
      this.json = exchange.responseText ? JSON.parse(exchange.responseText) : undefined;
    } catch {
      this.json = undefined;
    }
  }

  get status(): number {
    return this.exchange.status;
  }

  header(name: string): string | undefined {
    return this.exchange.responseHeaders[name.toLowerCase()];
  }

  /** `data.contact` of a contact envelope (SCH-01); an empty object when the answer has none. */
  get contact(): JsonObject {
    const data = (this.json as { data?: { contact?: unknown } } | undefined)?.data;
    const contact = data?.contact;
    return contact && typeof contact === 'object' && !Array.isArray(contact) ? (contact as JsonObject) : {};
  }

  /** The request and the answer, redacted, with a curl line: what a failure message shows. */
  describe(): string {
    return this.transcript.describe(this.exchange);
  }
}

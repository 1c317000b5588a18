/**
 * Requests to the target, as the contract shapes them (CONTRACT.md section 1): the envelope, the
 * bearer token, and the checks every answer must pass wherever it arrives (SCH-01..03, VAL-04).
 * Every request passes traffic.ts (guard, budget, 429) and wire.ts (the bytes), and every answer
 * is redacted before anyone sees it: no token the run knows, and not the Authorization value the
 * request carried, reaches a test, a matcher, a transcript or a report, whatever the target echoes.
 * Every exchange goes to the test's transcript.
 */
import { Answer } from './answer';
import type { RequestPath } from './request-path';
import type { Exchange, Transcript } from './transcript';
import type { TrafficOptions } from './traffic';
import { refuseRedirect, sendOverWire, TransportError, type WireAnswer } from './wire';

/** How a request authenticates: a token named by the variable that holds it, or a broken header. */
export type Credential =
  | { kind: 'token'; token: string; variable: string }
  /** `shown` replaces `value` in transcripts when the value hides a token in another form (Basic). */
  | { kind: 'header'; value: string; label: string; shown?: string }
  | { kind: 'none' };

export interface SendOptions {
  /** A value to send as JSON, or a string sent as it is. */
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export const JSON_CONTENT_TYPE = 'application/json';

export { Answer, type Json, type JsonObject } from './answer';

export class Api {
  constructor(
    /** The request path of this process (request-path.ts): guard, budget, redactor, wire. */
    private readonly path: RequestPath,
    private readonly transcript: Transcript,
    readonly credential: Credential,
    /**
     * The checks every answer must pass wherever it arrives (support/every-answer.ts); none for
     * observations, which record what they see and never fail (CONTRACT.md), and for cleanup.
     */
    private readonly inspect?: (answer: Answer) => void,
    /** Waits on a 429's Retry-After, or not; whether the budget paid in advance (traffic.ts). */
    private readonly trafficOptions: TrafficOptions = {},
  ) {}

  /** The same credential, without the SCH/VAL-04 checks: for observations only. */
  withoutChecks(): Api {
    return new Api(this.path, this.transcript, this.credential, undefined, this.trafficOptions);
  }

  /** The same credential for the DELETE that cleans up a contact: no checks, paid for when the contact was created. */
  forCleanup(): Api {
    return new Api(this.path, this.transcript, this.credential, undefined, { ...this.trafficOptions, prepaid: true });
  }

  createContact(contact: object): Promise<Answer> {
    return this.send('POST', 'contacts', { body: { data: { contact } } });
  }

  patchContact(id: number | string, contact: object): Promise<Answer> {
    return this.send('PATCH', `contacts/${id}`, { body: { data: { contact } } });
  }

  getContact(id: number | string): Promise<Answer> {
    return this.send('GET', `contacts/${id}`);
  }

  deleteContact(id: number | string): Promise<Answer> {
    return this.send('DELETE', `contacts/${id}`);
  }

  listForms(category: string): Promise<Answer> {
    return this.send('GET', `v1/forms/type/${category}`);
  }

  /** Any request, for the tests that send what a client following the contract never would. */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const variable = this.credential.kind === 'token' ? this.credential.variable : undefined;
    const answer = await this.path.traffic.carry({ method, path, variable }, this.trafficOptions, () =>
      this.sendOnce(method, path, options),
    );
    this.inspect?.(answer);
    return answer;
  }

  private async sendOnce(method: string, path: string, options: SendOptions): Promise<Answer> {
    const headers: Record<string, string> = { Accept: JSON_CONTENT_TYPE };
    if (this.credential.kind === 'token') headers.Authorization = `Bearer ${this.credential.token}`;
    if (this.credential.kind === 'header') headers.Authorization = this.credential.value;
    let payload: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['Content-Type'] = JSON_CONTENT_TYPE;
    Object.assign(headers, options.headers);

    // The Authorization value sent is a secret too, in whatever form it took (Redactor.withCredential).
    const sent = headers.Authorization;
    const redactor = sent ? this.path.redactor.withCredential(sent) : this.path.redactor;
    const url = new URL(path, this.path.baseURL);
    const wireAnswer = await this.#overTheWire(method, url, headers, payload);
    const redacted = (text: string) => redactor.redact(text);
    const exchange: Exchange = {
      method,
      url: url.href,
      credential:
        this.credential.kind === 'token'
          ? this.credential.variable
          : this.credential.kind === 'header'
            ? this.credential.label
            : 'no Authorization header',
      requestHeaders: Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [
          name,
          name === 'Authorization' && this.credential.kind === 'header' && this.credential.shown !== undefined
            ? this.credential.shown
            : this.path.redactor.redact(value),
        ]),
      ),
      requestBody: typeof payload === 'string' ? redacted(payload) : payload ? `<${payload.length} bytes>` : undefined,
      status: wireAnswer.status,
      responseHeaders: Object.fromEntries(
        Object.entries(wireAnswer.headers).map(([name, value]) => [name, redacted(value)]),
      ),
      responseText: redacted(wireAnswer.body),
    };
    this.transcript.record(exchange);
    return new Answer(exchange, this.transcript);
  }

  /**
   * The request on the wire, or the TransportError that stops the run: once the target could not
   * be talked to, every later request of the run fails at once with the same error.
   */
  async #overTheWire(
    method: string,
    url: URL,
    headers: Record<string, string>,
    payload: string | Buffer | undefined,
  ): Promise<WireAnswer> {
    const stopped = this.path.stop?.reason();
    if (stopped) throw stopped;
    const request = { method, url };
    try {
      // A Buffer goes out byte for byte.
      const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
      const answer = await sendOverWire({ ...request, headers, ...(body ? { body } : {}) }, this.path.wire);
      refuseRedirect(request, answer);
      return answer;
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const redacted = new TransportError(error.kind, this.path.redactor.redact(error.message));
      this.path.stop?.stop(redacted);
      throw redacted;
    }
  }
}

/**
 * Requests to the target, as the contract shapes them (CONTRACT.md section 1): the envelope, the
 * bearer token, and the checks every answer must pass wherever it arrives (SCH-01..03, VAL-04).
 * Every exchange goes to the test's transcript, redacted.
 */
import type { APIRequestContext } from '@playwright/test';
import { Answer, type JsonObject } from './answer';
import type { Exchange, Transcript } from './transcript';
import { runTraffic, type Traffic, type TrafficOptions } from './traffic';

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
    private readonly request: APIRequestContext,
    private readonly transcript: Transcript,
    readonly credential: Credential,
    /**
     * The checks every answer must pass wherever it arrives (support/every-answer.ts); none for
     * observations, which record what they see and never fail (CONTRACT.md), and for cleanup.
     */
    private readonly inspect?: (answer: Answer) => void,
    /** Waits on a 429's Retry-After, or not; whether the budget paid in advance (traffic.ts). */
    private readonly trafficOptions: TrafficOptions = {},
    /** The target guard and the token budget every request passes (traffic.ts). */
    private readonly traffic: Traffic = runTraffic(),
  ) {}

  /** The same credential, without the SCH/VAL-04 checks: for observations only. */
  withoutChecks(): Api {
    return new Api(this.request, this.transcript, this.credential, undefined, this.trafficOptions, this.traffic);
  }

  /** The same credential for the DELETE that cleans up a contact: no checks, paid for when the contact was created. */
  forCleanup(): Api {
    return new Api(
      this.request,
      this.transcript,
      this.credential,
      undefined,
      { ...this.trafficOptions, prepaid: true },
      this.traffic,
    );
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
    const answer = await this.traffic.carry({ method, path, variable }, this.trafficOptions, () =>
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

    // A Buffer goes out byte for byte: Playwright would JSON-encode a string sent as application/json.
    const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    const response = await this.request.fetch(path, { method, headers, data, maxRedirects: 0 });
    const exchange: Exchange = {
      method,
      url: response.url(),
      credential:
        this.credential.kind === 'token'
          ? this.credential.variable
          : this.credential.kind === 'header'
            ? this.credential.label
            : 'no Authorization header',
      requestHeaders:
        this.credential.kind === 'header' && this.credential.shown !== undefined
          ? { ...headers, Authorization: this.credential.shown }
          : headers,
      requestBody: typeof payload === 'string' ? payload : payload ? `<${payload.length} bytes>` : undefined,
      status: response.status(),
      responseHeaders: response.headers(),
      responseText: await response.text(),
    };
    this.transcript.record(exchange);
    return new Answer(exchange, this.transcript);
  }
}

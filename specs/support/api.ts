/**
 * Requests to the target, as the contract shapes them (CONTRACT.md section 1): the envelope, the
 * bearer token, and the checks every answer must pass wherever it arrives (SCH-01..03, VAL-04).
 * Every exchange goes to the test's transcript, redacted.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './expect';
import type { ContactInput, EntryListName } from './contact';
import type { Exchange, Transcript } from './transcript';
import { runTraffic, type Traffic, type TrafficOptions } from './traffic';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, unknown>;

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

function isContactRoute(method: string, pathname: string): boolean {
  return (
    ['POST', 'GET', 'PATCH'].includes(method) && /\/contacts(\/[^/]+)?$/.test(pathname) && !pathname.includes('/forms/')
  );
}

function isFormsRoute(method: string, pathname: string): boolean {
  return method === 'GET' && /\/v1\/forms\/type\/[^/]+$/.test(pathname);
}

/** One answer, with the exchange that produced it so that any failure can show how to reproduce it. */
export class Answer {
  readonly json: unknown;

  constructor(
    readonly exchange: Exchange,
    private readonly transcript: Transcript,
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

export class Api {
  constructor(
    private readonly request: APIRequestContext,
    private readonly transcript: Transcript,
    readonly credential: Credential,
    /** Observations turn the checks off: they record what they see and never fail (CONTRACT.md). */
    private readonly checks = true,
    /** Waits on a 429's Retry-After, or not; whether the budget paid in advance (traffic.ts). */
    private readonly trafficOptions: TrafficOptions = {},
    /** The target guard and the token budget every request passes (traffic.ts). */
    private readonly traffic: Traffic = runTraffic(),
  ) {}

  /** The same credential, without the SCH/VAL-04 checks: for observations only. */
  withoutChecks(): Api {
    return new Api(this.request, this.transcript, this.credential, false, this.trafficOptions, this.traffic);
  }

  /** The same credential for the DELETE that cleans up a contact: no checks, paid for when the contact was created. */
  forCleanup(): Api {
    return new Api(
      this.request,
      this.transcript,
      this.credential,
      false,
      { ...this.trafficOptions, prepaid: true },
      this.traffic,
    );
  }

  createContact(contact: ContactInput | JsonObject): Promise<Answer> {
    return this.send('POST', 'contacts', { body: { data: { contact } } });
  }

  patchContact(id: number | string, contact: ContactInput | JsonObject): Promise<Answer> {
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
    if (this.checks) checkEveryAnswer(answer);
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

/**
 * What every answer must satisfy wherever it arrives, so a schema break fails the test that saw it.
 * Soft: the test goes on to check its own rule, and fails with both messages.
 */
function checkEveryAnswer(answer: Answer): void {
  const { method, url, status } = answer.exchange;
  const { pathname } = new URL(url);
  expect.soft(status, `VAL-04 no request is answered with a 5xx\n${answer.describe()}`).toBeLessThan(500);
  if (status >= 200 && status < 300 && isContactRoute(method, pathname)) {
    expect
      .soft(answer, 'SCH-01/SCH-02 a 2xx contact answer is the contact envelope, timestamps UTC Z with 0-6 digits')
      .toMatchSchema('contact-answer');
  } else if (status >= 200 && status < 300 && isFormsRoute(method, pathname)) {
    expect
      .soft(answer, 'SCH-01/SCH-02 a forms answer validates against the form list schema')
      .toMatchSchema('form-list');
  } else if (status >= 400 && status < 500) {
    expect
      .soft(answer, 'SCH-03 every 4xx answer carries a problem body whose status equals the HTTP status')
      .toBeProblem(status);
  }
}

/** The entries of a list in an answer: `custom_fields`, or the older `customfields` when only it is present. */
export function entriesOf(contact: JsonObject, list: EntryListName): JsonObject[] {
  const value = contact[list] ?? (list === 'custom_fields' ? contact.customfields : undefined);
  return Array.isArray(value) ? (value.filter((entry) => entry && typeof entry === 'object') as JsonObject[]) : [];
}

/** ENT-02: an entry is active unless a response lists it with `deleted_at` set. */
export function isActive(entry: JsonObject): boolean {
  return entry.deleted_at === undefined || entry.deleted_at === null;
}

export function activeEntriesOf(contact: JsonObject, list: EntryListName): JsonObject[] {
  return entriesOf(contact, list).filter(isActive);
}

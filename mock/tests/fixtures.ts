// Fixtures of the mock's own tests: one in-process mock per worker (and a tolerant one on demand),
// request contexts per token, a contact factory that deletes what it made, and boxed assertions.

import { test as base, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { startMock, type RunningMock } from '../http/server';

/** A contact as an answer carries it; tests read the fields they check. */
export interface AnsweredContact {
  readonly id: number;
  readonly group_id: number;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly formdatas: AnsweredEntry[];
  readonly custom_fields: AnsweredEntry[];
  readonly [field: string]: unknown;
}

export interface AnsweredEntry {
  readonly id: number;
  readonly form_id: number;
  readonly form_ref_id: number;
  readonly data: string;
  readonly date: string;
  readonly deleted_at: string | null;
  readonly [field: string]: unknown;
}

export interface ProblemBody {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: { location: string; message: string; value: unknown }[];
}

export type ContactPayload = Record<string, unknown>;

/** Section 1: "Request envelope for POST and PATCH: {"data":{"contact":{…}}}". */
export function envelope(contact: ContactPayload): { data: { contact: ContactPayload } } {
  return { data: { contact } };
}

export interface ContactFactory {
  /** POSTs the contact with the space token and returns the answered contact. */
  create(contact?: ContactPayload): Promise<AnsweredContact>;
}

interface WorkerFixtures {
  mock: RunningMock;
  tolerantMock: RunningMock;
}

interface TestFixtures {
  /** Space 1's token. */
  api: APIRequestContext;
  /** Space 2's token. */
  otherSpaceApi: APIRequestContext;
  /** No Authorization header at all. */
  anonymousApi: APIRequestContext;
  /** Space 1's token on the tolerant mock. */
  tolerantApi: APIRequestContext;
  contacts: ContactFactory;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  mock: [
    async ({}, use) => {
      const mock = await startMock({ port: 0 });
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  tolerantMock: [
    async ({}, use) => {
      const mock = await startMock({ port: 0, variant: 'tolerant' });
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  api: async ({ playwright, mock }, use) => {
    const api = await playwright.request.newContext({
      baseURL: mock.url,
      extraHTTPHeaders: { Authorization: `Bearer ${mock.tokens.space}` },
    });
    await use(api);
    await api.dispose();
  },
  otherSpaceApi: async ({ playwright, mock }, use) => {
    const api = await playwright.request.newContext({
      baseURL: mock.url,
      extraHTTPHeaders: { Authorization: `Bearer ${mock.tokens.otherSpace}` },
    });
    await use(api);
    await api.dispose();
  },
  anonymousApi: async ({ playwright, mock }, use) => {
    const api = await playwright.request.newContext({ baseURL: mock.url });
    await use(api);
    await api.dispose();
  },
  tolerantApi: async ({ playwright, tolerantMock }, use) => {
    const api = await playwright.request.newContext({
      baseURL: tolerantMock.url,
      extraHTTPHeaders: { Authorization: `Bearer ${tolerantMock.tokens.space}` },
    });
    await use(api);
    await api.dispose();
  },
  contacts: async ({ api }, use) => {
    const created: number[] = [];
    await use({
      async create(contact = { firstname: 'Fixture' }) {
        const response = await api.post('/contacts', { data: envelope(contact) });
        expect(response.status(), 'fixture: POST /contacts answers 200').toBe(200);
        const answered = await contactOf(response);
        created.push(answered.id);
        return answered;
      },
    });
    // Teardown even when the test failed; a test may already have deleted its contact.
    for (const id of created) await api.delete(`/contacts/${id}`);
  },
});

export { expect };

export async function contactOf(response: APIResponse): Promise<AnsweredContact> {
  const body = (await response.json()) as { data: { contact: AnsweredContact } };
  return body.data.contact;
}

/** SCH-03: a problem-details body whose `status` equals the HTTP status. */
export async function expectProblem(response: APIResponse, status: number, rule: string): Promise<ProblemBody> {
  return test.step(
    `${rule} the answer is a ${status} problem`,
    async () => {
      expect(response.status(), `${rule} answers ${status}`).toBe(status);
      expect(response.headers()['content-type'], `${rule} a problem is application/problem+json`).toBe(
        'application/problem+json',
      );
      const body = (await response.json()) as ProblemBody;
      expect(body.status, `${rule} the problem's status equals the HTTP status`).toBe(status);
      expect(typeof body.title, `${rule} the problem has a title`).toBe('string');
      expect(typeof body.detail, `${rule} the problem has a detail`).toBe('string');
      return body;
    },
    { box: true },
  );
}

/** The contact as the space's token reads it now. */
export async function readBack(api: APIRequestContext, id: number): Promise<AnsweredContact> {
  const response = await api.get(`/contacts/${id}`);
  expect(response.status(), 'REP-04 GET of the contact answers 200').toBe(200);
  return contactOf(response);
}

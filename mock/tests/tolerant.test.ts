// The tolerant variant differs from the reference only where CONTRACT.md accepts either answer.
// Each test checks one difference; the suite must pass against both variants.

import type { APIRequest, APIRequestContext } from '@playwright/test';
import { manualClock } from '../rules/clock';
import { startMock, type RunningMock } from '../http/server';
import { contactOf, envelope, expect, test, type AnsweredContact } from './fixtures';
import { DATE_OF_FIRST_JOB, INTERESTS, JOB, LEVEL_OF_SUPPORT, optionAnswer } from './payloads';

const START = 1_721_216_082_195_123n; // 2024-07-17T11:34:42.195123Z

/** A tolerant mock on a clock that stands still, with contexts for the space and rate tokens. */
async function frozenTolerantMock(request: APIRequest): Promise<{
  mock: RunningMock;
  api: APIRequestContext;
  rateApi: APIRequestContext;
  close: () => Promise<void>;
}> {
  const mock = await startMock({ port: 0, variant: 'tolerant', clock: manualClock(START).now });
  const api = await request.newContext({
    baseURL: mock.url,
    extraHTTPHeaders: { Authorization: `Bearer ${mock.tokens.space}` },
  });
  const rateApi = await request.newContext({
    baseURL: mock.url,
    extraHTTPHeaders: { Authorization: `Bearer ${mock.tokens.rate}` },
  });
  return {
    mock,
    api,
    rateApi,
    close: async () => {
      await api.dispose();
      await rateApi.dispose();
      await mock.close();
    },
  };
}

async function createTolerant(api: APIRequestContext, contact: Record<string, unknown>): Promise<AnsweredContact> {
  const response = await api.post('/contacts', { data: envelope(contact) });
  expect(response.status(), 'tolerant: POST /contacts answers 201').toBe(201);
  return contactOf(response);
}

test('tolerant: a field of the wrong type is a 400 (VAL-02 allows 400 or 422)', async ({ tolerantApi }) => {
  const contact = await createTolerant(tolerantApi, {});

  const response = await tolerantApi.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 42 }) });

  expect(response.status(), 'VAL-02 tolerant answers 400').toBe(400);
  const body = (await response.json()) as { status: number; errors: { location: string }[] };
  expect(body.status, 'SCH-03 the problem status equals the HTTP status').toBe(400);
  expect(body.errors[0]?.location, 'VAL-02 the violation is still located').toBe('body.data.contact.firstname');
});

test('tolerant: POST /contacts answers 201 (section 1: "accept 201")', async ({ tolerantApi }) => {
  const response = await tolerantApi.post('/contacts', { data: envelope({ firstname: 'New' }) });

  expect(response.status(), 'section 1: tolerant creates with 201').toBe(201);
});

test('tolerant: soft-deleted entries are listed with deleted_at set, active ones with deleted_at null', async ({
  tolerantApi,
}) => {
  const contact = await createTolerant(tolerantApi, { custom_fields: [{ ...JOB, data: 'Architect' }] });

  const answered = await contactOf(
    await tolerantApi.patch(`/contacts/${contact.id}`, {
      data: envelope({ custom_fields: [{ ...JOB, data: 'Baker' }] }),
    }),
  );

  const active = answered.custom_fields.filter((entry) => entry.deleted_at === null);
  const softDeleted = answered.custom_fields.filter((entry) => entry.deleted_at !== null);
  expect(
    active.map((entry) => entry.data),
    'ENT-06 the active entry is the new value',
  ).toEqual(['Baker']);
  expect(
    softDeleted.map((entry) => entry.data),
    'ENT-02 the old entry is listed with deleted_at set',
  ).toEqual(['Architect']);
});

test('tolerant: envelopes carry no status member (section 1: "status may be absent")', async ({ tolerantApi }) => {
  const created = await tolerantApi.post('/contacts', { data: envelope({}) });
  const forms = await tolerantApi.get('/v1/forms/type/custom_fields');

  expect(Object.keys((await created.json()) as object), 'tolerant: the contact envelope is {data} only').toEqual([
    'data',
  ]);
  expect(Object.keys((await forms.json()) as object), 'tolerant: the forms envelope is {data} only').toEqual(['data']);
});

test('tolerant: no rate-limit headers, yet an empty bucket still answers 429 with Retry-After', async ({
  playwright,
}) => {
  const { api, rateApi, close } = await frozenTolerantMock(playwright.request);
  try {
    const contact = await createTolerant(api, {});
    for (let patch = 1; patch <= 8; patch++) {
      const response = await rateApi.patch(`/contacts/${contact.id}`, {
        data: envelope({ firstname: `Patch ${patch}` }),
      });
      expect(response.status(), `RAT-01 PATCH ${patch} of 8 fits in 40 tokens`).toBe(200);
      expect(
        Object.keys(response.headers()).filter((name) => name.includes('ratelimit')),
        'tolerant: no RateLimit headers',
      ).toEqual([]);
    }

    const refused = await rateApi.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 'Too many' }) });

    expect(refused.status(), 'RAT-02 the ninth PATCH is refused').toBe(429);
    expect(refused.headers()['retry-after'], 'RAT-02 Retry-After: five tokens at one a minute').toBe('300');
    expect(((await refused.json()) as { status: number }).status, 'SCH-03 the problem status equals 429').toBe(429);
  } finally {
    await close();
  }
});

test('tolerant: a failed request is not charged', async ({ playwright }) => {
  const { api, rateApi, close } = await frozenTolerantMock(playwright.request);
  try {
    const contact = await createTolerant(api, {});
    for (let attempt = 1; attempt <= 20; attempt++) {
      const refused = await rateApi.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 42 }) });
      expect(refused.status(), `attempt ${attempt} is a 400`).toBe(400);
    }

    for (let patch = 1; patch <= 8; patch++) {
      const response = await rateApi.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 'ok' }) });
      expect(response.status(), `after 20 free failures, PATCH ${patch} of 8 still fits in 40 tokens`).toBe(200);
    }
    expect((await rateApi.get(`/contacts/${contact.id}`)).status(), 'the successes did use the bucket up').toBe(429);
  } finally {
    await close();
  }
});

test('tolerant: timestamps have three fractional digits and server times are truncated to the millisecond', async ({
  playwright,
}) => {
  const { api, close } = await frozenTolerantMock(playwright.request);
  try {
    const contact = await createTolerant(api, {
      birthdate: '2024-02-29T23:59:59.999Z',
      custom_fields: [{ ...DATE_OF_FIRST_JOB, data: '1999-12-31T23:59:59.999Z', date: '2024-07-17T11:34:42.195Z' }],
    });

    expect(contact['birthdate'], 'SCH-02 tolerant: the instant sent, three digits').toBe('2024-02-29T23:59:59.999Z');
    expect(contact.custom_fields[0]?.data, 'DAT-02 tolerant: a date answer, three digits').toBe(
      '1999-12-31T23:59:59.999Z',
    );
    expect(contact.custom_fields[0]?.date, 'DAT-02 tolerant: an entry date, three digits').toBe(
      '2024-07-17T11:34:42.195Z',
    );
    expect(contact.CreatedAt, 'SCH-02 tolerant: CreatedAt truncated to the millisecond').toBe(
      '2024-07-17T11:34:42.195Z',
    );
    expect(contact.UpdatedAt, 'SCH-02 tolerant: UpdatedAt truncated to the millisecond').toBe(
      '2024-07-17T11:34:42.195Z',
    );
  } finally {
    await close();
  }
});

test('tolerant: answers carry extra properties (lastchange, appearance_count, label, type_of_form, x_tolerant)', async ({
  tolerantApi,
}) => {
  const contact = await createTolerant(tolerantApi, {
    tags: [{ name: 'vip' }],
    formdatas: [optionAnswer(LEVEL_OF_SUPPORT, 'citizen')],
    custom_fields: [optionAnswer(INTERESTS, 'health')],
  });

  expect(typeof contact['lastchange'], 'section 2: "optionally lastchange"').toBe('string');
  expect(contact['x_tolerant'], 'tolerant: an unknown contact-level property').toBe(true);
  expect(
    (contact['tags'] as Record<string, unknown>[])[0]?.['appearance_count'],
    'tolerant: tags carry appearance_count',
  ).toBe(1);
  expect(contact.formdatas[0]?.['label'], 'section 2: an entry may carry its option label').toBe('Citizen');
  expect(contact.custom_fields[0]?.['type_of_form'], 'section 2: an entry may carry type_of_form').toBe('checkbox');
});

test('tolerant: a lower-case bearer scheme is accepted', async ({ playwright, tolerantMock }) => {
  const api = await playwright.request.newContext({
    baseURL: tolerantMock.url,
    extraHTTPHeaders: { Authorization: `bearer ${tolerantMock.tokens.space}` },
  });
  try {
    const response = await api.get('/v1/forms/type/survey');

    expect(response.status(), 'RFC 9110: the auth scheme is case-insensitive').toBe(200);
  } finally {
    await api.dispose();
  }
});

test('tolerant: null clears any writable field', async ({ tolerantApi }) => {
  const contact = await createTolerant(tolerantApi, {
    firstname: 'Full',
    black_list: true,
    address: { city: 'Paris' },
    custom_fields: [{ ...JOB, data: 'x' }],
  });

  const response = await tolerantApi.patch(`/contacts/${contact.id}`, {
    data: envelope({
      firstname: null,
      black_list: null,
      address: { city: null, street: 'Rue' },
      custom_fields: null,
      tags: null,
      birthdate: null,
    }),
  });

  expect(response.status(), 'REP-02 tolerant: null is accepted as "clear"').toBe(200);
  const answered = await contactOf(response);
  expect(answered['firstname'], 'REP-02 firstname: null clears it').toBeNull();
  expect(answered['black_list'], 'REP-02 black_list: null clears it to false').toBe(false);
  expect(answered['address'], 'REP-02 an address member sent as null is cleared').toMatchObject({
    city: null,
    street: 'Rue',
  });
  expect(
    answered.custom_fields.filter((entry) => entry.deleted_at === null),
    'ENT-07 custom_fields: null keeps no active entry',
  ).toEqual([]);
});

test('tolerant: the entry rules are the reference ones (a radio form keeps the last answer)', async ({
  tolerantApi,
}) => {
  const contact = await createTolerant(tolerantApi, {
    formdatas: [optionAnswer(LEVEL_OF_SUPPORT, 'citizen'), optionAnswer(LEVEL_OF_SUPPORT, 'business')],
  });

  expect(
    contact.formdatas.filter((entry) => entry.deleted_at === null).map((entry) => entry.data),
    'ENT-04 tolerant keeps the last radio answer only',
  ).toEqual(['business']);
});

test('tolerant: the address as AddressResp writes it (section 2, change of 2026-12-02)', async ({ tolerantApi }) => {
  const contact = await createTolerant(tolerantApi, {
    address: { postalcode: '75001', citycode: '01053', floor: '0', housenumber: '12b', street: 'rue de Rivoli' },
  });
  expect(contact['address'], 'section 2: digit-only members as numbers only where no digit is lost').toMatchObject({
    postalcode: 75001,
    citycode: '01053',
    floor: 0,
    housenumber: '12b',
    street: 'rue de Rivoli',
  });
  expect(contact['address'], 'section 2: server-owned members beside the writable ones').toHaveProperty('latitude');

  const response = await tolerantApi.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 'NoAddress' }) });
  const cleared = (await contactOf(response))['address'] as Record<string, unknown>;
  expect(cleared, 'REP-02: a cleared address is an object of cleared members').toMatchObject({
    street: '',
    postalcode: '',
  });
  expect(cleared, 'REP-02: its server-owned members stay beside them').toHaveProperty('id');
});

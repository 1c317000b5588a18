// Authentication and space isolation: AUT-01, AUT-02, AUT-03, PTH-02.

import { envelope, expect, expectProblem, readBack, test } from './fixtures';
import { rawRequest } from './raw-http';

test('AUT-01 a request without an Authorization header is a 401 and changes nothing', async ({
  api,
  anonymousApi,
  mock,
  contacts,
}) => {
  const contact = await contacts.create({ firstname: 'Before' });
  const before = mock.store.contact(contact.id);

  const response = await anonymousApi.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 'After' }) });

  await expectProblem(response, 401, 'AUT-01');
  expect(response.headers()['www-authenticate'], 'AUT-01 a 401 names the Bearer scheme').toBe('Bearer');
  expect(mock.store.contact(contact.id), 'AUT-01 the stored contact is exactly as before').toBe(before);
  expect((await readBack(api, contact.id))['firstname'], 'AUT-01 GET shows the contact unchanged').toBe('Before');
});

// AUT-02: a header that is not `Bearer <token>`, or a token the mock does not know.
const REFUSED_AUTHORIZATIONS: readonly { title: string; header: (token: string) => string }[] = [
  { title: 'another scheme', header: (token) => `Basic ${token}` },
  // The reference variant takes the scheme as section 1 writes it; the tolerant one ignores case.
  { title: 'a lower-case scheme', header: (token) => `bearer ${token}` },
  { title: 'the scheme without a token', header: () => 'Bearer ' },
  { title: 'the token without a scheme', header: (token) => token },
  { title: 'two spaces before the token', header: (token) => `Bearer  ${token}` },
  { title: 'an unknown token', header: () => 'Bearer not-a-mock-token' },
  { title: 'a token with a space inside', header: (token) => `Bearer ${token} extra` },
];

for (const row of REFUSED_AUTHORIZATIONS) {
  test(`AUT-02 an Authorization header with ${row.title} is a 401 and changes nothing`, async ({
    playwright,
    mock,
    contacts,
  }) => {
    const contact = await contacts.create({ firstname: 'Before' });
    const before = mock.store.contact(contact.id);
    const api = await playwright.request.newContext({
      baseURL: mock.url,
      extraHTTPHeaders: { Authorization: row.header(mock.tokens.space) },
    });

    const response = await api.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 'After' }) });

    await expectProblem(response, 401, 'AUT-02');
    expect(
      response.headers()['ratelimit-remaining'],
      'AUT-02 an unauthenticated request is not charged',
    ).toBeUndefined();
    expect(mock.store.contact(contact.id), 'AUT-02 the stored contact is exactly as before').toBe(before);
    await api.dispose();
  });
}

test('AUT-02 two Authorization headers are a 401, even if one is valid', async ({ mock }) => {
  const answer = await rawRequest(mock.port, {
    method: 'GET',
    path: '/v1/forms/type/survey',
    headers: { Authorization: [`Bearer ${mock.tokens.space}`, `Bearer ${mock.tokens.otherSpace}`] },
  });

  expect(answer.status, 'AUT-02 an ambiguous Authorization is refused').toBe(401);
  expect(JSON.parse(answer.body).status, 'SCH-03 the problem status equals the HTTP status').toBe(401);
});

test("AUT-03 another space's token can neither read, patch nor delete the contact: 404, nothing changes", async ({
  api,
  otherSpaceApi,
  mock,
  contacts,
}) => {
  const contact = await contacts.create({ firstname: 'Mine' });
  const before = mock.store.contact(contact.id);

  await expectProblem(await otherSpaceApi.get(`/contacts/${contact.id}`), 404, 'AUT-03');
  await expectProblem(
    await otherSpaceApi.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 'Theirs' }) }),
    404,
    'AUT-03',
  );
  await expectProblem(await otherSpaceApi.delete(`/contacts/${contact.id}`), 404, 'AUT-03');

  expect(mock.store.contact(contact.id), 'AUT-03 the stored contact is exactly as before').toBe(before);
  expect((await readBack(api, contact.id))['firstname'], 'AUT-03 the owner still reads it unchanged').toBe('Mine');
});

test("AUT-03 a contact created with the other space's token belongs to space 2", async ({ api, otherSpaceApi }) => {
  const created = await otherSpaceApi.post('/contacts', { data: envelope({ firstname: 'Other' }) });
  const contact = ((await created.json()) as { data: { contact: { id: number; group_id: number } } }).data.contact;

  expect(contact.group_id, 'AUT-03 the token decides the space').toBe(2);
  await expectProblem(await api.get(`/contacts/${contact.id}`), 404, 'AUT-03');
  await otherSpaceApi.delete(`/contacts/${contact.id}`);
});

// PTH-02: ids that are well-formed but name no contact of the space.
for (const id of ['0', '999999999', '9007199254740993', '9223372036854775807']) {
  test(`PTH-02 GET and PATCH of the unknown contact id ${id} answer 404`, async ({ api }) => {
    await expectProblem(await api.get(`/contacts/${id}`), 404, 'PTH-02');
    await expectProblem(await api.patch(`/contacts/${id}`, { data: envelope({ firstname: 'x' }) }), 404, 'PTH-02');
  });
}

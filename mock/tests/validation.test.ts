// Bodies and paths the mock refuses: VAL-01 to VAL-03, PTH-01, and the limits section 5 chooses.

import { envelope, expect, expectProblem, test } from './fixtures';
import { JOB } from './payloads';
import { rawRequest } from './raw-http';

// VAL-02: fields of the wrong type. Each row: the contact sent and the location of the violation.
const WRONG_TYPES: readonly { title: string; contact: Record<string, unknown>; location: string }[] = [
  { title: 'firstname: 42', contact: { firstname: 42 }, location: 'body.data.contact.firstname' },
  { title: 'black_list: "yes"', contact: { black_list: 'yes' }, location: 'body.data.contact.black_list' },
  { title: 'formdatas: {}', contact: { formdatas: {} }, location: 'body.data.contact.formdatas' },
  { title: 'custom_fields: "x"', contact: { custom_fields: 'x' }, location: 'body.data.contact.custom_fields' },
  // The reference variant reads null as no value; leaving a field out clears it.
  { title: 'surname: null', contact: { surname: null }, location: 'body.data.contact.surname' },
  { title: 'address: null', contact: { address: null }, location: 'body.data.contact.address' },
  { title: 'age_category: 1.5', contact: { age_category: 1.5 }, location: 'body.data.contact.age_category' },
  { title: 'age_category: "3"', contact: { age_category: '3' }, location: 'body.data.contact.age_category' },
  // 2^53 + 1 cannot be held exactly: refused rather than rounded.
  {
    title: 'age_category beyond the safe integers',
    contact: { age_category: 9007199254740993 },
    location: 'body.data.contact.age_category',
  },
  { title: 'birthdate: "yesterday"', contact: { birthdate: 'yesterday' }, location: 'body.data.contact.birthdate' },
  {
    title: 'birthdate on 30 February',
    contact: { birthdate: '2023-02-30T00:00:00.000Z' },
    location: 'body.data.contact.birthdate',
  },
  {
    title: 'birthdate in month 13',
    contact: { birthdate: '2023-13-01T00:00:00.000Z' },
    location: 'body.data.contact.birthdate',
  },
  {
    title: 'birthdate with an offset',
    contact: { birthdate: '2023-01-01T00:00:00.000+01:00' },
    location: 'body.data.contact.birthdate',
  },
  {
    title: 'birthdate with seven fractional digits',
    contact: { birthdate: '2023-01-01T00:00:00.0000000Z' },
    location: 'body.data.contact.birthdate',
  },
  { title: 'a numeric birthdate', contact: { birthdate: 0 }, location: 'body.data.contact.birthdate' },
  { title: 'address: "Paris"', contact: { address: 'Paris' }, location: 'body.data.contact.address' },
  {
    title: 'an address member that is a number',
    contact: { address: { postalcode: 75001 } },
    location: 'body.data.contact.address.postalcode',
  },
  {
    title: 'an unknown address member',
    contact: { address: { planet: 'Earth' } },
    location: 'body.data.contact.address.planet',
  },
  { title: 'tags: ["vip"]', contact: { tags: ['vip'] }, location: 'body.data.contact.tags[0]' },
  { title: 'a tag without a name', contact: { tags: [{}] }, location: 'body.data.contact.tags[0].name' },
  { title: 'an unknown contact property', contact: { gender: 'F' }, location: 'body.data.contact.gender' },
  { title: 'a server-owned id in the body', contact: { id: 5 }, location: 'body.data.contact.id' },
  {
    title: 'a __proto__ key',
    contact: JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>,
    location: 'body.data.contact.__proto__',
  },
  {
    title: 'a constructor key',
    contact: { constructor: { prototype: { polluted: true } } },
    location: 'body.data.contact.constructor',
  },
  { title: 'action_ids: ["1"]', contact: { action_ids: ['1'] }, location: 'body.data.contact.action_ids' },
  { title: 'notes: ["text"]', contact: { notes: ['text'] }, location: 'body.data.contact.notes' },
  { title: 'user_contact_id: -1', contact: { user_contact_id: -1 }, location: 'body.data.contact.user_contact_id' },
];

for (const row of WRONG_TYPES) {
  test(`VAL-02 ${row.title} is refused with 422 and VAL-03 changes nothing`, async ({ api, mock, contacts }) => {
    const contact = await contacts.create({ firstname: 'Kept', custom_fields: [{ ...JOB, data: 'Kept' }] });
    const before = mock.store.contact(contact.id);

    const response = await api.patch(`/contacts/${contact.id}`, {
      data: envelope({ firstname: 'Changed', ...row.contact }),
    });

    const problem = await expectProblem(response, 422, 'VAL-02');
    expect(
      problem.errors?.map((error) => error.location),
      'VAL-02 the problem locates the violation',
    ).toContain(row.location);
    expect(mock.store.contact(contact.id), 'VAL-03 the stored contact is exactly as before').toBe(before);
    expect(({} as Record<string, unknown>)['polluted'], 'no body can pollute Object.prototype').toBeUndefined();
  });
}

test('VAL-02 every violation of a body is listed, not only the first', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const problem = await expectProblem(
    await api.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 42, black_list: 'yes', formdatas: {} }) }),
    422,
    'VAL-02',
  );

  expect(problem.errors?.map((error) => error.location).sort(), 'VAL-02 three violations, three errors').toEqual([
    'body.data.contact.black_list',
    'body.data.contact.firstname',
    'body.data.contact.formdatas',
  ]);
});

// Section 5: "A body without `data.contact` is a 422".
for (const body of [
  '{}',
  '{"data":{}}',
  '[]',
  'null',
  '"contact"',
  '{"data":{"contact":[]}}',
  '{"data":{"contact":{}},"extra":1}',
]) {
  test(`section 5: the body ${body} is refused with 422`, async ({ api, contacts }) => {
    const contact = await contacts.create();

    // A Buffer travels as is; a string would be JSON-encoded by the client.
    const response = await api.patch(`/contacts/${contact.id}`, {
      data: Buffer.from(body),
      headers: { 'Content-Type': 'application/json' },
    });

    await expectProblem(response, 422, 'section 5');
  });
}

test('an empty contact {"data":{"contact":{}}} is accepted and clears everything', async ({ api, contacts }) => {
  const contact = await contacts.create({ firstname: 'Full', custom_fields: [{ ...JOB, data: 'x' }] });

  const response = await api.patch(`/contacts/${contact.id}`, { data: envelope({}) });

  expect(response.status(), 'REP-02 an empty contact is a valid full replacement').toBe(200);
  const answered = ((await response.json()) as { data: { contact: Record<string, unknown> } }).data.contact;
  expect(answered['firstname'], 'REP-02 firstname is cleared').toBeNull();
  expect(answered['custom_fields'], 'ENT-07 custom_fields are cleared').toEqual([]);
});

// VAL-01: bodies that are not JSON, sent as application/json.
const NOT_JSON: readonly { title: string; body: Buffer | string }[] = [
  { title: 'plain text', body: 'not json' },
  { title: 'a truncated object', body: '{"data":{"contact":{' },
  { title: 'an empty body', body: '' },
  { title: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
  { title: 'JSON nested 100 levels deep', body: '['.repeat(100) + ']'.repeat(100) },
  { title: 'a trailing comma', body: '{"data":{"contact":{}},}' },
];

for (const row of NOT_JSON) {
  test(`VAL-01 a body of ${row.title} is a 400 and changes nothing`, async ({ api, mock, contacts }) => {
    const contact = await contacts.create();
    const before = mock.store.contact(contact.id);

    const response = await api.patch(`/contacts/${contact.id}`, {
      data: Buffer.from(row.body),
      headers: { 'Content-Type': 'application/json' },
    });

    await expectProblem(response, 400, 'VAL-01');
    expect(mock.store.contact(contact.id), 'VAL-03 the stored contact is exactly as before').toBe(before);
  });
}

test('section 5: a body of 2 MiB is refused with 413 and the server keeps answering', async ({ api, contacts }) => {
  const contact = await contacts.create();
  const twoMebibytes = Buffer.from(JSON.stringify(envelope({ firstname: 'x'.repeat(2 * 1024 * 1024) })));

  await expectProblem(
    await api.patch(`/contacts/${contact.id}`, { data: twoMebibytes, headers: { 'Content-Type': 'application/json' } }),
    413,
    'section 5',
  );
  expect((await api.get(`/contacts/${contact.id}`)).status(), 'VAL-04 the server still answers').toBe(200);
});

test('section 5: a chunked body past 1 MiB is refused with 413 without a Content-Length', async ({ mock }) => {
  const answer = await rawRequest(mock.port, {
    method: 'POST',
    path: '/contacts',
    headers: {
      Authorization: `Bearer ${mock.tokens.space}`,
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    },
    body: Buffer.alloc(1024 * 1024 + 10, 0x20),
  });

  expect(answer.status, 'section 5: past 1 MiB the answer is 413').toBe(413);
  expect(JSON.parse(answer.body).status, 'SCH-03 the problem status equals the HTTP status').toBe(413);
});

// A body sent with any media type other than JSON.
for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) {
  test(`a body sent as ${contentType} is refused with 415`, async ({ api, contacts }) => {
    const contact = await contacts.create();

    const response = await api.patch(`/contacts/${contact.id}`, {
      data: Buffer.from(JSON.stringify(envelope({ firstname: 'x' }))),
      headers: { 'Content-Type': contentType },
    });

    await expectProblem(response, 415, 'section 5');
  });
}

test('a JSON body sent as application/json; charset=utf-8 is accepted', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const response = await api.patch(`/contacts/${contact.id}`, {
    data: JSON.stringify(envelope({ firstname: 'Zoë' })),
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
  });

  expect(response.status(), 'a charset parameter of UTF-8 is fine').toBe(200);
});

// PTH-01: contact ids that are not an integer >= 0 within int64.
for (const id of ['abc', '-1', '1.5', '1e3', '+1', '9223372036854775808', '99999999999999999999999', '%20', '0x10']) {
  test(`PTH-01 the contact id "${id}" is refused with 422`, async ({ api }) => {
    const problem = await expectProblem(await api.get(`/contacts/${id}`), 422, 'PTH-01');

    expect(problem.errors?.[0]?.location, 'PTH-01 the violation is located in the path').toBe('path.contactId');
    await expectProblem(await api.patch(`/contacts/${id}`, { data: envelope({}) }), 422, 'PTH-01');
  });
}

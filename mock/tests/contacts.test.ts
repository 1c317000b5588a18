// The mock's contact rules over HTTP: full replacement (REP-01 to REP-04) and the other routes.

import { contactOf, envelope, expect, expectProblem, readBack, test } from './fixtures';
import { COMMENTS, DATE_OF_FIRST_JOB, DATE_OF_VISIT, JOB, everyFieldContact } from './payloads';

const STRING_FIELDS = [
  'firstname',
  'surname',
  'married_name',
  'mail',
  'phone',
  'mobile',
  'nationality',
  'birth_city',
  'birth_country',
  'birth_dept',
] as const;
const BOOLEAN_FIELDS = ['black_list', 'mobile_invalid', 'phone_invalid'] as const;
const LIST_FIELDS = ['tags', 'formdatas', 'custom_fields', 'action_ids', 'notes'] as const;

/** Section 5: "`…42.195Z` sent comes back `…42.195000Z`". */
function withSixDigits(timestamp: string): string {
  return timestamp.replace(/\.(\d{3})Z$/, '.$1000Z');
}

type SentEntry = { form_id: number; form_ref_id: number; data: string };

function answersOf(entries: readonly SentEntry[]): { form_id: number; form_ref_id: number; data: string }[] {
  return entries.map(({ form_id, form_ref_id, data }) => ({ form_id, form_ref_id, data }));
}

test('REP-01 a PATCH answer and a later GET carry every field with the value sent', async ({ api, contacts }) => {
  const contact = await contacts.create();
  const sent = everyFieldContact();

  const response = await api.patch(`/contacts/${contact.id}`, { data: envelope(sent) });
  expect(response.status(), 'REP-01 the PATCH answers 200').toBe(200);
  const answered = await contactOf(response);
  const readAgain = await readBack(api, contact.id);

  for (const [source, seen] of [
    ['PATCH answer', answered],
    ['GET', readAgain],
  ] as const) {
    await test.step(`the ${source} carries every field sent`, () => {
      for (const field of [
        ...STRING_FIELDS,
        ...BOOLEAN_FIELDS,
        'age_category',
        'address',
        'tags',
        'action_ids',
        'user_contact_id',
        'notes',
      ]) {
        expect(seen[field], `REP-01 ${field} in the ${source} is the value sent`).toEqual(sent[field]);
      }
      expect(seen['birthdate'], `REP-01 birthdate in the ${source} is the instant sent, with six digits`).toBe(
        withSixDigits(String(sent['birthdate'])),
      );
      const sentFormdatas = sent['formdatas'] as SentEntry[];
      const sentCustomFields = sent['custom_fields'] as SentEntry[];
      const dateForms = new Set<number>([DATE_OF_VISIT.form_id, DATE_OF_FIRST_JOB.form_id]);
      const normalised = (entries: SentEntry[]): SentEntry[] =>
        answersOf(entries).map((entry) =>
          dateForms.has(entry.form_id) ? { ...entry, data: withSixDigits(entry.data) } : entry,
        );
      expect(answersOf(seen.formdatas), `REP-01 formdatas in the ${source} are the entries sent`).toEqual(
        normalised(sentFormdatas),
      );
      expect(answersOf(seen.custom_fields), `REP-01 custom_fields in the ${source} are the entries sent`).toEqual(
        normalised(sentCustomFields),
      );
      const comment = seen.formdatas.find((entry) => entry.form_id === COMMENTS.form_id);
      expect(comment?.['survey_id'], `REP-01 survey_id in the ${source} is the value sent`).toBe(7);
      expect(comment?.date, `REP-01 an entry's date in the ${source} is the instant sent`).toBe(
        '2024-07-17T11:34:42.195000Z',
      );
    });
  }
  expect(readAgain, 'REP-04 a GET right after the PATCH returns the same contact').toEqual(answered);
});

test('REP-02 a PATCH clears every writable field it leaves out', async ({ api, contacts }) => {
  const contact = await contacts.create(everyFieldContact());

  const response = await api.patch(`/contacts/${contact.id}`, { data: envelope({ firstname: 'Only' }) });
  expect(response.status(), 'REP-02 the PATCH answers 200').toBe(200);
  const answered = await contactOf(response);
  const readAgain = await readBack(api, contact.id);

  for (const [source, seen] of [
    ['PATCH answer', answered],
    ['GET', readAgain],
  ] as const) {
    expect(seen['firstname'], `REP-01 firstname in the ${source} is the value sent`).toBe('Only');
    for (const field of STRING_FIELDS.filter((name) => name !== 'firstname')) {
      expect(seen[field], `REP-02 ${field} left out is null in the ${source}`).toBeNull();
    }
    for (const field of BOOLEAN_FIELDS) {
      expect(seen[field], `REP-02 ${field} left out is false in the ${source}`).toBe(false);
    }
    for (const field of LIST_FIELDS) {
      expect(seen[field], `REP-02 ${field} left out is [] in the ${source}`).toEqual([]);
    }
    for (const field of ['birthdate', 'age_category', 'address', 'user_contact_id']) {
      expect(seen[field], `REP-02 ${field} left out is null in the ${source}`).toBeNull();
    }
  }
});

test('REP-03 a PATCH keeps id, group_id and CreatedAt and does not move UpdatedAt back', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const first = await contactOf(await api.patch(`/contacts/${contact.id}`, { data: envelope({ surname: 'One' }) }));
  const second = await contactOf(await api.patch(`/contacts/${contact.id}`, { data: envelope({ surname: 'Two' }) }));

  for (const answered of [first, second]) {
    expect(answered.id, 'REP-03 id keeps its value').toBe(contact.id);
    expect(answered.group_id, 'REP-03 group_id keeps its value').toBe(contact.group_id);
    expect(answered.CreatedAt, 'REP-03 CreatedAt keeps its value').toBe(contact.CreatedAt);
  }
  // Same format, six digits and a four-digit year: string order is time order.
  expect(first.UpdatedAt >= contact.UpdatedAt, 'REP-03 UpdatedAt does not go back in time').toBe(true);
  expect(second.UpdatedAt >= first.UpdatedAt, 'REP-03 UpdatedAt does not go back in time').toBe(true);
});

test('SCH-01 POST /contacts answers 200 with the contact envelope and a new id', async ({ api }) => {
  const response = await api.post('/contacts', {
    data: envelope({ firstname: 'New', custom_fields: [{ ...JOB, data: 'Baker' }] }),
  });

  expect(response.status(), 'section 1: POST /contacts answers 200').toBe(200);
  const body = (await response.json()) as { status: string; data: { contact: { id: number; group_id: number } } };
  expect(body.status, 'section 1: the envelope says "success"').toBe('success');
  expect(Number.isSafeInteger(body.data.contact.id), 'SCH-01 the contact has an integer id').toBe(true);
  expect(body.data.contact.group_id, 'section 1: the token decides the space: group_id 1').toBe(1);
  await api.delete(`/contacts/${body.data.contact.id}`);
});

test('DELETE /contacts/{id} answers 204 without a body, then the contact is 404', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const deleted = await api.delete(`/contacts/${contact.id}`);
  expect(deleted.status(), 'section 1: DELETE answers 204').toBe(204);
  expect((await deleted.body()).length, 'section 1: a 204 has no body').toBe(0);

  await expectProblem(await api.get(`/contacts/${contact.id}`), 404, 'PTH-02');
  await expectProblem(await api.patch(`/contacts/${contact.id}`, { data: envelope({}) }), 404, 'PTH-02');
  await expectProblem(await api.delete(`/contacts/${contact.id}`), 404, 'PTH-02');
});

test('REP-01 an address sent with some members answers the others as null', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const answered = await contactOf(
    await api.patch(`/contacts/${contact.id}`, { data: envelope({ address: { city: 'Lyon', street: '' } }) }),
  );

  const address = answered['address'] as Record<string, unknown>;
  expect(address['city'], 'REP-01 a member sent comes back as sent').toBe('Lyon');
  expect(address['street'], 'REP-01 an empty string sent comes back as an empty string').toBe('');
  expect(address['pollingstation'], 'REP-02 a member left out is null').toBeNull();
});

test('the out-of-scope fields action_ids, user_contact_id and notes are stored and echoed as sent', async ({
  api,
  contacts,
}) => {
  const contact = await contacts.create();
  const sent = {
    action_ids: [3, 5],
    user_contact_id: 0,
    notes: [{ id: 1, content: 'Call back', pinned: true, extra: { a: [1] } }],
  };

  const answered = await contactOf(await api.patch(`/contacts/${contact.id}`, { data: envelope(sent) }));

  for (const [field, value] of Object.entries(sent)) {
    expect(answered[field], `section 2 (OBSERVE): ${field} is echoed as sent`).toEqual(value);
  }
});

// The entry rules (ENT-01 to ENT-07) under the `replace` reading of CONTRACT section 4.

import { contactOf, envelope, expect, expectProblem, readBack, test, type AnsweredEntry } from './fixtures';
import {
  COMMENTS,
  DATE_OF_FIRST_JOB,
  DATE_OF_VISIT,
  HOUSEHOLD_SIZE,
  INTERESTS,
  JOB,
  LEVEL_OF_SUPPORT,
  NEXT_STEPS,
  NUMBER_OF_CHILDREN,
  OTHER_SPACE_JOB,
  PREFERRED_CONTACT_TIME,
  optionAnswer,
} from './payloads';

function optionsOf(entries: readonly AnsweredEntry[], formId: number): number[] {
  return entries.filter((entry) => entry.form_id === formId).map((entry) => entry.form_ref_id);
}

test('ENT-04 a radio form keeps only the last answer sent', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const answered = await contactOf(
    await api.patch(`/contacts/${contact.id}`, {
      data: envelope({
        formdatas: [
          optionAnswer(LEVEL_OF_SUPPORT, 'citizen'),
          optionAnswer(LEVEL_OF_SUPPORT, 'business'),
          optionAnswer(LEVEL_OF_SUPPORT, 'to_be_convinced'),
        ],
        custom_fields: [
          optionAnswer(PREFERRED_CONTACT_TIME, 'evening'),
          optionAnswer(PREFERRED_CONTACT_TIME, 'morning'),
        ],
      }),
    }),
  );

  expect(
    optionsOf(answered.formdatas, LEVEL_OF_SUPPORT.form_id),
    'ENT-04 formdatas keep the last radio answer only',
  ).toEqual([LEVEL_OF_SUPPORT.options.to_be_convinced]);
  expect(
    optionsOf(answered.custom_fields, PREFERRED_CONTACT_TIME.form_id),
    'ENT-04 custom_fields keep the last radio answer only',
  ).toEqual([PREFERRED_CONTACT_TIME.options.morning]);
  expect(await readBack(api, contact.id), 'REP-04 GET agrees with the PATCH answer').toEqual(answered);
});

test('ENT-05 a checkbox form keeps each distinct option sent, once', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const answered = await contactOf(
    await api.patch(`/contacts/${contact.id}`, {
      data: envelope({
        formdatas: [
          optionAnswer(NEXT_STEPS, 'report'),
          optionAnswer(NEXT_STEPS, 'invite'),
          optionAnswer(NEXT_STEPS, 'invite'),
        ],
        custom_fields: [
          optionAnswer(INTERESTS, 'health'),
          optionAnswer(INTERESTS, 'health'),
          optionAnswer(INTERESTS, 'education'),
        ],
      }),
    }),
  );

  expect(optionsOf(answered.formdatas, NEXT_STEPS.form_id), 'ENT-05 formdatas keep each option once').toEqual([
    NEXT_STEPS.options.report,
    NEXT_STEPS.options.invite,
  ]);
  expect(optionsOf(answered.custom_fields, INTERESTS.form_id), 'ENT-05 custom_fields keep each option once').toEqual([
    INTERESTS.options.health,
    INTERESTS.options.education,
  ]);
});

test('ENT-03 text, numeric and date forms keep every entry sent, duplicates included', async ({ api, contacts }) => {
  const contact = await contacts.create();
  const formdatas = [
    { ...COMMENTS, data: 'same' },
    { ...COMMENTS, data: 'same' },
    { ...HOUSEHOLD_SIZE, data: '4' },
    { ...HOUSEHOLD_SIZE, data: '-1' },
    { ...DATE_OF_VISIT, data: '2024-01-01T00:00:00.000Z' },
    { ...DATE_OF_VISIT, data: '2024-01-01T00:00:00.000Z' },
  ];

  const answered = await contactOf(await api.patch(`/contacts/${contact.id}`, { data: envelope({ formdatas }) }));

  expect(
    answered.formdatas.map((entry) => [entry.form_id, entry.data]),
    'ENT-03 every entry sent is active, in the order sent',
  ).toEqual([
    [COMMENTS.form_id, 'same'],
    [COMMENTS.form_id, 'same'],
    [HOUSEHOLD_SIZE.form_id, '4'],
    [HOUSEHOLD_SIZE.form_id, '-1'],
    [DATE_OF_VISIT.form_id, '2024-01-01T00:00:00.000000Z'],
    [DATE_OF_VISIT.form_id, '2024-01-01T00:00:00.000000Z'],
  ]);
});

test('ENT-02 an entry left out is soft-deleted: kept in the store with deleted_at, absent from answers', async ({
  api,
  mock,
  contacts,
}) => {
  const contact = await contacts.create({ custom_fields: [{ ...JOB, data: 'Architect' }] });
  const [oldEntry] = contact.custom_fields;
  if (oldEntry === undefined) throw new Error('the fixture contact has a Job entry');

  const answered = await contactOf(
    await api.patch(`/contacts/${contact.id}`, { data: envelope({ custom_fields: [{ ...JOB, data: 'Baker' }] }) }),
  );

  expect(
    answered.custom_fields.map((entry) => entry.data),
    'ENT-06 the new value replaced the old one',
  ).toEqual(['Baker']);
  expect(
    answered.custom_fields.some((entry) => entry.id === oldEntry.id),
    'section 5: a soft-deleted entry is left out of the answer',
  ).toBe(false);
  const stored = mock.store.contact(contact.id)?.entries.find((entry) => entry.id === oldEntry.id);
  expect(stored, 'section 5: the soft-deleted entry is kept in the store').toBeDefined();
  expect(stored?.deleted_at, 'ENT-02 the stored entry has deleted_at set').not.toBeNull();
  expect(stored?.deleted_at, 'ENT-02 deleted_at is the instant of the PATCH').toBe(
    mock.store.contact(contact.id)?.UpdatedAt,
  );
  expect(
    answered.custom_fields.every((entry) => entry.id !== oldEntry.id && entry.deleted_at === null),
    'ENT-01 the active entry has a new id and no deleted_at',
  ).toBe(true);
});

test('ENT-01 every PATCH gives every active entry an id never used before', async ({ api, mock, contacts }) => {
  const same = { custom_fields: [{ ...JOB, data: 'Same' }], formdatas: [optionAnswer(LEVEL_OF_SUPPORT, 'citizen')] };
  const contact = await contacts.create(same);
  const seenIds = new Set([...contact.custom_fields, ...contact.formdatas].map((entry) => entry.id));

  for (let round = 1; round <= 3; round++) {
    const answered = await contactOf(await api.patch(`/contacts/${contact.id}`, { data: envelope(same) }));
    const ids = [...answered.custom_fields, ...answered.formdatas].map((entry) => entry.id);
    expect(
      ids.filter((id) => seenIds.has(id)),
      `ENT-01 round ${round}: no active entry reuses an earlier id`,
    ).toEqual([]);
    for (const id of ids) seenIds.add(id);
  }
  const everyStoredId = mock.store.contacts().flatMap((stored) => stored.entries.map((entry) => entry.id));
  expect(new Set(everyStoredId).size, 'ENT-01 no two entries in the whole store share an id').toBe(
    everyStoredId.length,
  );
});

test('ENT-07 leaving a whole list out soft-deletes all of its entries', async ({ api, mock, contacts }) => {
  const contact = await contacts.create({
    formdatas: [{ ...COMMENTS, data: 'a' }, optionAnswer(LEVEL_OF_SUPPORT, 'citizen')],
    custom_fields: [{ ...JOB, data: 'Architect' }],
  });

  const answered = await contactOf(
    await api.patch(`/contacts/${contact.id}`, { data: envelope({ custom_fields: [{ ...JOB, data: 'Architect' }] }) }),
  );

  expect(answered.formdatas, 'ENT-07 formdatas left out: no active entry').toEqual([]);
  expect(answered.custom_fields.length, 'ENT-07 custom_fields sent: one active entry').toBe(1);
  const formdatasInStore = mock.store.contact(contact.id)?.entries.filter((entry) => entry.list === 'formdatas') ?? [];
  expect(formdatasInStore.length, 'section 5: the soft-deleted formdatas stay in the store').toBe(2);
  expect(
    formdatasInStore.every((entry) => entry.deleted_at !== null),
    'ENT-07 every formdatas entry is soft-deleted',
  ).toBe(true);
});

test('an entry sent without a date is dated with the write', async ({ api, contacts }) => {
  const contact = await contacts.create();

  const answered = await contactOf(
    await api.patch(`/contacts/${contact.id}`, {
      data: envelope({ custom_fields: [{ ...NUMBER_OF_CHILDREN, data: '2' }] }),
    }),
  );

  const [entry] = answered.custom_fields;
  expect(entry?.date, 'section 3 (OBSERVE): the mock dates an undated entry with the write').toBe(answered.UpdatedAt);
  expect(entry?.['created_at'], 'the entry was created by this write').toBe(answered.UpdatedAt);
});

// Entries the mock refuses (section 5 and the mock's own choices); each row is one 422.
const REFUSED_ENTRIES: readonly { title: string; contact: Record<string, unknown>; location: string }[] = [
  {
    title: 'a form_id that is no form',
    contact: { formdatas: [{ form_id: 1, form_ref_id: 1, data: 'x' }] },
    location: 'body.data.contact.formdatas[0].form_id',
  },
  // A custom field's form sent in formdatas: the lists have separate catalogues.
  {
    title: 'a custom field form in formdatas',
    contact: { formdatas: [{ ...JOB, data: 'x' }] },
    location: 'body.data.contact.formdatas[0].form_id',
  },
  {
    title: 'a formdatas form in custom_fields',
    contact: { custom_fields: [{ ...COMMENTS, data: 'x' }] },
    location: 'body.data.contact.custom_fields[0].form_id',
  },
  {
    title: "another space's form",
    contact: { custom_fields: [{ ...OTHER_SPACE_JOB, data: 'x' }] },
    location: 'body.data.contact.custom_fields[0].form_id',
  },
  {
    title: 'a form_ref_id of another form',
    contact: { custom_fields: [{ form_id: JOB.form_id, form_ref_id: NUMBER_OF_CHILDREN.form_ref_id, data: 'x' }] },
    location: 'body.data.contact.custom_fields[0].form_ref_id',
  },
  {
    title: "a radio data that is not the option's value",
    contact: {
      formdatas: [
        { form_id: LEVEL_OF_SUPPORT.form_id, form_ref_id: LEVEL_OF_SUPPORT.options.citizen, data: 'business' },
      ],
    },
    location: 'body.data.contact.formdatas[0].data',
  },
  {
    title: "a checkbox data that is not the option's value",
    contact: { custom_fields: [{ form_id: INTERESTS.form_id, form_ref_id: INTERESTS.options.health, data: 'Health' }] },
    location: 'body.data.contact.custom_fields[0].data',
  },
  {
    title: 'a numeric data that is not an integer',
    contact: { custom_fields: [{ ...NUMBER_OF_CHILDREN, data: '2.5' }] },
    location: 'body.data.contact.custom_fields[0].data',
  },
  {
    title: 'a date data with six fractional digits',
    contact: { custom_fields: [{ ...DATE_OF_FIRST_JOB, data: '2024-01-01T00:00:00.000000Z' }] },
    location: 'body.data.contact.custom_fields[0].data',
  },
  {
    title: 'a date data on 30 February',
    contact: { custom_fields: [{ ...DATE_OF_FIRST_JOB, data: '2024-02-30T00:00:00.000Z' }] },
    location: 'body.data.contact.custom_fields[0].data',
  },
  {
    title: 'an entry date at 24:00',
    contact: { custom_fields: [{ ...JOB, data: 'x', date: '2024-01-01T24:00:00.000Z' }] },
    location: 'body.data.contact.custom_fields[0].date',
  },
  {
    title: 'a survey_id in custom_fields',
    contact: { custom_fields: [{ ...JOB, data: 'x', survey_id: 1 }] },
    location: 'body.data.contact.custom_fields[0].survey_id',
  },
  {
    title: 'an unknown entry property',
    contact: { formdatas: [{ ...COMMENTS, data: 'x', label: 'y' }] },
    location: 'body.data.contact.formdatas[0].label',
  },
  {
    title: 'a form_id as a string',
    contact: { formdatas: [{ form_id: '12518', form_ref_id: COMMENTS.form_ref_id, data: 'x' }] },
    location: 'body.data.contact.formdatas[0].form_id',
  },
  {
    title: 'a data that is a number',
    contact: { formdatas: [{ ...HOUSEHOLD_SIZE, data: 3 }] },
    location: 'body.data.contact.formdatas[0].data',
  },
];

for (const row of REFUSED_ENTRIES) {
  test(`an entry with ${row.title} is refused with 422 and changes nothing`, async ({ api, mock, contacts }) => {
    const contact = await contacts.create({ custom_fields: [{ ...JOB, data: 'Kept' }] });
    const before = mock.store.contact(contact.id);

    const problem = await expectProblem(
      await api.patch(`/contacts/${contact.id}`, { data: envelope(row.contact) }),
      422,
      'section 5',
    );

    expect(
      problem.errors?.map((error) => error.location),
      'section 5: the violation names its location',
    ).toContain(row.location);
    expect(mock.store.contact(contact.id), 'VAL-03 the stored contact is exactly as before').toBe(before);
  });
}

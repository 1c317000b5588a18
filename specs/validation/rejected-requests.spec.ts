/**
 * Validation (CONTRACT.md section 3, VAL-*): bad bodies are refused with a problem, and a refused
 * request changes nothing. Every rejection below is followed by a GET proving nothing changed.
 */
import { freeEntry } from '../support/forms';
import { rule } from '../support/rule-catalogue';
import { expectUnchanged, readStored } from '../support/steps';
import { expect, test } from '../support/test';

// Bodies sent with Content-Type: application/json that are not JSON.
const NOT_JSON = [
  '{"data": {"contact": {"firstname": "Ada"', // cut short
  'firstname=Ada&surname=Lovelace', // a form encoding
  "{'data': {'contact': {}}}", // single quotes
];

for (const body of NOT_JSON) {
  test(
    `VAL-01 a PATCH whose body is not JSON (${body}) is 400 with a problem body`,
    rule('VAL-01'),
    async ({ api, contacts }) => {
      const { id } = await contacts.create();
      const before = await readStored(api, id, 'VAL-01');
      const answer = await api.send('PATCH', `contacts/${id}`, { rawBody: body });
      await expect(answer, 'VAL-01 a body that is not JSON is a bad request').toBeProblem(400);
      await expectUnchanged(api, id, before, 'VAL-01', answer);
    },
  );
}

// Fields of the wrong type; the rest of the contact is valid. `null` is left out: a server may read it as "clear".
const WRONG_TYPES: Record<string, unknown>[] = [
  { firstname: 42 },
  { black_list: 'yes' },
  { formdatas: {} },
  { custom_fields: 'Architect' },
  { age_category: '3' },
  { birthdate: 19550706 },
  { tags: 'volunteer' },
  { address: 'rue de Rivoli' },
  { phone_invalid: 1 },
];

for (const wrong of WRONG_TYPES) {
  test(
    `VAL-02 a PATCH with ${JSON.stringify(wrong)} is 400 or 422 with a problem body, and changes nothing`,
    rule('VAL-02'),
    async ({ api, contacts }) => {
      const { id } = await contacts.create();
      const before = await readStored(api, id, 'VAL-02');
      const answer = await api.patchContact(id, { ...contacts.everyField({ firstname: 'Mallory' }), ...wrong });
      await expect(answer, `VAL-02 ${Object.keys(wrong)[0]} of the wrong type is refused`).toBeProblem([400, 422]);
      await expectUnchanged(api, id, before, 'VAL-02', answer);
    },
  );
}

test(
  'VAL-03 a PATCH refused for its last field saves none of the valid fields before it',
  rule('VAL-03'),
  async ({ api, contacts }) => {
    const { id } = await contacts.create();
    const before = await readStored(api, id, 'VAL-03');
    // Every field valid and different, but the last one, which is of the wrong type.
    const body = {
      ...contacts.everyField({
        firstname: 'Mallory',
        mail: 'mallory@example.org',
        black_list: false,
        tags: [{ name: 'intruder' }],
      }),
      phone_invalid: 'no',
    };

    const answer = await api.patchContact(id, body);
    expect(
      answer.status,
      `VAL-03 arrange: the PATCH is refused with 400 or 422\n${answer.describe()}`,
    ).toBeGreaterThanOrEqual(400);
    await expectUnchanged(api, id, before, 'VAL-03', answer);
  },
);

test(
  'VAL-03 a PATCH refused for one bad entry saves neither the other entries nor the scalar fields',
  rule('VAL-03'),
  async ({ api, contacts, forms }) => {
    const text = forms.pick('custom_fields', 'text');
    const { id } = await contacts.create(contacts.everyField({ custom_fields: [freeEntry(text, 'Architect')] }));
    const before = await readStored(api, id, 'VAL-03');
    const badEntry = { form_id: text.id, form_ref_id: 'first', data: 'Teacher' };

    const answer = await api.patchContact(id, {
      ...contacts.everyField({ firstname: 'Mallory' }),
      custom_fields: [freeEntry(text, 'Teacher'), badEntry],
    });
    expect(
      answer.status,
      `VAL-03 arrange: an entry whose form_ref_id is a string is refused with 400 or 422\n${answer.describe()}`,
    ).toBeGreaterThanOrEqual(400);
    await expectUnchanged(api, id, before, 'VAL-03', answer);
  },
);

test(
  'VAL-03 a PATCH refused for a body that is not JSON changes nothing, entries included',
  rule('VAL-03'),
  async ({ api, contacts, forms }) => {
    const text = forms.pick('formdatas', 'text');
    const { id } = await contacts.create(contacts.everyField({ formdatas: [freeEntry(text, 'Architect')] }));
    const before = await readStored(api, id, 'VAL-03');

    const answer = await api.send('PATCH', `contacts/${id}`, {
      rawBody: '{"data":{"contact":{"firstname":"Mallory","formdatas":[]}}',
    });
    expect(answer.status, `VAL-03 arrange: a cut-short body is refused\n${answer.describe()}`).toBeGreaterThanOrEqual(
      400,
    );
    await expectUnchanged(api, id, before, 'VAL-03', answer);
  },
);

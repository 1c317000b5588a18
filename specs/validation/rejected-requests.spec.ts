/**
 * Validation (CONTRACT.md section 3, VAL-*): bad bodies are refused with a problem, and a refused
 * request changes nothing. Every rejection below is followed by a GET proving nothing changed.
 */
import { freeEntry } from '../support/forms';
import fc from 'fast-check';
import { ENTRY_LISTS, type ContactInput } from '../support/contact';
import type { Form } from '../support/forms';
import { draw } from '../support/inputs/draw';
import { answersToEveryForm, formsOf } from '../support/inputs/entries';
import {
  TYPE_ERROR_POSITIONS,
  describeTypeError,
  invalidEntryIn,
  typeErrorAt,
  withTypeError,
} from '../support/inputs/invalid';
import { rule } from '../support/rule-catalogue';
import { expectUnchanged, readStored } from '../support/steps';
import { expect, test } from '../support/test';

// Bodies sent with Content-Type: application/json that are not JSON.
const NOT_JSON = [
  '{"data": {"contact": {"firstname": "Ada"', // cut short
  'firstname=Ada&surname=Lovelace', // a form encoding
  "{'data': {'contact': {}}}", // single quotes
];

/** A valid body: `base` with answers to every usable form of both lists. */
function validBody(base: ContactInput, forms: readonly Form[]): fc.Arbitrary<ContactInput> {
  return fc
    .record({
      formdatas: answersToEveryForm(formsOf(forms, 'formdatas')),
      custom_fields: answersToEveryForm(formsOf(forms, 'custom_fields')),
    })
    .map((lists) => ({ ...base, firstname: 'Mallory', ...lists }));
}

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

// One test per position of a type error, so that every run covers every position; which field,
// member or entry, and which wrong value, are drawn (inputs/invalid.ts). The rest of the body is a
// valid contact with answers in both lists. `null` is never the wrong value: a server may read it as "clear".
for (const position of TYPE_ERROR_POSITIONS) {
  test(
    `VAL-02 a PATCH with a value of the wrong type at ${position} is 400 or 422 with a problem body, and changes nothing`,
    rule('VAL-02'),
    async ({ api, contacts, forms }) => {
      const valid = draw(validBody(contacts.everyField(), forms.catalogue.forms), 'the valid body');
      const error = draw(typeErrorAt(position, valid), 'the type error');
      const { id } = await contacts.create();
      const before = await readStored(api, id, 'VAL-02');
      const answer = await api.patchContact(id, withTypeError(valid, error));
      await expect(answer, `VAL-02 ${describeTypeError(error)} is refused`).toBeProblem([400, 422]);
      await expectUnchanged(api, id, before, 'VAL-02', answer);
    },
  );
}

// An invalid entry in one list beside valid entries in the other: refused whole (VAL-03), whichever list it is in.
for (const list of ENTRY_LISTS) {
  const other = list === 'formdatas' ? 'custom_fields' : 'formdatas';
  test(
    `VAL-03 a PATCH refused for an invalid entry in ${list} saves neither the valid ${other} beside it nor the fields`,
    rule('VAL-03'),
    async ({ api, contacts, forms }) => {
      const valid = draw(validBody(contacts.everyField(), forms.catalogue.forms), 'the valid body');
      test.skip(!valid[other]?.length, `the target has no usable form among ${other}`);
      const error = draw(invalidEntryIn(list, valid), `the invalid entry in ${list}`);
      const { id } = await contacts.create();
      const before = await readStored(api, id, 'VAL-03');
      const answer = await api.patchContact(id, withTypeError({ ...valid, [list]: valid[list] ?? [] }, error));
      expect(
        answer.status,
        `VAL-03 arrange: a PATCH with ${describeTypeError(error)} is refused with 400 or 422\n${answer.describe()}`,
      ).toBeGreaterThanOrEqual(400);
      await expectUnchanged(api, id, before, 'VAL-03', answer);
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

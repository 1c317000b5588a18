/**
 * Timestamps (CONTRACT.md section 3, DAT-*). Source: Update contact by ID, "input format:
 * YYYY-MM-DD'T'HH:mm:ss.SSS'Z'; responses may return up to microsecond precision". The instants
 * below are chosen so that their last digits matter.
 */
import fc from 'fast-check';
import { ENTRY_LISTS, entriesOf } from '../support/contact';
import { draw } from '../support/inputs/draw';
import { anyEntry } from '../support/inputs/entries';
import type { EntryListName } from '../support/contact';
import { freeEntry, type Form } from '../support/forms';
import { rule } from '../support/rule-catalogue';
import { patchThenGet } from '../support/steps';
import { expect, test, type Forms } from '../support/test';
import { isSameInstant } from '../support/expect';

// Instants whose last digits matter.
const INSTANTS = [
  '2023-06-15T08:30:01.001Z', // one millisecond past a second
  '2023-06-15T08:30:59.999Z', // the last millisecond of a minute
  '2024-02-29T12:00:00.500Z', // 29 February of a leap year
  '1999-12-31T23:59:59.999Z', // the last millisecond of a year (and a century)
];

/** A date form in either list: custom_fields first, where product teams put dates. */
function anyDateForm(forms: Forms): Form {
  return forms.anyOf('date');
}

function anyTextForm(forms: Forms): Form {
  return forms.anyOf('text');
}

test('DAT-01 a millisecond UTC birthdate is accepted', rule('DAT-01'), async ({ api, contacts }) => {
  const { id } = await contacts.create();
  const answer = await api.patchContact(id, contacts.minimal({ birthdate: '1955-07-06T10:20:30.456Z' }));
  expect(
    answer.status,
    `DAT-01 a PATCH with birthdate 1955-07-06T10:20:30.456Z is accepted with 200\n${answer.describe()}`,
  ).toBe(200);
});

test('DAT-01 a millisecond UTC date on an entry is accepted', rule('DAT-01'), async ({ api, contacts, forms }) => {
  const form = anyTextForm(forms);
  const { id } = await contacts.create();
  const answer = await api.patchContact(
    id,
    contacts.minimal({ [form.list]: [freeEntry(form, 'Architect', '2024-07-17T11:34:42.195Z')] }),
  );
  expect(
    answer.status,
    `DAT-01 a PATCH with an entry dated 2024-07-17T11:34:42.195Z is accepted with 200\n${answer.describe()}`,
  ).toBe(200);
});

test('DAT-01 a millisecond UTC answer to a date form is accepted', rule('DAT-01'), async ({ api, contacts, forms }) => {
  const form = anyDateForm(forms);
  const { id } = await contacts.create();
  const answer = await api.patchContact(
    id,
    contacts.minimal({ [form.list]: [freeEntry(form, '2024-07-17T11:34:42.195Z')] }),
  );
  expect(
    answer.status,
    `DAT-01 a PATCH answering date form "${form.label}" with 2024-07-17T11:34:42.195Z is accepted with 200\n${answer.describe()}`,
  ).toBe(200);
});

for (const instant of INSTANTS) {
  test(
    `DAT-02 birthdate ${instant} comes back as the same instant to the microsecond`,
    rule('DAT-02'),
    async ({ api, contacts }) => {
      const { id } = await contacts.create();
      const { both } = await patchThenGet(api, id, contacts.minimal({ birthdate: instant }), 'DAT-02');
      for (const [where, answer] of both) {
        const received = answer.contact.birthdate;
        expect(
          isSameInstant(received, instant),
          `DAT-02 birthdate sent ${instant}, received ${JSON.stringify(received)} in ${where}\n${answer.describe()}`,
        ).toBe(true);
      }
    },
  );

  // The entry's date in both lists, on a form of any type drawn among the list's forms: two instants each.
  const list: EntryListName = ENTRY_LISTS[INSTANTS.indexOf(instant) % ENTRY_LISTS.length] as EntryListName;
  test(
    `DAT-02 ${list}: an entry's date ${instant} comes back as the same instant to the microsecond`,
    rule('DAT-02'),
    async ({ api, contacts, forms }) => {
      const candidates = forms.catalogue.forms.filter((form) => form.list === list);
      test.skip(candidates.length === 0, `the target has no usable form among ${list}`);
      const entry = draw(
        fc.constantFrom(...candidates).chain((form) => anyEntry(form).map((drawn) => ({ ...drawn, date: instant }))),
        `an answer dated ${instant}`,
      );
      const { id } = await contacts.create();
      const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: [entry] }), 'DAT-02');
      for (const [where, answer] of both) {
        const dates = entriesOf(answer.contact, list)
          .filter((listed) => listed.form_id === entry.form_id && (listed.deleted_at ?? null) === null)
          .map((listed) => listed.date);
        expect(
          dates.filter((date) => !isSameInstant(date, instant)),
          `DAT-02 ${list}: the entry of form ${entry.form_id} dated ${instant} comes back with that instant in ${where} (received ${JSON.stringify(dates)})\n${answer.describe()}`,
        ).toEqual([]);
        expect(
          dates.length,
          `DAT-02 ${list}: the entry of form ${entry.form_id} is in ${where}\n${answer.describe()}`,
        ).toBe(1);
      }
    },
  );

  test(
    `DAT-02 a date form answered ${instant} returns the same instant to the microsecond`,
    rule('DAT-02'),
    async ({ api, contacts, forms }) => {
      const form = anyDateForm(forms);
      const { id } = await contacts.create();
      const { both } = await patchThenGet(
        api,
        id,
        contacts.minimal({ [form.list]: [freeEntry(form, instant)] }),
        'DAT-02',
      );
      for (const [where, answer] of both) {
        await expect(
          answer,
          `DAT-02 date form "${form.label}" answered ${instant} holds that instant in ${where}`,
        ).toHaveActiveEntries({ [form.list]: [freeEntry(form, instant)] });
      }
    },
  );
}

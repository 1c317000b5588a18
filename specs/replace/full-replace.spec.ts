/**
 * Full replace (CONTRACT.md section 3, REP-*): "fully replaces an existing contact ... behaves like
 * PUT"; "fields left out of the payload are cleared". Source: Update contact by ID.
 */
import { rule } from '../support/rule-catalogue';
import { canonical, fieldsNotAsSent, fieldsNotCleared } from '../support/compare';
import { SCALAR_FIELDS, type ContactInput } from '../support/contact';
import { compareInstants } from '../../schemas/formats';
import { isSameInstant } from '../support/expect';
import { freeEntry } from '../support/forms';
import { RUN_MARKER, expect, test } from '../support/test';
import { draw } from '../support/inputs/draw';
import { everyScalarFieldArbitrary, fullAddress, partialAddress } from '../support/inputs/contact';
import { ADDRESS_MEMBERS } from '../support/contact';

test(
  'REP-01 every field sent comes back with the value sent, in the PATCH answer and on GET',
  rule('REP-01'),
  async ({ api, contacts }) => {
    const { id } = await contacts.create();
    // Every field and all 14 address members, their texts across scripts, marks, four-byte characters, spaces and case.
    const sent = draw(everyScalarFieldArbitrary(RUN_MARKER), 'every field');

    const patched = await api.patchContact(id, sent);
    expect(patched.status, `REP-01 the PATCH is accepted\n${patched.describe()}`).toBe(200);
    expect(
      fieldsNotAsSent(patched.contact, sent),
      `REP-01 every field sent comes back in the PATCH answer\n${patched.describe()}`,
    ).toEqual([]);

    const read = await api.getContact(id);
    expect(
      fieldsNotAsSent(read.contact, sent),
      `REP-01 every field sent comes back on a later GET\n${read.describe()}`,
    ).toEqual([]);
  },
);

// Section 2: a digit-only address member may come back as a number whose decimal text is the text
// sent. Each row is a text sent as housenumber, postalcode, citycode and floor at once.
const DIGIT_ONLY_TEXTS = [
  '75001', // no leading zero: 75001 keeps every digit
  '01000', // a postal code of the Ain: 1000 would lose the leading zero
  '09200', // another leading zero, in the middle of the range of French postal codes
  '007', // two leading zeros
  '0', // zero alone: the number 0 keeps it
] as const;

for (const text of DIGIT_ONLY_TEXTS) {
  test(
    `REP-01 the digit-only address members sent as "${text}" come back with every digit, in the PATCH answer and on GET`,
    rule('REP-01'),
    async ({ api, contacts }) => {
      const base = contacts.everyField();
      const { id } = await contacts.create(base);
      const sent = contacts.everyField({
        address: { ...base.address, housenumber: text, postalcode: text, citycode: text, floor: text },
      });

      const patched = await api.patchContact(id, sent);
      expect(patched.status, `REP-01 the PATCH is accepted\n${patched.describe()}`).toBe(200);
      expect(
        fieldsNotAsSent(patched.contact, sent),
        `REP-01 "${text}" comes back as that text, or as a number with exactly that decimal text, in the PATCH answer\n${patched.describe()}`,
      ).toEqual([]);
      const read = await api.getContact(id);
      expect(
        fieldsNotAsSent(read.contact, sent),
        `REP-01 "${text}" comes back as that text, or as a number with exactly that decimal text, on GET\n${read.describe()}`,
      ).toEqual([]);
    },
  );
}

test(
  'REP-02 every writable field left out of the payload is cleared, in the answer and on GET',
  rule('REP-02'),
  async ({ api, contacts }) => {
    const { id } = await contacts.create(contacts.everyField());
    const onlySurname = { surname: `${RUN_MARKER} Lovelace` };
    const leftOut = SCALAR_FIELDS.filter((field) => field !== 'surname');

    const patched = await api.patchContact(id, onlySurname);
    expect(patched.status, `REP-02 the PATCH is accepted\n${patched.describe()}`).toBe(200);
    expect(
      fieldsNotCleared(patched.contact, leftOut),
      `REP-02 the fields left out are cleared in the PATCH answer\n${patched.describe()}`,
    ).toEqual([]);

    const read = await api.getContact(id);
    expect(
      fieldsNotCleared(read.contact, leftOut),
      `REP-02 the fields left out are cleared on GET\n${read.describe()}`,
    ).toEqual([]);
  },
);

// One test per writable field (surname carries the run marker, so it is always sent): the field is
// in the title, so a report names every field that is not cleared, not only the first one found.
for (const field of SCALAR_FIELDS.filter((name) => name !== 'surname')) {
  test(
    `REP-02 ${field} left out of an otherwise full payload is cleared, in the answer and on GET`,
    rule('REP-02'),
    async ({ api, contacts }) => {
      const full = contacts.everyField();
      const { id } = await contacts.create(full);
      const withoutField: ContactInput = { ...full };
      delete withoutField[field];

      const patched = await api.patchContact(id, withoutField);
      expect(patched.status, `REP-02 the PATCH is accepted\n${patched.describe()}`).toBe(200);
      await expect(patched, `REP-02 ${field} left out is cleared in the PATCH answer`).toBeCleared(field);
      const read = await api.getContact(id);
      await expect(read, `REP-02 ${field} left out is cleared on GET`).toBeCleared(field);
    },
  );
}

test(
  'REP-02 the address members left out of a partial address after a full one are cleared, in the answer and on GET',
  rule('REP-02'),
  async ({ api, contacts }) => {
    const full = draw(fullAddress, 'the full address');
    const partial = draw(partialAddress, 'the partial address sent after it');
    const { id } = await contacts.create(contacts.minimal({ address: full }));
    const leftOut = ADDRESS_MEMBERS.filter((member) => partial[member] === undefined);

    const patched = await api.patchContact(id, contacts.minimal({ address: partial }));
    expect(patched.status, `REP-02 the PATCH is accepted\n${patched.describe()}`).toBe(200);
    const read = await api.getContact(id);
    for (const [where, answer] of [
      ['the PATCH answer', patched],
      ['a GET after it', read],
    ] as const) {
      const address = (answer.contact.address ?? {}) as Record<string, unknown>;
      expect(
        fieldsNotCleared(address, leftOut),
        `REP-02 the address members left out (${leftOut.join(', ')}) are cleared in ${where}, not kept from the full address\n${answer.describe()}`,
      ).toEqual([]);
    }
  },
);

test(
  'REP-03 id, CreatedAt and group_id keep their values and UpdatedAt never goes back',
  rule('REP-03'),
  async ({ api, contacts }) => {
    const { id, created } = await contacts.create();
    const first = created.contact;
    const answers = [created];
    for (const firstname of ['Grace', 'Margaret'])
      answers.push(await api.patchContact(id, contacts.everyField({ firstname })));
    answers.push(await api.getContact(id));

    for (const [index, answer] of answers.entries()) {
      const contact = answer.contact;
      expect(contact.id, `REP-03 id keeps its value (answer #${index + 1})\n${answer.describe()}`).toBe(first.id);
      expect(contact.group_id, `REP-03 group_id keeps its value (answer #${index + 1})\n${answer.describe()}`).toBe(
        first.group_id,
      );
      expect(
        isSameInstant(contact.CreatedAt, String(first.CreatedAt)),
        `REP-03 CreatedAt keeps its value: ${String(first.CreatedAt)} then ${String(contact.CreatedAt)}\n${answer.describe()}`,
      ).toBe(true);
      const previous = answers[index - 1]?.contact;
      if (previous) {
        expect(
          compareInstants(String(contact.UpdatedAt), String(previous.UpdatedAt)),
          `REP-03 UpdatedAt does not go back: ${String(previous.UpdatedAt)} then ${String(contact.UpdatedAt)}\n${answer.describe()}`,
        ).toBeGreaterThanOrEqual(0);
      }
    }
  },
);

test(
  'REP-04 the PATCH answer describes the stored state: a GET right after returns the same contact',
  rule('REP-04'),
  async ({ api, contacts, forms }) => {
    const { id } = await contacts.create();
    const text = forms.catalogue.findAny('text');
    const sent = contacts.everyField(
      text ? { [text.list]: [freeEntry(text, 'Architect', '2024-07-17T11:34:42.195Z')] } : {},
    );

    const patched = await api.patchContact(id, sent);
    expect(patched.status, `REP-04 the PATCH is accepted\n${patched.describe()}`).toBe(200);
    const read = await api.getContact(id);
    expect(
      canonical(read.contact),
      `REP-04 GET right after the PATCH returns the contact the PATCH answered (lists as multisets, instants to the µs)\n${patched.describe()}\n${read.describe()}`,
    ).toEqual(canonical(patched.contact));
  },
);

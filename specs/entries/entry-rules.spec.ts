/**
 * The entry rules (CONTRACT.md section 3, ENT-*), for formdatas and custom_fields and for each form
 * type. Source: Update contact by ID, "Each patch will generate new ids for formdatas and
 * custom_fields", "the missing ones will be deleted (soft)", "For Text, Integer and Date Fields ...
 * added to the existing ones", "For Radio ... replace", "For Checkbox ... added".
 * Every test starts from a contact with no entries, so it holds under both readings of section 4
 * unless it says otherwise.
 */
import { activeEntriesOf, entriesOf } from '../support/contact';
import { ENTRY_LISTS, type EntryInput } from '../support/contact';
import {
  FORM_TYPES,
  FREE_INPUT_TYPES,
  SAMPLE_VALUES,
  freeEntry,
  optionEntry,
  sampleEntry,
  type Form,
} from '../support/forms';
import fc from 'fast-check';
import { draw } from '../support/inputs/draw';
import {
  answersToEveryForm,
  answersToFreeForm,
  anyEntry,
  formsOf,
  optionsEndingBelowTheTop,
  optionsInAnyOrder,
} from '../support/inputs/entries';
import { rule } from '../support/rule-catalogue';
import { entryIdsOf, patchThenGet, patchToArrange } from '../support/steps';
import { expect, test } from '../support/test';

/** A fourth answer catches a server that caps the answers it keeps per form at three. */
const ANSWERS_PER_FORM = 4;

for (const list of ENTRY_LISTS) {
  test(
    `ENT-01 ${list}: every PATCH gives every active entry an id that no entry of the contact had before`,
    rule('ENT-01'),
    async ({ api, contacts, forms }) => {
      const available = FORM_TYPES.map((type) => forms.catalogue.find(list, type)).filter(
        (form): form is Form => form !== undefined,
      );
      test.skip(available.length === 0, `the target has no text, numeric, date, radio or checkbox form among ${list}`);
      const { id } = await contacts.create(contacts.minimal());
      const answers = available.map((form) => sampleEntry(form, 0));
      const seen = new Set<number>();

      // Three PATCHes of the same entries: ids must be new each time, also against entries deleted two PATCHes ago.
      for (const round of [1, 2, 3]) {
        const { patched, read } = await patchThenGet(api, id, contacts.minimal({ [list]: answers }), 'ENT-01');
        for (const [where, answer] of [
          ['the PATCH answer', patched],
          ['a GET after it', read],
        ] as const) {
          const reused = activeEntriesOf(answer.contact, list)
            .map((entry) => entry.id)
            .filter((entryId) => seen.has(entryId as number));
          expect(
            reused,
            `ENT-01 PATCH #${round}: active ${list} ids in ${where} that the contact already had (ids seen so far: ${[...seen].join(', ') || 'none'})\n${answer.describe()}`,
          ).toEqual([]);
        }
        for (const entryId of [...entryIdsOf(patched), ...entryIdsOf(read)]) seen.add(entryId);
      }
    },
  );

  for (const type of FORM_TYPES) {
    test(
      `ENT-02 ${list}: the answers of a ${type} form left out of the payload are no longer active, and deleted_at is set where listed`,
      rule('ENT-02'),
      async ({ api, contacts, forms }) => {
        const dropped = forms.pick(list, type);
        // Another form stays in the payload, so the list itself is not left out (that is ENT-07).
        const kept = forms.catalogue.forms.find((form) => form.list === list && form.id !== dropped.id);
        test.skip(
          !kept,
          `the target has a single usable form among ${list}: nothing to keep while ${dropped.label} is dropped`,
        );
        const keptAnswer = sampleEntry(kept as Form, 0);
        const { id } = await contacts.create(contacts.minimal());
        await patchToArrange(api, id, contacts.minimal({ [list]: [sampleEntry(dropped, 0), keptAnswer] }), 'ENT-02');

        const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: [keptAnswer] }), 'ENT-02');
        for (const [where, answer] of both) {
          await expect(
            answer,
            `ENT-02 ${list}: ${type} form "${dropped.label}" (left out) has no active answer in ${where}`,
          ).toHaveActiveEntries({ [list]: [keptAnswer] });
          const listedWithoutDeletedAt = entriesOf(answer.contact, list).filter(
            (entry) => entry.form_id === dropped.id && (entry.deleted_at === undefined || entry.deleted_at === null),
          );
          expect(
            listedWithoutDeletedAt,
            `ENT-02 ${list}: an answer of "${dropped.label}" still listed in ${where} has deleted_at set\n${answer.describe()}`,
          ).toEqual([]);
        }
      },
    );
  }

  for (const type of FREE_INPUT_TYPES) {
    test(
      `ENT-03 ${list}: ${ANSWERS_PER_FORM} answers sent to one ${type} form are all active afterwards`,
      rule('ENT-03'),
      async ({ api, contacts, forms }) => {
        const form = forms.pick(list, type);
        const { id } = await contacts.create(contacts.minimal());
        // Distinct answers at their edges (text across scripts, marks, spaces; numeric 0 and past 32 bits), dated or not.
        const sent = draw(answersToFreeForm(form, ANSWERS_PER_FORM), `${ANSWERS_PER_FORM} answers`);

        const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: sent }), 'ENT-03');
        for (const [where, answer] of both) {
          await expect(
            answer,
            `ENT-03 ${list}: every answer sent to ${type} form "${form.label}" is active in ${where}`,
          ).toHaveActiveEntries({ [list]: sent });
        }
      },
    );

    test(
      `ENT-06 ${list}: a different value sent to a ${type} form replaces the old one`,
      rule('ENT-06'),
      async ({ api, contacts, forms, runConfig }) => {
        test.skip(
          runConfig.entryReading === 'merge',
          `under the merge reading (QOMON_ENTRY_READING=merge) a ${type} answer sent is added to the active ones, not a replacement (CONTRACT.md section 4)`,
        );
        const form = forms.pick(list, type);
        const { id } = await contacts.create(contacts.minimal());
        const [oldValue, newValue] = SAMPLE_VALUES[type as keyof typeof SAMPLE_VALUES];
        await patchToArrange(api, id, contacts.minimal({ [list]: [freeEntry(form, oldValue as string)] }), 'ENT-06');

        const { both } = await patchThenGet(
          api,
          id,
          contacts.minimal({ [list]: [freeEntry(form, newValue as string)] }),
          'ENT-06',
        );
        for (const [where, answer] of both) {
          await expect(
            answer,
            `ENT-06 ${list}: ${type} form "${form.label}" holds only the new value ${JSON.stringify(newValue)} in ${where}`,
          ).toHaveActiveEntries({ [list]: [freeEntry(form, newValue as string)] });
        }
      },
    );
  }

  test(
    `ENT-04 ${list}: of several answers sent to a radio form, only the last one sent is active`,
    rule('ENT-04'),
    async ({ api, contacts, forms }) => {
      const radio = forms.pick(list, 'radio');
      const { id } = await contacts.create(contacts.minimal());
      // Options in a drawn order whose last one is not the highest id, each dated or not.
      const order = draw(optionsEndingBelowTheTop(radio), 'the options in the order sent');
      const sent = order.map((index) => optionEntry(radio, index));
      const last = sent[sent.length - 1] as EntryInput;

      const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: sent }), 'ENT-04');
      for (const [where, answer] of both) {
        await expect(
          answer,
          `ENT-04 ${list}: radio "${radio.label}" sent ${sent.map((entry) => entry.data).join(' then ')} keeps only ${last.data} in ${where}`,
        ).toHaveActiveEntries({ [list]: [last] });
      }
    },
  );

  test(
    `ENT-04 ${list}: a radio answer sent after another one replaces it`,
    rule('ENT-04'),
    async ({ api, contacts, forms }) => {
      const radio = forms.pick(list, 'radio');
      const { id } = await contacts.create(contacts.minimal());
      await patchToArrange(api, id, contacts.minimal({ [list]: [optionEntry(radio, 0)] }), 'ENT-04');

      const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: [optionEntry(radio, 1)] }), 'ENT-04');
      for (const [where, answer] of both) {
        await expect(
          answer,
          `ENT-04 ${list}: radio "${radio.label}" keeps only the answer sent last in ${where}`,
        ).toHaveActiveEntries({ [list]: [optionEntry(radio, 1)] });
      }
    },
  );

  test(
    `ENT-05 ${list}: every distinct checkbox option sent is active once, however often it is sent`,
    rule('ENT-05'),
    async ({ api, contacts, forms }) => {
      const checkbox = forms.pick(list, 'checkbox');
      const { id } = await contacts.create(contacts.minimal());
      // Options in a drawn order that is never ascending, then all but the first again: duplicates are kept once.
      const order = draw(optionsInAnyOrder(checkbox), 'the options in the order sent');
      const distinct = order.map((index) => optionEntry(checkbox, index));
      const sent = [...distinct, ...distinct.slice(1)];

      const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: sent }), 'ENT-05');
      for (const [where, answer] of both) {
        await expect(
          answer,
          `ENT-05 ${list}: checkbox "${checkbox.label}" has each option sent active exactly once in ${where}`,
        ).toHaveActiveEntries({ [list]: distinct });
      }
    },
  );

  test(
    `ENT-06 ${list}: a different option sent to a radio form replaces the old one`,
    rule('ENT-06'),
    async ({ api, contacts, forms }) => {
      const radio = forms.pick(list, 'radio');
      const { id } = await contacts.create(contacts.minimal());
      const last = radio.refvalues.length - 1;
      await patchToArrange(api, id, contacts.minimal({ [list]: [optionEntry(radio, last)] }), 'ENT-06');

      const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: [optionEntry(radio, 0)] }), 'ENT-06');
      for (const [where, answer] of both) {
        await expect(
          answer,
          `ENT-06 ${list}: the old option of radio "${radio.label}" is no longer active in ${where}`,
        ).toHaveActiveEntries({ [list]: [optionEntry(radio, 0)] });
      }
    },
  );

  test(
    `ENT-03 ${list}: answers to several free-input forms of one type, sent together, are all active`,
    rule('ENT-03'),
    async ({ api, contacts, forms }) => {
      const free = formsOf(forms.catalogue.forms, list, FREE_INPUT_TYPES);
      const shared = FREE_INPUT_TYPES.filter((type) => free.filter((form) => form.type === type).length > 1);
      test.skip(shared.length === 0, `the target has no two text, numeric or date forms of one type among ${list}`);
      // Every free-input form of the list, two answers each, forms interleaved in a drawn order.
      const sent = draw(answersToEveryForm(free), 'answers to every free-input form');
      const { id } = await contacts.create(contacts.minimal());

      const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: sent }), 'ENT-03');
      for (const [where, answer] of both) {
        await expect(
          answer,
          `ENT-03 ${list}: every answer to the ${free.length} free-input forms (several of type ${shared.join(', ')}) is active in ${where}`,
        ).toHaveActiveEntries({ [list]: sent });
      }
    },
  );

  test(
    `ENT-02 ${list}: a list sent as [] leaves none of its entries active, as leaving it out does`,
    rule('ENT-02'),
    async ({ api, contacts, forms }) => {
      const answered = formsOf(forms.catalogue.forms, list);
      test.skip(answered.length === 0, `the target has no usable form among ${list}`);
      const before = draw(
        fc.constantFrom(...answered).chain((form) => anyEntry(form)),
        'the answer before',
      );
      const { id } = await contacts.create(contacts.minimal({ [list]: [before] }));

      const { both } = await patchThenGet(api, id, contacts.minimal({ [list]: [] }), 'ENT-02');
      for (const [where, answer] of both) {
        await expect(
          answer,
          `ENT-02 ${list} sent as [] has no active entry in ${where}: every entry is left out of it`,
        ).toHaveActiveEntries({ [list]: [] });
      }
    },
  );

  test(
    `ENT-07 ${list}: leaving the whole list out soft-deletes all of its entries and leaves the other list alone`,
    rule('ENT-07'),
    async ({ api, contacts, forms }) => {
      const other = list === 'formdatas' ? 'custom_fields' : 'formdatas';
      const form = forms.pick(list, 'text');
      const otherForm = forms.pick(other, 'text');
      const { id } = await contacts.create(contacts.minimal());
      await patchToArrange(
        api,
        id,
        contacts.minimal({ [list]: [freeEntry(form, 'Architect')], [other]: [freeEntry(otherForm, 'Teacher')] }),
        'ENT-07',
      );

      const { both } = await patchThenGet(
        api,
        id,
        contacts.minimal({ [other]: [freeEntry(otherForm, 'Teacher')] }),
        'ENT-07',
      );
      for (const [where, answer] of both) {
        await expect(
          answer,
          `ENT-07 ${list} left out has no active entry in ${where}, while ${other} keeps what was sent`,
        ).toHaveActiveEntries({ [list]: [], [other]: [freeEntry(otherForm, 'Teacher')] });
      }
    },
  );
}

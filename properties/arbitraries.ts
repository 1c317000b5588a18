/**
 * What the properties generate: values a client following the contract sends (CONTRACT.md
 * section 2: numeric data in decimal digits, dates as input timestamps, radio and checkbox answers
 * as an option's id and value), and the commands of a model-based run over the forms discovered.
 * Pools are small on purpose (values.ts): values repeat across commands, and a shrunk
 * counterexample reads like a sentence.
 */
import fc from 'fast-check';
import type { AsyncCommand } from 'fast-check';
import { ENTRY_LISTS, type ContactInput, type EntryInput } from '../specs/support/contact';
import { freeEntry, optionEntry } from '../specs/support/forms';
import { AddFreeAnswersCommand } from './commands/AddFreeAnswersCommand';
import { AddRadioAnswerCommand } from './commands/AddRadioAnswerCommand';
import { ChangeFreeAnswerCommand } from './commands/ChangeFreeAnswerCommand';
import { CheckOptionsCommand } from './commands/CheckOptionsCommand';
import { DropAnswerCommand } from './commands/DropAnswerCommand';
import { DropListCommand } from './commands/DropListCommand';
import { PartialAddressCommand } from './commands/PartialAddressCommand';
import { ReadBackCommand } from './commands/ReadBackCommand';
import { ResendStateCommand } from './commands/ResendStateCommand';
import { SetFieldsCommand, type ChangeableField, type FieldChange } from './commands/SetFieldsCommand';
import { SetRadioAnswersCommand } from './commands/SetRadioAnswersCommand';
import type { ContactUnderTest } from './contact-under-test';
import type { NamedForm } from './forms-under-test';
import type { ContactModel } from './model';
import { FREE_VALUES } from './values';
import {
  birthDept,
  fullAddress,
  mail,
  nationality,
  partialAddress,
  phone,
  tags,
} from '../specs/support/inputs/contact';
import { entryDate } from '../specs/support/inputs/entries';
import { text } from '../specs/support/inputs/text';
import { ageCategory, birthdate } from '../specs/support/inputs/values';

/** ENT-03 names no limit; four or five answers in one payload reach a server that keeps three. */
export const MAX_ANSWERS_PER_COMMAND = 5;

/**
 * Values for the scalar fields, each a valid value of its kind (section 2), drawn from the same
 * arbitraries as the specs (specs/support/inputs): text across scripts, marks, four-byte characters,
 * spaces and case; all 14 address members, or some of them; `surname` is the fixture's.
 */
const FIELD_VALUES: { [F in ChangeableField]: fc.Arbitrary<NonNullable<ContactInput[F]>> } = {
  firstname: text(),
  married_name: text(),
  mail,
  phone,
  mobile: phone,
  nationality,
  birth_city: text(),
  birth_country: text(),
  birth_dept: birthDept,
  // DAT-02: instants at their edges, compared to the microsecond on the way back.
  birthdate,
  age_category: ageCategory,
  black_list: fc.boolean(),
  mobile_invalid: fc.boolean(),
  phone_invalid: fc.boolean(),
  address: fc.oneof(fullAddress, partialAddress),
  tags: tags.filter((drawn) => drawn.length > 0),
};

const CHANGEABLE_FIELDS = Object.keys(FIELD_VALUES) as ChangeableField[];

/** Up to four fields, each set to a new value or (one time in three) left out. */
function fieldChanges(minLength: 0 | 1): fc.Arbitrary<FieldChange[]> {
  return fc.uniqueArray(
    fc.oneof(
      ...CHANGEABLE_FIELDS.map((field) =>
        fc.tuple(
          fc.constant(field),
          fc.option(FIELD_VALUES[field] as fc.Arbitrary<ContactInput[ChangeableField]>, { nil: undefined, freq: 3 }),
        ),
      ),
    ),
    { minLength, maxLength: 4, selector: ([field]) => field },
  );
}

function freeValues(form: NamedForm): readonly string[] {
  return FREE_VALUES[form.type as keyof typeof FREE_VALUES];
}

function optionIndex(form: NamedForm): fc.Arbitrary<number> {
  return fc.nat({ max: form.refvalues.length - 1 });
}

type Command = AsyncCommand<ContactModel, ContactUnderTest>;

/** The weight of the first form of its list and type (the one the specs pick) against each other one. */
const FIRST_OF_TYPE_WEIGHT = 3;

/**
 * One of `forms`, then a value built for it; unlike `chain`, what is built for the form still shrinks.
 * The first form of each list and type comes up most, so that commands meet it often and their
 * effects interact; the others of its type still come up (a server keying answers by type shows).
 */
function forEach<T>(forms: readonly NamedForm[], build: (form: NamedForm) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  const first = (form: NamedForm) =>
    forms.find((other) => other.list === form.list && other.type === form.type) === form;
  return fc.oneof(...forms.map((form) => ({ weight: first(form) ? FIRST_OF_TYPE_WEIGHT : 1, arbitrary: build(form) })));
}

/**
 * The commands of a model-based run, over the forms discovered (a type the target lacks adds none).
 * Weights favour the commands that build up answers, so that sequences of the default length reach
 * the states where rules interact: four answers to one form, an option sent twice, a change.
 */
export function commandArbitrary(forms: readonly NamedForm[]): fc.Arbitrary<Command> {
  const free = forms.filter((form) => form.type === 'text' || form.type === 'numeric' || form.type === 'date');
  const radios = forms.filter((form) => form.type === 'radio');
  const checkboxes = forms.filter((form) => form.type === 'checkbox');
  const weighted: fc.WeightedArbitrary<Command>[] = [
    { weight: 3, arbitrary: fieldChanges(1).map((changes) => new SetFieldsCommand(changes)) },
    { weight: 1, arbitrary: fc.constant(new ResendStateCommand()) },
    { weight: 1, arbitrary: fc.constant(new ReadBackCommand()) },
    {
      // Two ways to send no entries (left out, or []), each as likely as dropping a list was before.
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...ENTRY_LISTS), fc.constantFrom('omitted' as const, 'empty' as const))
        .map(([list, how]) => new DropListCommand(list, how)),
    },
    { weight: 1, arbitrary: partialAddress.map((address) => new PartialAddressCommand(address)) },
  ];
  if (free.length) {
    const values = (form: NamedForm) =>
      fc.uniqueArray(fc.constantFrom(...freeValues(form)), {
        minLength: 1,
        maxLength: MAX_ANSWERS_PER_COMMAND,
        size: 'max',
      });
    weighted.push(
      {
        weight: 3,
        arbitrary: forEach(free, (form) =>
          fc
            .tuple(values(form), fc.array(entryDate, { maxLength: MAX_ANSWERS_PER_COMMAND }))
            .map(([chosen, dates]) => new AddFreeAnswersCommand(form, chosen, dates)),
        ),
      },
      {
        weight: 2,
        arbitrary: fc
          .record({ form: fc.nat(), answer: fc.nat(), value: fc.nat() })
          .map((picks) => new ChangeFreeAnswerCommand(free, picks)),
      },
    );
  }
  if (radios.length) {
    weighted.push(
      {
        weight: 2,
        arbitrary: forEach(radios, (form) =>
          optionIndex(form).map((option) => new AddRadioAnswerCommand(form, option)),
        ),
      },
      {
        weight: 2,
        arbitrary: forEach(radios, (form) =>
          fc
            .array(optionIndex(form), { minLength: 2, maxLength: 3 })
            .map((options) => new SetRadioAnswersCommand(form, options)),
        ),
      },
    );
  }
  if (checkboxes.length) {
    weighted.push(
      {
        weight: 3,
        arbitrary: forEach(checkboxes, (form) =>
          fc
            .array(optionIndex(form), { minLength: 1, maxLength: 3 })
            .map((options) => new CheckOptionsCommand(form, options)),
        ),
      },
      { weight: 2, arbitrary: fc.nat().map((pick) => new DropAnswerCommand('uncheck', checkboxes, pick)) },
    );
  }
  const several = forms.filter((form) => form.type !== 'radio');
  if (several.length) {
    weighted.push({ weight: 2, arbitrary: fc.nat().map((pick) => new DropAnswerCommand('dropAnswer', several, pick)) });
  }
  return fc.oneof(...weighted);
}

/** The most entries the metamorphic properties put in one list of a payload. */
export const MAX_ENTRIES_PER_LIST = 8;

/**
 * Entries of one payload, model-free, for the metamorphic properties: any answers to the forms,
 * radio answers and checkbox options repeated at will, but never one text, numeric or date answer
 * twice (whether both are kept is an observation, not a rule).
 */
export function entriesArbitrary(forms: readonly NamedForm[]): fc.Arbitrary<EntryInput[]> {
  if (forms.length === 0) return fc.constant([]);
  const entry = forEach(forms, (form): fc.Arbitrary<EntryInput> =>
    form.type === 'radio' || form.type === 'checkbox'
      ? optionIndex(form).map((option) => optionEntry(form, option))
      : fc.tuple(fc.constantFrom(...freeValues(form)), entryDate).map(([value, date]) => freeEntry(form, value, date)),
  );
  return fc.array(entry, { maxLength: MAX_ENTRIES_PER_LIST }).map((entries) =>
    entries.filter((candidate, index) => {
      const type = forms.find((form) => form.id === candidate.form_id)?.type;
      if (type === 'radio' || type === 'checkbox') return true;
      return !entries
        .slice(0, index)
        .some((earlier) => earlier.form_id === candidate.form_id && earlier.data === candidate.data);
    }),
  );
}

/** A whole contact for the metamorphic properties: `base` with some fields changed or left out, and both lists. */
export function payloadArbitrary(base: ContactInput, forms: readonly NamedForm[]): fc.Arbitrary<ContactInput> {
  const entries = (list: (typeof ENTRY_LISTS)[number]) =>
    fc.option(entriesArbitrary(forms.filter((form) => form.list === list)), { nil: undefined, freq: 5 });
  return fc
    .record({ changes: fieldChanges(0), formdatas: entries('formdatas'), custom_fields: entries('custom_fields') })
    .map(({ changes, formdatas, custom_fields }) => {
      const payload: ContactInput = { ...base };
      for (const [field, value] of changes) {
        if (value === undefined) delete payload[field];
        else Object.assign(payload, { [field]: value });
      }
      // An `undefined` list is left out of the payload (ENT-07).
      if (formdatas !== undefined) payload.formdatas = formdatas;
      if (custom_fields !== undefined) payload.custom_fields = custom_fields;
      return payload;
    });
}

/** A payload as a maintainer reads it: fields changed or left out against `base`, then each list's answers by form name. */
export function describePayload(payload: ContactInput, base: ContactInput, forms: readonly NamedForm[]): string {
  const fields = CHANGEABLE_FIELDS.filter(
    (field) => JSON.stringify(payload[field]) !== JSON.stringify(base[field]),
  ).map((field) => (payload[field] === undefined ? `omit ${field}` : `${field}=${JSON.stringify(payload[field])}`));
  const lists = ENTRY_LISTS.map((list) => {
    const entries = payload[list];
    if (entries === undefined) return `${list} left out`;
    const answers = entries.map((entry) => {
      const form = forms.find((candidate) => candidate.id === entry.form_id);
      return `${form?.name ?? `form ${entry.form_id}`}=${JSON.stringify(entry.data)}`;
    });
    return `${list}: ${answers.join(', ') || 'none'}`;
  });
  return [fields.length ? fields.join(', ') : 'fields as created', ...lists].join('; ');
}

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
import { DropListCommand } from './commands/DropListCommand';
import { ReadBackCommand } from './commands/ReadBackCommand';
import { ResendStateCommand } from './commands/ResendStateCommand';
import { SetFieldsCommand, type ChangeableField, type FieldChange } from './commands/SetFieldsCommand';
import { SetRadioAnswersCommand } from './commands/SetRadioAnswersCommand';
import { UncheckOptionCommand } from './commands/UncheckOptionCommand';
import type { ContactUnderTest } from './contact-under-test';
import type { NamedForm } from './forms-under-test';
import type { ContactModel } from './model';
import { FREE_VALUES } from './values';

/** ENT-03 names no limit; four or five answers in one payload reach a server that keeps three. */
export const MAX_ANSWERS_PER_COMMAND = 5;

/**
 * Text of digits for the digit-only address members (housenumber, postalcode, citycode, floor), from
 * a space with leading zeros: an answer may write such a member as a number, and REP-01 fails one
 * that loses a digit ("01000" -> 1000). Postal codes that start with 0 are common (Ain, Aisne, …).
 */
const digitOnlyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('01000', '09200', '0', '007', '75001'),
  fc.stringMatching(/^[0-9]{1,5}$/),
);

/** Values for the scalar fields, each a valid value of its kind (section 2); `surname` is the fixture's. */
const FIELD_VALUES: { [F in ChangeableField]: fc.Arbitrary<NonNullable<ContactInput[F]>> } = {
  firstname: fc.constantFrom('Grace', 'Margaret', 'Katherine'),
  married_name: fc.constantFrom('Murray', 'Hamilton'),
  mail: fc.constantFrom('grace.hopper@example.org', 'margaret.hamilton@example.org'),
  phone: fc.constantFrom('+33111111111', '+33102030405'),
  mobile: fc.constantFrom('+33622222222', '+33607080910'),
  nationality: fc.constantFrom('US', 'FR'),
  birth_city: fc.constantFrom('New York', 'Lyon'),
  birth_country: fc.constantFrom('United States', 'France'),
  birth_dept: fc.constantFrom('69', '99'),
  // DAT-02: the last millisecond of a day and a leap day, compared to the microsecond on the way back.
  birthdate: fc.constantFrom('1906-12-09T23:59:59.999Z', '2000-02-29T12:00:00.001Z'),
  age_category: fc.integer({ min: 1, max: 6 }),
  black_list: fc.boolean(),
  mobile_invalid: fc.boolean(),
  phone_invalid: fc.boolean(),
  address: fc.record(
    {
      housenumber: digitOnlyText,
      street: fc.constantFrom('Broadway', 'quai Saint-Antoine'),
      postalcode: digitOnlyText,
      citycode: digitOnlyText,
      city: fc.constantFrom('New York', 'Lyon', 'Bourg-en-Bresse'),
      floor: digitOnlyText,
    },
    { requiredKeys: ['street', 'postalcode', 'city'] },
  ),
  tags: fc
    .uniqueArray(fc.constantFrom('navy', 'volunteer', 'donor'), { minLength: 1, maxLength: 2 })
    .map((names) => names.map((name) => ({ name }))),
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

/** One of `forms`, then a value built for it; unlike `chain`, what is built for the form still shrinks. */
function forEach<T>(forms: readonly NamedForm[], build: (form: NamedForm) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof(...forms.map(build));
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
    { weight: 1, arbitrary: fc.constantFrom(...ENTRY_LISTS).map((list) => new DropListCommand(list)) },
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
        arbitrary: forEach(free, (form) => values(form).map((chosen) => new AddFreeAnswersCommand(form, chosen))),
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
      { weight: 2, arbitrary: fc.nat().map((pick) => new UncheckOptionCommand(checkboxes, pick)) },
    );
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
      : fc.constantFrom(...freeValues(form)).map((value) => freeEntry(form, value)),
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

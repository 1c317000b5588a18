/**
 * Entries over every form of the space (CONTRACT.md section 2, "Entry in a request"): several forms
 * of one type, options in any order, free answers at their edges, with and without an entry `date`.
 * Option answers are the option's id and value exactly as discovered.
 */
import fc from 'fast-check';
import type { EntryInput, EntryListName } from '../contact';
import { FREE_INPUT_TYPES, freeEntry, optionEntry, type Form, type FormType } from '../forms';
import { coveringAnswers, freeAnswer, inputTimestamp, type FreeType } from './values';

/** An entry `date`, or none (one time in two): the server then gives one of its own (an observation). */
export const entryDate: fc.Arbitrary<string | undefined> = fc.option(inputTimestamp, { nil: undefined });

export function isOptionForm(form: Form): boolean {
  return form.type === 'radio' || form.type === 'checkbox';
}

/** The option indexes of a choice form in a drawn order that is never ascending (an id-sorted server shows). */
export function optionsInAnyOrder(form: Form, minLength = 2): fc.Arbitrary<number[]> {
  const indexes = [...form.refvalues.keys()];
  return fc
    .shuffledSubarray(indexes, { minLength: Math.min(minLength, indexes.length), maxLength: indexes.length })
    .map((picked) => {
      if (picked.length < 2) return picked;
      const ascending = picked.every(
        (option, at) =>
          at === 0 || (form.refvalues[picked[at - 1] as number]?.id ?? 0) < (form.refvalues[option]?.id ?? 0),
      );
      return ascending ? [...picked].reverse() : picked;
    });
}

/** Every option of a radio form in a drawn order whose last one is not the highest id (a server that keeps the top id shows). */
export function optionsEndingBelowTheTop(form: Form): fc.Arbitrary<number[]> {
  const indexes = [...form.refvalues.keys()];
  const top = indexes.reduce((best, index) =>
    (form.refvalues[index]?.id ?? 0) > (form.refvalues[best]?.id ?? 0) ? index : best,
  );
  return fc
    .shuffledSubarray(indexes, { minLength: indexes.length, maxLength: indexes.length })
    .map((order) =>
      order[order.length - 1] === top && order.length > 1
        ? [...order.slice(0, -1).slice(1), top, order[0] as number]
        : order,
    );
}

/** One answer to any form, with or without a date. */
export function anyEntry(form: Form): fc.Arbitrary<EntryInput> {
  const value: fc.Arbitrary<(date: string | undefined) => EntryInput> = isOptionForm(form)
    ? fc.nat({ max: form.refvalues.length - 1 }).map((option) => (date) => optionEntry(form, option, date))
    : freeAnswer(form.type as FreeType).map((data) => (date) => freeEntry(form, data, date));
  return fc.tuple(value, entryDate).map(([build, date]) => build(date));
}

/** `count` distinct answers to one free-input form, covering its edges, each with or without a date. */
export function answersToFreeForm(form: Form, count: number): fc.Arbitrary<EntryInput[]> {
  return fc
    .tuple(coveringAnswers(form.type as FreeType, count), fc.array(entryDate, { minLength: count, maxLength: count }))
    .map(([values, dates]) => values.map((value, index) => freeEntry(form, value, dates[index])));
}

/**
 * Answers to each of `forms`, all in one list: every free-input form gets two distinct answers,
 * every radio and checkbox form two or more of its options in a non-ascending order (radio: the
 * last one sent is the one that stays). Entries of different forms interleave in a drawn order;
 * each with or without a date.
 */
export function answersToEveryForm(forms: readonly Form[]): fc.Arbitrary<EntryInput[]> {
  if (forms.length === 0) return fc.constant([]);
  const perForm = forms.map((form) =>
    isOptionForm(form)
      ? fc
          .tuple(
            optionsInAnyOrder(form),
            fc.array(entryDate, { minLength: form.refvalues.length, maxLength: form.refvalues.length }),
          )
          .map(([options, dates]) => options.map((option, at) => optionEntry(form, option, dates[at])))
      : answersToFreeForm(form, 2),
  );
  return fc.tuple(...perForm).chain((groups) => interleaved(groups));
}

/** The groups' entries interleaved in a drawn order, each group keeping its own order (radio: the last sent wins). */
function interleaved(groups: readonly EntryInput[][]): fc.Arbitrary<EntryInput[]> {
  const turns = groups.flatMap((group, index) => group.map(() => index));
  return fc.shuffledSubarray(turns, { minLength: turns.length, maxLength: turns.length }).map((order) => {
    const taken = groups.map(() => 0);
    return order.map((group) => {
      const entry = (groups[group] as EntryInput[])[taken[group] as number] as EntryInput;
      taken[group] = (taken[group] as number) + 1;
      return entry;
    });
  });
}

/** The forms of `list` among `forms`, of `types` when given. */
export function formsOf(
  forms: readonly Form[],
  list: EntryListName,
  types: readonly FormType[] = [...FREE_INPUT_TYPES, 'radio', 'checkbox'],
): Form[] {
  return forms.filter((form) => form.list === list && types.includes(form.type));
}

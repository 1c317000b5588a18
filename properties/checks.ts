/**
 * The checks a property makes on an answer, each against the model or against an earlier answer,
 * never against what one server happens to do: no entry id, no date given to an entry sent without
 * one and no UpdatedAt value is predicted, only relations between them. Every message starts with
 * the rule id and carries the request with its curl line (Answer.describe()).
 *
 * Playwright makes every `expect` a report step, and a property checks thousands of times: each
 * check first decides cheaply whether it can fail, and only then runs its `expect` (the support
 * matcher that words the failure). A passing property leaves no step per check in the report.
 */
import { Temporal } from 'temporal-polyfill';
import { compareInstants, isAnswerTimestamp, toEpochMicroseconds } from '../schemas/formats';
import { type Answer, type JsonObject } from '../specs/request-path/api';
import { activeEntriesOf, entriesOf } from '../specs/support/contact';
import { addressMemberText, canonical, fieldsNotAsSent, fieldsNotCleared } from '../specs/support/compare';
import {
  ADDRESS_MEMBERS,
  ENTRY_LISTS,
  SCALAR_FIELDS,
  type ContactInput,
  type EntryInput,
  type EntryListName,
} from '../specs/support/contact';
import { expect, isCleared } from '../specs/support/expect';
import type { Form } from '../specs/support/forms';
import type { RuleId } from '../specs/support/rule-catalogue';
import type { ContactModel } from './model';

const MICROSECONDS_PER_MILLISECOND = 1000n;

/** Runs `assertion` (an `expect`) only when `mayFail`: the cheap test must be true whenever the assertion would fail. */
export function expectOnlyIf(mayFail: boolean, assertion: () => unknown): void {
  if (mayFail) assertion();
}

/** True when `a` and `b` are deep-equal once canonical (lists as multisets, instants to the µs). */
export function sameCanonical(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** REP-01 and REP-02: the scalar fields are those of the model, in an answer. */
export function expectFieldsOfModel(answer: Answer, where: string, model: ContactModel): void {
  const notAsSent = fieldsNotAsSent(answer.contact, model.fields);
  expectOnlyIf(notAsSent.length > 0, () =>
    expect(
      notAsSent,
      `REP-01 every field sent comes back with the value sent (instants to the µs), in ${where}\n${answer.describe()}`,
    ).toEqual([]),
  );
  const sentAddress = model.fields.address;
  if (sentAddress !== undefined) {
    const address = (answer.contact.address ?? {}) as JsonObject;
    const membersLeftOut = ADDRESS_MEMBERS.filter((member) => sentAddress[member] === undefined);
    const kept = fieldsNotCleared(address, membersLeftOut);
    expectOnlyIf(kept.length > 0, () =>
      expect(
        kept,
        `REP-02 every address member left out of the address sent (${membersLeftOut.join(', ')}) is cleared, in ${where}; received values:\n${answer.describe()}`,
      ).toEqual([]),
    );
  }
  const leftOut = SCALAR_FIELDS.filter((field) => model.fields[field] === undefined);
  const notCleared = fieldsNotCleared(answer.contact, leftOut);
  expectOnlyIf(notCleared.length > 0, () =>
    expect(
      notCleared,
      `REP-02 every field left out of the payload (${leftOut.join(', ')}) is cleared, in ${where}; received values:\n${answer.describe()}`,
    ).toEqual([]),
  );
}

/** The rule a difference in the active entries of one form breaks, and that rule in words. */
function ruleOfForm(
  list: EntryListName,
  formId: unknown,
  form: Form | undefined,
  payload: ContactInput,
  model: ContactModel,
  tooMany: boolean,
): [RuleId, string] {
  const sent = payload[list];
  if (sent === undefined) return ['ENT-07', `${list} was left out of the payload, so none of its entries is active`];
  if (!form || !sent.some((entry) => entry.form_id === formId))
    return ['ENT-02', 'the form was left out of the payload, so none of its entries is active'];
  if (form.type === 'radio')
    return ['ENT-04', 'of the answers sent to a radio form exactly one is active, the last one sent'];
  if (form.type === 'checkbox') return ['ENT-05', 'every distinct checkbox option sent is active, once'];
  if (tooMany && model.reading === 'replace')
    return ['ENT-06', 'a value no longer sent is no longer active (replace reading)'];
  return ['ENT-03', `every text, numeric and date answer sent is active (${model.reading} reading)`];
}

/**
 * ENT-02..ENT-07: the active entries of each form are the model's, as multisets (ids ignored,
 * instants to the µs). Form by form, so that the message names the rule of that form's type.
 */
export function expectEntriesOfModel(answer: Answer, where: string, model: ContactModel, payload: ContactInput): void {
  for (const list of ENTRY_LISTS) {
    const received = activeEntriesOf(answer.contact, list);
    const formIds = [
      ...new Set<unknown>([
        ...model.entries[list].map((entry) => entry.form_id),
        ...received.map((entry) => entry.form_id),
      ]),
    ];
    for (const formId of formIds) {
      const form = typeof formId === 'number' ? model.forms.get(formId) : undefined;
      const expected = model.entries[list].filter((entry) => entry.form_id === formId);
      const receivedOfForm = received.filter((entry) => entry.form_id === formId);
      // Equal canonical multisets (form, option, data) pass toHaveActiveEntries; anything else goes to it.
      const asAnswers = (entries: readonly (JsonObject | EntryInput)[]) =>
        entries.map(({ form_id, form_ref_id, data }) => ({ form_id, form_ref_id, data }));
      expectOnlyIf(!sameCanonical(asAnswers(receivedOfForm), asAnswers(expected)), () => {
        const [ruleId, says] = ruleOfForm(list, formId, form, payload, model, receivedOfForm.length > expected.length);
        const name = form ? `${form.type} form "${form.label}"` : `form ${String(formId)}`;
        expect(
          { [list]: receivedOfForm },
          `${ruleId} ${says}: ${list} ${name} in ${where}\n${answer.describe()}`,
        ).toHaveActiveEntries({ [list]: expected });
      });
    }
  }
}

function describeEntry(entry: JsonObject): string {
  return `id ${String(entry.id)} (form ${String(entry.form_id)} = ${JSON.stringify(entry.data)})`;
}

/**
 * ENT-01: every active entry has an id no entry of the contact had before this PATCH. `seen` maps
 * every id listed in an earlier answer of the sequence to where it was seen, so a recycled id names
 * the entry it belonged to.
 */
export function expectNewEntryIds(answer: Answer, where: string, seen: ReadonlyMap<number, string>): void {
  const offending = ENTRY_LISTS.flatMap((list) => activeEntriesOf(answer.contact, list))
    .filter((entry) => typeof entry.id !== 'number' || seen.has(entry.id))
    .map(
      (entry) =>
        `${describeEntry(entry)}: ${typeof entry.id === 'number' ? `already ${seen.get(entry.id)}` : 'no numeric id'}`,
    );
  expectOnlyIf(offending.length > 0, () =>
    expect(
      offending,
      `ENT-01 after every PATCH every active entry has an id that no entry of the contact had before it (ids seen earlier in this sequence: ${seen.size}), in ${where}\n${answer.describe()}`,
    ).toEqual([]),
  );
}

/** Every entry id an answer lists, active or soft-deleted, with where it was seen. */
export function entryIdsIn(answer: Answer, where: string): [number, string][] {
  return ENTRY_LISTS.flatMap((list) => entriesOf(answer.contact, list).map((entry) => [entry, list] as const))
    .filter(([entry]) => typeof entry.id === 'number')
    .map(([entry, list]) => [
      entry.id as number,
      `the id of ${list} form ${String(entry.form_id)} = ${JSON.stringify(entry.data)} in ${where}`,
    ]);
}

/** REP-03: "Server-owned fields keep their values: `id`, `CreatedAt`, `group_id`", as the answer to the POST gave them. */
export function expectServerOwnedFields(answer: Answer, where: string, created: Answer): void {
  const kept = (name: string, now: unknown, then: unknown) =>
    name === 'CreatedAt' && isAnswerTimestamp(now) && isAnswerTimestamp(then)
      ? compareInstants(now, then) === 0
      : now === then;
  const changed = ['id', 'CreatedAt', 'group_id']
    .filter((name) => !kept(name, answer.contact[name], created.contact[name]))
    .map(
      (name) =>
        `${name}: ${JSON.stringify(created.contact[name])} when created, ${JSON.stringify(answer.contact[name])} now`,
    );
  expectOnlyIf(changed.length > 0, () =>
    expect(changed, `REP-03 server-owned fields keep their values, in ${where}\n${answer.describe()}`).toEqual([]),
  );
}

/** REP-03: `UpdatedAt` is a timestamp and not before `previous` (the one of the answer before). Returns it. */
export function expectUpdatedAtNotBack(answer: Answer, where: string, previous: string | undefined): string {
  const updatedAt = answer.contact.UpdatedAt;
  expectOnlyIf(!isAnswerTimestamp(updatedAt), () =>
    expect(
      isAnswerTimestamp(updatedAt),
      `REP-03 UpdatedAt is a timestamp, in ${where}: received ${JSON.stringify(updatedAt)}\n${answer.describe()}`,
    ).toBe(true),
  );
  if (previous !== undefined) {
    const order = compareInstants(updatedAt as string, previous);
    expectOnlyIf(order < 0, () =>
      expect(
        order,
        `REP-03 UpdatedAt does not go back in time: ${previous} then ${String(updatedAt)} in ${where}\n${answer.describe()}`,
      ).toBeGreaterThanOrEqual(0),
    );
  }
  return updatedAt as string;
}

/**
 * What the contract says a re-send must keep: the writable fields (a cleared one as null, whatever
 * form the clearing took; a digit-only address member as its decimal text, whether string or number), and the active entries as form, option and data, as a multiset. Not the
 * ids, not UpdatedAt, not an entry's `date` (the server chooses it for an entry sent without one),
 * not the members an answer adds (a tag's id).
 */
export function observableState(contact: JsonObject): unknown {
  const fields: Record<string, unknown> = {};
  for (const field of SCALAR_FIELDS) {
    const value = contact[field];
    if (isCleared(value)) fields[field] = null;
    else if (field === 'address')
      fields[field] = Object.fromEntries(
        ADDRESS_MEMBERS.map((member) => [
          member,
          isCleared((value as JsonObject)[member]) ? null : addressMemberText(member, (value as JsonObject)[member]),
        ]),
      );
    else if (field === 'tags' && Array.isArray(value)) fields[field] = value.map((tag: JsonObject) => tag?.name).sort();
    else fields[field] = canonical(value);
  }
  const entries = Object.fromEntries(
    ENTRY_LISTS.map((list) => [
      list,
      canonical(
        activeEntriesOf(contact, list).map((entry) => ({
          form_id: entry.form_id,
          form_ref_id: entry.form_ref_id,
          data: entry.data,
        })),
      ),
    ]),
  );
  return { fields, entries };
}

/** A relation between two answers: `after` shows the same observable state as `before` (see observableState). */
export function expectSameState(after: Answer, before: Answer, message: string): void {
  const [received, expected] = [observableState(after.contact), observableState(before.contact)];
  expectOnlyIf(JSON.stringify(received) !== JSON.stringify(expected), () =>
    expect(received, `${message}\nbefore:\n${before.describe()}\nafter:\n${after.describe()}`).toEqual(expected),
  );
}

/**
 * A timestamp of an answer written back as an input timestamp (three digits, DAT-01). `undefined`
 * when it is not a timestamp or carries microseconds a millisecond cannot hold.
 */
export function asInputTimestamp(value: unknown): string | undefined {
  if (!isAnswerTimestamp(value)) return undefined;
  const microseconds = toEpochMicroseconds(value);
  if (microseconds % MICROSECONDS_PER_MILLISECOND !== 0n) return undefined;
  return Temporal.Instant.fromEpochMilliseconds(Number(microseconds / MICROSECONDS_PER_MILLISECOND)).toString({
    fractionalSecondDigits: 3,
  });
}

/**
 * The payload a client builds from a contact it read, to send it back as it is: the writable fields
 * that are set, and the active entries as form, option and data. Timestamps go back as input
 * timestamps; one that cannot (microseconds, when only milliseconds were sent) breaks DAT-02.
 */
export function payloadReadFrom(answer: Answer, forms: ReadonlyMap<number, Form>): ContactInput {
  const contact = answer.contact;
  const payload: Record<string, unknown> = {};
  const asInput = (value: unknown, what: string): string => {
    const input = asInputTimestamp(value);
    expectOnlyIf(input === undefined, () =>
      expect(
        input,
        `DAT-02 the instant returned equals the millisecond instant sent, so it reads back as an input timestamp: ${what} = ${JSON.stringify(value)}\n${answer.describe()}`,
      ).toBeDefined(),
    );
    return input as string;
  };
  for (const field of SCALAR_FIELDS) {
    const value = contact[field];
    if (isCleared(value)) continue;
    if (field === 'birthdate') payload[field] = asInput(value, field);
    else if (field === 'address')
      payload[field] = Object.fromEntries(
        // A digit-only member read as a number goes back as its decimal text, as a client writes it.
        ADDRESS_MEMBERS.filter((member) => !isCleared((value as JsonObject)[member])).map((member) => [
          member,
          addressMemberText(member, (value as JsonObject)[member]),
        ]),
      );
    else if (field === 'tags' && Array.isArray(value))
      payload[field] = value.map((tag: JsonObject) => ({ name: tag?.name }));
    else payload[field] = value;
  }
  for (const list of ENTRY_LISTS) {
    payload[list] = activeEntriesOf(contact, list).map((entry): EntryInput => {
      const form = typeof entry.form_id === 'number' ? forms.get(entry.form_id) : undefined;
      const isDate = form !== undefined && form.type === 'date';
      const data = isDate ? asInput(entry.data, `${list} form "${form.label}" data`) : entry.data;
      return { form_id: entry.form_id as number, form_ref_id: entry.form_ref_id as number, data: data as string };
    });
  }
  return payload as ContactInput;
}

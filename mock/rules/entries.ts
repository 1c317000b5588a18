// The rules for `formdatas` and `custom_fields` entries (CONTRACT section 3, ENT-01 to ENT-07), under
// the `replace` reading of section 4: "the active entries after a PATCH are a function of the
// payload alone". Pure functions: they read the catalogue and return new values; the store only
// keeps what they return.

import { findForm, type EntryList, type Form, type FormType, type GroupId, type RefValue } from './catalogue';
import { isIdentifier, isJsonObject, ownValue, unknownKeys } from './json-values';
import { violation, type Violation } from './problems';
import type { EntryValue, StoredEntry } from './store';
import { formatTimestamp, parseInputTimestamp, parseTimestamp, type EpochMicroseconds } from './timestamps';
import type { Behaviour } from './variant';

/** A validated entry of a request, not stored yet. */
export interface EntryDraft {
  readonly list: EntryList;
  readonly form: Form;
  readonly form_ref_id: number;
  readonly data: EntryValue;
  /** Absent: the entry is dated with the write (section 3, observation "the `date` a server gives"). */
  readonly date: EpochMicroseconds | undefined;
  readonly survey_id: number | undefined;
}

// Section 2: "Entry in a request: {form_id:int, form_ref_id:int, data:string, date?:timestamp}
// (`survey_id` may appear in formdatas)".
const ENTRY_REQUEST_MEMBERS: Readonly<Record<EntryList, readonly string[]>> = {
  formdatas: ['form_id', 'form_ref_id', 'data', 'date', 'survey_id'],
  custom_fields: ['form_id', 'form_ref_id', 'data', 'date'],
};

// Section 2: "A numeric form's `data` is an integer written in decimal digits (`"3"`)".
const DECIMAL_INTEGER = /^-?[0-9]+$/;

export type EntryListParse =
  | { readonly ok: true; readonly drafts: readonly EntryDraft[] }
  | { readonly ok: false; readonly violations: readonly Violation[] };

/**
 * Validates one list of a request. Every entry must name a form of this list's catalogue in the
 * caller's space, and a refvalue of that form; its `data` must suit the form's type (section 5:
 * "a numeric answer that is not an integer and a date answer that is not an input timestamp are
 * 422"; the mock also refuses a radio or checkbox `data` that is not the option's `value`).
 */
export function parseEntryList(raw: unknown, list: EntryList, groupId: GroupId, location: string): EntryListParse {
  if (!Array.isArray(raw)) {
    return { ok: false, violations: [violation(location, `${list} must be an array of entries`, raw)] };
  }
  const drafts: EntryDraft[] = [];
  const violations: Violation[] = [];
  raw.forEach((entry: unknown, index) => {
    const parsed = parseEntry(entry, list, groupId, `${location}[${index}]`);
    if ('violations' in parsed) violations.push(...parsed.violations);
    else drafts.push(parsed.draft);
  });
  return violations.length > 0 ? { ok: false, violations } : { ok: true, drafts };
}

function parseEntry(
  entry: unknown,
  list: EntryList,
  groupId: GroupId,
  location: string,
): { draft: EntryDraft } | { violations: Violation[] } {
  if (!isJsonObject(entry)) {
    return { violations: [violation(location, 'an entry must be an object', entry)] };
  }
  const violations: Violation[] = unknownKeys(entry, ENTRY_REQUEST_MEMBERS[list]).map((key) =>
    violation(`${location}.${key}`, `unknown property of a ${list} entry`, ownValue(entry, key)),
  );
  const formId = ownValue(entry, 'form_id');
  const formRefId = ownValue(entry, 'form_ref_id');
  const data = ownValue(entry, 'data');
  const date = ownValue(entry, 'date');
  const surveyId = ownValue(entry, 'survey_id');

  if (!isIdentifier(formId)) {
    violations.push(violation(`${location}.form_id`, 'form_id is required, an integer >= 0', formId));
  }
  if (!isIdentifier(formRefId)) {
    violations.push(violation(`${location}.form_ref_id`, 'form_ref_id is required, an integer >= 0', formRefId));
  }
  if (typeof data !== 'string') {
    violations.push(violation(`${location}.data`, 'data is required, a string', data));
  }
  let dateInstant: EpochMicroseconds | undefined;
  if (date !== undefined) {
    dateInstant = typeof date === 'string' ? parseTimestamp(date) : undefined;
    if (dateInstant === undefined) {
      violations.push(
        violation(`${location}.date`, 'date must be a UTC timestamp YYYY-MM-DDTHH:mm:ss[.ffffff]Z that exists', date),
      );
    }
  }
  if (surveyId !== undefined && !isIdentifier(surveyId)) {
    violations.push(violation(`${location}.survey_id`, 'survey_id must be an integer >= 0', surveyId));
  }

  const form = isIdentifier(formId) ? findForm(groupId, list, formId) : undefined;
  if (isIdentifier(formId) && form === undefined) {
    violations.push(
      violation(`${location}.form_id`, `no form ${formId} among the ${list} forms of this space`, formId),
    );
  }
  const refvalue =
    form !== undefined && isIdentifier(formRefId)
      ? form.refvalues.find((candidate) => candidate.id === formRefId)
      : undefined;
  if (form !== undefined && isIdentifier(formRefId) && refvalue === undefined) {
    violations.push(
      violation(`${location}.form_ref_id`, `${formRefId} is not a refvalue of form ${form.id}`, formRefId),
    );
  }
  const value =
    form !== undefined && refvalue !== undefined && typeof data === 'string'
      ? entryValueOf(form, refvalue, data)
      : undefined;
  if (form !== undefined && refvalue !== undefined && typeof data === 'string' && value === undefined) {
    violations.push(violation(`${location}.data`, expectedDataOf(form, refvalue), data));
  }

  if (violations.length > 0 || form === undefined || value === undefined || !isIdentifier(formRefId)) {
    return { violations };
  }
  return {
    draft: {
      list,
      form,
      form_ref_id: formRefId,
      data: value,
      date: dateInstant,
      survey_id: isIdentifier(surveyId) ? surveyId : undefined,
    },
  };
}

/** The stored value of an answer, or undefined when `data` does not suit the form. */
function entryValueOf(form: Form, refvalue: RefValue, data: string): EntryValue | undefined {
  switch (form.type) {
    case 'text':
      return { kind: 'text', text: data };
    case 'numeric':
      return DECIMAL_INTEGER.test(data) ? { kind: 'text', text: data } : undefined;
    case 'date': {
      // A date answer IS a timestamp: kept as its instant, answered with six fractional digits.
      const at = parseInputTimestamp(data);
      return at === undefined ? undefined : { kind: 'instant', at };
    }
    case 'radio':
    case 'checkbox':
      // Section 2: "an answer sends the option's id as `form_ref_id` and its `value` as `data`".
      return data === refvalue.value ? { kind: 'text', text: data } : undefined;
    case 'range': {
      const bounds = form.bounds;
      const inBounds =
        bounds !== undefined && DECIMAL_INTEGER.test(data) && Number(data) >= bounds.min && Number(data) <= bounds.max;
      return inBounds ? { kind: 'text', text: data } : undefined;
    }
  }
}

function expectedDataOf(form: Form, refvalue: RefValue): string {
  switch (form.type) {
    case 'text':
      return 'data must be a string';
    case 'numeric':
      return `form ${form.id} is numeric: data must be an integer in decimal digits`;
    case 'date':
      return `form ${form.id} is a date: data must be a timestamp YYYY-MM-DDTHH:mm:ss.SSSZ that exists`;
    case 'radio':
    case 'checkbox':
      return `option ${refvalue.id} of form ${form.id} is answered with data "${refvalue.value ?? ''}"`;
    case 'range':
      return `form ${form.id} is a range: data must be an integer from ${form.bounds?.min} to ${form.bounds?.max}`;
  }
}

/** Which of the entries sent to one form in one payload stay active; they come in payload order. */
export type Keeping = (sentToOneForm: readonly EntryDraft[]) => readonly EntryDraft[];

/** ENT-03: every entry sent stays, duplicates included (section 5: "two identical answers sent together ... are both kept"). */
export const everyOne: Keeping = (sent) => sent;
/** ENT-04: exactly one entry stays, the last one sent. */
export const theLastOne: Keeping = (sent) => sent.slice(-1);
/** ENT-05: each distinct option stays once (its first occurrence). */
export const eachOptionOnce: Keeping = (sent) =>
  sent.filter((draft, index) => sent.findIndex((other) => other.form_ref_id === draft.form_ref_id) === index);

/** The entry rules of CONTRACT section 3, one per form type (`range` is out of scope: kept like text). */
export const KEEPING_BY_FORM_TYPE: Readonly<Record<FormType, Keeping>> = {
  text: everyOne, // ENT-03: every entry sent to a text form stays
  numeric: everyOne, // ENT-03: every entry sent to a numeric form stays
  date: everyOne, // ENT-03: every entry sent to a date form stays
  range: everyOne,
  radio: theLastOne, // ENT-04: only the last entry sent to a radio form stays
  checkbox: eachOptionOnce, // ENT-05: each distinct option of a checkbox form stays, once
};

/** Which entries of a payload stay active, in payload order: each form's entries as its type keeps them. */
export function keepEntriesByFormRules(
  drafts: readonly EntryDraft[],
  keeping: Readonly<Record<FormType, Keeping>> = KEEPING_BY_FORM_TYPE,
): readonly EntryDraft[] {
  const sentToForm = new Map<string, EntryDraft[]>();
  for (const draft of drafts) {
    const key = `${draft.list} ${draft.form.id}`;
    sentToForm.set(key, [...(sentToForm.get(key) ?? []), draft]);
  }
  const kept = new Set<EntryDraft>();
  for (const sent of sentToForm.values()) {
    const type = (sent[0] as EntryDraft).form.type;
    for (const draft of keeping[type](sent)) kept.add(draft);
  }
  return drafts.filter((draft) => kept.has(draft));
}

export interface EntryWrite {
  readonly contactId: number;
  readonly groupId: GroupId;
  readonly at: EpochMicroseconds;
  readonly allocateEntryId: () => number;
}

/**
 * The entry history after a write ("soft delete + recreate", section 4):
 * - ENT-02, ENT-06, ENT-07: every entry active before is soft-deleted, `deleted_at` = the write;
 *   a list left out therefore keeps no active entry;
 * - ENT-01: the entries kept from the payload are created anew with ids never used before.
 */
export function supersedeEntries(
  history: readonly StoredEntry[],
  kept: readonly EntryDraft[],
  write: EntryWrite,
): readonly StoredEntry[] {
  // ENT-02, ENT-06, ENT-07: every entry active before the write is soft-deleted by it.
  const retired = history.map((entry) =>
    entry.deleted_at === null ? { ...entry, updated_at: write.at, deleted_at: write.at } : entry,
  );
  const created = kept.map((draft): StoredEntry => ({
    id: write.allocateEntryId(), // ENT-01: an id no entry had before
    list: draft.list,
    form_id: draft.form.id,
    form_ref_id: draft.form_ref_id,
    data: draft.data,
    date: draft.date ?? write.at,
    ...(draft.survey_id === undefined ? {} : { survey_id: draft.survey_id }),
    contact_id: write.contactId,
    group_id: write.groupId,
    created_at: write.at,
    updated_at: write.at,
    deleted_at: null,
  }));
  return [...retired, ...created];
}

/**
 * One list of a contact answer: its active entries in the order they were sent; soft-deleted ones
 * follow only where the behaviour lists them (ENT-02: "where a response still lists it, its
 * `deleted_at` is set").
 */
export function renderEntryList(
  history: readonly StoredEntry[],
  list: EntryList,
  behaviour: Behaviour,
): Record<string, unknown>[] {
  const ofList = history.filter((entry) => entry.list === list);
  const active = ofList.filter((entry) => entry.deleted_at === null);
  const softDeleted = behaviour.listsSoftDeletedEntries ? ofList.filter((entry) => entry.deleted_at !== null) : [];
  return [...active, ...softDeleted].map((entry) => renderEntry(entry, behaviour));
}

function renderEntry(entry: StoredEntry, behaviour: Behaviour): Record<string, unknown> {
  // SCH-02, DAT-02: UTC `Z`, the behaviour's fractional digits, the stored instant to the microsecond.
  const timestamp = (instant: EpochMicroseconds): string => formatTimestamp(instant, behaviour.answerFractionDigits);
  const rendered: Record<string, unknown> = {
    id: entry.id,
    form_id: entry.form_id,
    form_ref_id: entry.form_ref_id,
    data: entry.data.kind === 'instant' ? timestamp(entry.data.at) : entry.data.text,
    date: timestamp(entry.date),
    ...(entry.survey_id === undefined ? {} : { survey_id: entry.survey_id }),
    contact_id: entry.contact_id,
    group_id: entry.group_id,
    created_at: timestamp(entry.created_at),
    updated_at: timestamp(entry.updated_at),
    deleted_at: entry.deleted_at === null ? null : timestamp(entry.deleted_at),
  };
  if (behaviour.addsExtraProperties) {
    // Section 2: "`label`, `type_of_form`, `donedate` may appear".
    const form = findForm(entry.group_id, entry.list, entry.form_id);
    const refvalue = form?.refvalues.find((candidate) => candidate.id === entry.form_ref_id);
    rendered['label'] = refvalue?.label ?? null;
    rendered['type_of_form'] = form?.type ?? null;
    rendered['donedate'] = null;
  }
  return rendered;
}

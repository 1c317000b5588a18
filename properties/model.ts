/**
 * The model of one contact: what CONTRACT.md states and nothing more. It holds the scalar fields the
 * client last sent and the active entries of each list; a PATCH moves it to the state the contract
 * predicts under the reading named by QOMON_ENTRY_READING (section 4). It knows nothing of ids,
 * timestamps a server chooses or UpdatedAt: the checks compare only what the contract pins down.
 *
 * Written from CONTRACT.md alone; it imports nothing from mock/ (a model that imports the mock
 * would test the mock against itself).
 */
import {
  ENTRY_LISTS,
  SCALAR_FIELDS,
  type ContactInput,
  type EntryInput,
  type EntryListName,
} from '../specs/support/contact';
import type { EntryReading } from '../specs/request-path/config';
import type { Form, FormType } from '../specs/support/forms';

export type Entries = Record<EntryListName, EntryInput[]>;

/** The same answer: same form, same option, same `data` (section 4, merge: "identical ... kept once"). */
export function sameAnswer(a: EntryInput, b: EntryInput): boolean {
  return a.form_id === b.form_id && a.form_ref_id === b.form_ref_id && a.data === b.data;
}

/** Entries grouped by form, forms in the order they first appear. */
function byForm(entries: readonly EntryInput[]): Map<number, EntryInput[]> {
  const groups = new Map<number, EntryInput[]>();
  for (const entry of entries) groups.set(entry.form_id, [...(groups.get(entry.form_id) ?? []), entry]);
  return groups;
}

/**
 * The active entries of one list after a PATCH (CONTRACT.md sections 3 and 4). `sent` is undefined
 * when the payload leaves the list out.
 *
 * - ENT-07: a list left out loses all its entries. ENT-02: so does a form absent from the payload.
 * - For a form in the payload, `replace` starts from nothing and `merge` from the form's active
 *   entries; then text, numeric and date entries sent are added, an identical one only once
 *   (ENT-03), checkbox options are added, each once (ENT-05), and radio keeps the last one sent (ENT-04).
 */
export function activeAfterPatch(
  reading: EntryReading,
  typeOf: (formId: number) => FormType,
  before: readonly EntryInput[],
  sent: readonly EntryInput[] | undefined,
): EntryInput[] {
  if (sent === undefined) return [];
  const after: EntryInput[] = [];
  for (const [formId, sentToForm] of byForm(sent)) {
    const kept = reading === 'merge' ? before.filter((entry) => entry.form_id === formId) : [];
    const type = typeOf(formId);
    if (type === 'radio') {
      after.push(sentToForm[sentToForm.length - 1] as EntryInput);
    } else if (type === 'checkbox') {
      const options: EntryInput[] = [];
      for (const entry of [...kept, ...sentToForm])
        if (!options.some((option) => option.form_ref_id === entry.form_ref_id)) options.push(entry);
      after.push(...options);
    } else {
      after.push(...kept, ...sentToForm.filter((entry) => !kept.some((active) => sameAnswer(active, entry))));
    }
  }
  return after;
}

/** Only the scalar fields of a payload (REP-01/REP-02 range over these). */
export function scalarFieldsOf(contact: ContactInput): ContactInput {
  const fields: ContactInput = {};
  for (const field of SCALAR_FIELDS)
    if (contact[field] !== undefined) Object.assign(fields, { [field]: contact[field] });
  return fields;
}

export class ContactModel {
  /** The active entries of each list, as the client sent them. */
  entries: Entries = { formdatas: [], custom_fields: [] };

  constructor(
    readonly reading: EntryReading,
    /** The forms the commands answer, by id: the model needs their type only. */
    readonly forms: ReadonlyMap<number, Form>,
    /** The scalar fields as last sent; a field missing here is cleared (REP-02). */
    public fields: ContactInput,
  ) {}

  typeOf = (formId: number): FormType => {
    const form = this.forms.get(formId);
    if (!form) throw new Error(`model: form ${formId} is not one the commands answer`);
    return form.type;
  };

  /** The active entries of `form`. */
  entriesOf(form: Form): EntryInput[] {
    return this.entries[form.list].filter((entry) => entry.form_id === form.id);
  }

  /**
   * What a client sends to keep everything as it is: the whole contact, as clients do. Both
   * readings keep the state under it (replace: a function of the payload; merge: all identical).
   */
  currentPayload(): ContactInput {
    return { ...this.fields, formdatas: [...this.entries.formdatas], custom_fields: [...this.entries.custom_fields] };
  }

  /** The state the contract predicts after a PATCH of `payload`. */
  apply(payload: ContactInput): void {
    this.fields = scalarFieldsOf(payload);
    for (const list of ENTRY_LISTS)
      this.entries[list] = activeAfterPatch(this.reading, this.typeOf, this.entries[list], payload[list]);
  }
}

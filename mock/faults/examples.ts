// The words of a fault's minimal example (faults/fault-table.ts, `example`): a few requests, sent to
// a fresh reference mock and to a fresh mock playing the fault, whose responses must differ
// (mock/tests/faults.test.ts). Form ids come from space 1's catalogue, looked up by label.

import { formsOfCategory, SPACE_A_GROUP_ID, type Form, type FormCategory } from '../rules/catalogue';

/** The mock's three tokens by name (http/options.ts, MockTokens). */
type Tokens = Readonly<Record<'space' | 'otherSpace' | 'rate', string>>;

export type Caller = keyof Tokens | 'anonymous' | { readonly authorization: (tokens: Tokens) => string };

export type Step =
  | {
      readonly method: string;
      readonly path: string;
      readonly as?: Caller;
      readonly contact?: Record<string, unknown>;
      readonly rawBody?: string;
    }
  | { readonly advanceClockSeconds: number };

/** The examples run on a mock whose rate token's bucket holds two writes; the third is refused. */
export const EXAMPLE_RATE_CAPACITY = 10;

/** The first contact a fresh mock creates. */
export const CONTACT = '/contacts/1001';

export const post = (contact: Record<string, unknown>, as?: Caller): Step => ({
  method: 'POST',
  path: '/contacts',
  contact,
  ...(as ? { as } : {}),
});
export const patch = (contact: Record<string, unknown>, as?: Caller): Step => ({
  method: 'PATCH',
  path: CONTACT,
  contact,
  ...(as ? { as } : {}),
});
export const get = (target = CONTACT, as?: Caller): Step => ({ method: 'GET', path: target, ...(as ? { as } : {}) });
export const tick: Step = { advanceClockSeconds: 1 };

type EntryPayload = { form_id: number; form_ref_id: number; data: string; date?: string };

function formOf(category: FormCategory, label: string): Form {
  const form = formsOfCategory(SPACE_A_GROUP_ID, category).find((candidate) => candidate.label === label);
  if (form === undefined) throw new Error(`space 1 has no ${category} form "${label}"`);
  return form;
}

function freeEntry(form: Form, data: string, date?: string): EntryPayload {
  return { form_id: form.id, form_ref_id: form.refvalues[0]?.id ?? -1, data, ...(date ? { date } : {}) };
}

/** An entry of a free-input custom field (text, numeric, date): its one refvalue. */
export function entry(label: string, data: string, date?: string): EntryPayload {
  return freeEntry(formOf('custom_fields', label), data, date);
}

/** An entry of a free-input survey form, sent in `formdatas`. */
export function surveyEntry(label: string, data: string, date?: string): EntryPayload {
  return freeEntry(formOf('survey', label), data, date);
}

/** An entry of a choice custom field (radio, checkbox): the refvalue of the option. */
export function optionEntry(label: string, option: string): EntryPayload {
  const form = formOf('custom_fields', label);
  const refvalue = form.refvalues.find((candidate) => candidate.value === option);
  return { form_id: form.id, form_ref_id: refvalue?.id ?? -1, data: option };
}

export const job = (data: string, date?: string): EntryPayload => entry('Job', data, date);

/** Three writes on the rate token: the third is refused with 429, then the contact is read back. */
export const overrunTheRateBucket: readonly Step[] = [
  post({ firstname: 'Ada' }),
  patch({ firstname: 'One' }, 'rate'),
  patch({ firstname: 'Two' }, 'rate'),
  patch({ firstname: 'Three' }, 'rate'),
  get(),
];

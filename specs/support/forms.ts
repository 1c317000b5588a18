/**
 * Form discovery (CONTRACT.md section 2, "Form"): the suite finds its fields through
 * `GET /v1/forms/type/{category}` and never assumes an id. Entries are built from what it found.
 */
import type { EntryInput, EntryListName } from './contact';

export type FormType = 'text' | 'numeric' | 'date' | 'radio' | 'checkbox';
export const FORM_TYPES: readonly FormType[] = ['text', 'numeric', 'date', 'radio', 'checkbox'];
export const FREE_INPUT_TYPES: readonly FormType[] = ['text', 'numeric', 'date'];

/** Categories whose answers go in `formdatas`; `custom_fields` answers go in `custom_fields`. */
export const FORMDATAS_CATEGORIES = ['survey', 'consent', 'level_of_support', 'presence_status', 'tasks'] as const;
export const CATEGORIES_OF: Record<EntryListName, readonly string[]> = {
  formdatas: FORMDATAS_CATEGORIES,
  custom_fields: ['custom_fields'],
};

/** Options a radio or checkbox form needs for the worked examples of section 4 (x, y / p, q). */
export const MIN_OPTIONS = 2;

export interface Refvalue {
  id: number;
  value?: string;
  label?: string;
}

export interface Form {
  list: EntryListName;
  category: string;
  id: number;
  label: string;
  type: FormType;
  refvalues: Refvalue[];
}

/** Free-input values that look like what a campaign stores; dates are input timestamps (DAT-01). */
export const SAMPLE_VALUES: Record<'text' | 'numeric' | 'date', readonly string[]> = {
  text: ['Architect', 'Teacher', 'Nurse', 'Baker'],
  numeric: ['3', '12', '0', '42'],
  date: [
    '2024-02-29T23:59:59.999Z',
    '1999-12-31T23:59:59.999Z',
    '2023-01-01T00:00:01.001Z',
    '2000-01-01T00:00:00.000Z',
  ],
};

function usable(raw: unknown, list: EntryListName, category: string): Form | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const form = raw as { id?: unknown; type?: unknown; label?: unknown; refvalues?: unknown };
  if (typeof form.id !== 'number' || !FORM_TYPES.includes(form.type as FormType) || !Array.isArray(form.refvalues))
    return undefined;
  const refvalues = (form.refvalues as { id?: unknown; value?: unknown; label?: unknown }[])
    .filter((ref) => typeof ref?.id === 'number')
    .map((ref) => ({
      id: ref.id as number,
      ...(typeof ref.value === 'string' ? { value: ref.value } : {}),
      ...(typeof ref.label === 'string' ? { label: ref.label } : {}),
    }));
  const type = form.type as FormType;
  const options = refvalues.filter((ref) => ref.value !== undefined && ref.value !== '');
  if (FREE_INPUT_TYPES.includes(type) ? refvalues.length < 1 : options.length < MIN_OPTIONS) return undefined;
  return {
    list,
    category,
    id: form.id,
    label: typeof form.label === 'string' && form.label ? form.label : `form ${form.id}`,
    type,
    refvalues: FREE_INPUT_TYPES.includes(type) ? refvalues : options,
  };
}

/** What discovery found: the forms of each list by type, and why a missing one is missing. */
export class FormCatalogue {
  constructor(
    readonly forms: readonly Form[],
    /** Categories the target did not list (status), for the skip reason. */
    readonly unreachable: readonly string[],
  ) {}

  static fromAnswers(
    answers: { list: EntryListName; category: string; status: number; body: unknown }[],
  ): FormCatalogue {
    const forms: Form[] = [];
    const unreachable: string[] = [];
    for (const { list, category, status, body } of answers) {
      const raw = (body as { data?: { forms?: unknown } } | undefined)?.data?.forms;
      if (status !== 200 || !Array.isArray(raw)) {
        unreachable.push(`${category} (${status})`);
        continue;
      }
      for (const item of raw) {
        const form = usable(item, list, category);
        if (form) forms.push(form);
      }
    }
    return new FormCatalogue(forms, unreachable);
  }

  /** The form of `type` for `list`, the one with most options first; undefined when the target has none. */
  find(list: EntryListName, type: FormType): Form | undefined {
    return this.forms
      .filter((form) => form.list === list && form.type === type)
      .sort((a, b) => b.refvalues.length - a.refvalues.length)[0];
  }

  /** A form of `type` in either list, custom_fields first; undefined when neither has one. */
  findAny(type: FormType): Form | undefined {
    return this.find('custom_fields', type) ?? this.find('formdatas', type);
  }

  /** Why `find` came back empty, in words for a skip reason. */
  whyMissing(list: EntryListName, type: FormType): string {
    const categories = CATEGORIES_OF[list].join(', ');
    const minimum = FREE_INPUT_TYPES.includes(type) ? 'with a refvalue' : `with ${MIN_OPTIONS}+ options`;
    const unreachable = this.unreachable.length ? `; not listed: ${this.unreachable.join(', ')}` : '';
    return `the target has no ${type} form ${minimum} among ${list} (categories ${categories})${unreachable}`;
  }
}

/** An answer to a free-input form: its one refvalue, the value in `data`. */
export function freeEntry(form: Form, data: string, date?: string): EntryInput {
  const ref = form.refvalues[0];
  if (!ref) throw new Error(`form ${form.id} has no refvalue`);
  return { form_id: form.id, form_ref_id: ref.id, data, ...(date === undefined ? {} : { date }) };
}

/** An answer to a radio or checkbox form: option `index`, its id as form_ref_id, its value as data. */
export function optionEntry(form: Form, index: number, date?: string): EntryInput {
  const ref = form.refvalues[index];
  if (!ref || ref.value === undefined) throw new Error(`form ${form.id} has no option #${index}`);
  return { form_id: form.id, form_ref_id: ref.id, data: ref.value, ...(date === undefined ? {} : { date }) };
}

/** The n-th sample answer of any form type: a sample value, or the n-th option. */
export function sampleEntry(form: Form, n: number): EntryInput {
  if (form.type === 'radio' || form.type === 'checkbox') return optionEntry(form, n % form.refvalues.length);
  const values = SAMPLE_VALUES[form.type];
  return freeEntry(form, values[n % values.length] as string);
}

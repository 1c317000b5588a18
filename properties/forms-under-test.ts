/**
 * The forms the properties answer: for each list and type, the one discovery offers first (the
 * same as the specs pick), so that commands meet the same forms often and their effects interact.
 */
import { ENTRY_LISTS } from '../specs/support/contact';
import { FORM_TYPES, type Form, type FormCatalogue } from '../specs/support/forms';

/** A form with the name a maintainer reads in a command: its label, and its list when two share it. */
export interface NamedForm extends Form {
  name: string;
}

export function formsUnderTest(catalogue: FormCatalogue): NamedForm[] {
  const forms = ENTRY_LISTS.flatMap((list) => FORM_TYPES.map((type) => catalogue.find(list, type))).filter(
    (form): form is Form => form !== undefined,
  );
  return forms.map((form) => ({
    ...form,
    name: forms.some((other) => other !== form && other.label === form.label)
      ? `${form.label} (${form.list})`
      : form.label,
  }));
}

/** The forms by id, as the model and the checks look them up. */
export function byId(forms: readonly Form[]): Map<number, Form> {
  return new Map(forms.map((form) => [form.id, form]));
}

/** The value a maintainer reads for option `index` of a radio or checkbox form. */
export function optionName(form: Form, index: number): string {
  const option = form.refvalues[index];
  return option?.value ?? option?.label ?? `option #${index}`;
}

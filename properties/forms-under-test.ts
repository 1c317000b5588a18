/**
 * The forms the properties answer: every usable form discovery offers, in both lists, several of
 * one type where the target has them (a server that keys answers by type rather than by form shows).
 */
import { FORM_TYPES, type Form, type FormCatalogue } from '../specs/support/forms';

/** A form with the name a maintainer reads in a command: its label, and its list when two share it. */
export interface NamedForm extends Form {
  name: string;
}

export function formsUnderTest(catalogue: FormCatalogue): NamedForm[] {
  const forms = catalogue.forms.filter((form) => FORM_TYPES.includes(form.type));
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

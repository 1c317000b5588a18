import type { AsyncCommand } from 'fast-check';
import { optionEntry } from '../../specs/support/forms';
import type { ContactUnderTest } from '../contact-under-test';
import { optionName, type NamedForm } from '../forms-under-test';
import type { ContactModel } from '../model';

/**
 * Sends several answers to one radio form in one payload, in place of its current one (ENT-04:
 * "exactly one of them is active afterwards, the last one sent").
 */
export class SetRadioAnswersCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  constructor(
    readonly form: NamedForm,
    readonly options: readonly number[],
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const payload = model.currentPayload();
    payload[this.form.list] = [
      ...model.entries[this.form.list].filter((entry) => entry.form_id !== this.form.id),
      ...this.options.map((option) => optionEntry(this.form, option)),
    ];
    await real.patch(model, payload);
  }

  toString(): string {
    return `setRadio(${this.form.name}: ${this.options.map((option) => optionName(this.form, option)).join(' then ')})`;
  }
}

import type { AsyncCommand } from 'fast-check';
import { optionEntry } from '../../specs/support/forms';
import type { ContactUnderTest } from '../contact-under-test';
import { optionName, type NamedForm } from '../forms-under-test';
import type { ContactModel } from '../model';

/**
 * Adds checkbox options to the ones already checked, in one payload; an option may travel twice
 * (already checked, or listed twice). ENT-05: "every distinct option sent is active afterwards, once".
 */
export class CheckOptionsCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
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
      ...model.entries[this.form.list],
      ...this.options.map((option) => optionEntry(this.form, option)),
    ];
    await real.patch(model, payload);
  }

  toString(): string {
    return `checkOptions(${this.form.name}: ${this.options.map((option) => optionName(this.form, option)).join(', ')})`;
  }
}

import type { AsyncCommand } from 'fast-check';
import { optionEntry } from '../../specs/support/forms';
import type { ContactUnderTest } from '../contact-under-test';
import { optionName, type NamedForm } from '../forms-under-test';
import type { ContactModel } from '../model';

/**
 * Sends a radio answer after the form's current one, in the same payload (section 4: R:x then
 * R:x, R:y leaves R:y; ENT-04: "exactly one of them is active afterwards, the last one sent").
 */
export class AddRadioAnswerCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  constructor(
    readonly form: NamedForm,
    readonly option: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const payload = model.currentPayload();
    payload[this.form.list] = [...model.entries[this.form.list], optionEntry(this.form, this.option)];
    await real.patch(model, payload);
  }

  toString(): string {
    return `addRadio(${this.form.name}: ${optionName(this.form, this.option)})`;
  }
}

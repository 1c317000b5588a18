import fc, { type AsyncCommand } from 'fast-check';
import type { EntryInput } from '../../specs/support/contact';
import type { ContactUnderTest } from '../contact-under-test';
import type { NamedForm } from '../forms-under-test';
import type { ContactModel } from '../model';

interface Unchecked {
  form: NamedForm;
  option: EntryInput;
}

/**
 * Leaves one checked option out of the payload. Under the replace reading it is no longer active
 * (ENT-02); under merge it stays while other options of the form are sent (section 4).
 *
 * The option is a pick among the options checked when the command runs, so that it always meets
 * one; each run has its own instance (cloneMethod), so toString prints what this run resolved.
 */
export class UncheckOptionCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  private resolved: Unchecked | undefined;

  constructor(
    readonly forms: readonly NamedForm[],
    readonly pick: number,
  ) {}

  private resolve(model: Readonly<ContactModel>): Unchecked | undefined {
    const checked = this.forms.flatMap((form) => model.entriesOf(form).map((option) => ({ form, option })));
    return checked[this.pick % Math.max(checked.length, 1)];
  }

  check(model: Readonly<ContactModel>): boolean {
    return this.resolve(model) !== undefined;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const { form, option } = this.resolve(model) as Unchecked;
    this.resolved = { form, option };
    const payload = model.currentPayload();
    payload[form.list] = model.entries[form.list].filter(
      (entry) => !(entry.form_id === form.id && entry.form_ref_id === option.form_ref_id),
    );
    await real.patch(model, payload);
  }

  [fc.cloneMethod](): UncheckOptionCommand {
    return new UncheckOptionCommand(this.forms, this.pick);
  }

  toString(): string {
    return this.resolved
      ? `uncheck(${this.resolved.form.name}: ${this.resolved.option.data})`
      : `uncheck(option pick ${this.pick})`;
  }
}

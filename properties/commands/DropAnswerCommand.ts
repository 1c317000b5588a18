import fc, { type AsyncCommand } from 'fast-check';
import type { EntryInput } from '../../specs/support/contact';
import type { ContactUnderTest } from '../contact-under-test';
import type { NamedForm } from '../forms-under-test';
import type { ContactModel } from '../model';

interface Dropped {
  form: NamedForm;
  answer: EntryInput;
}

/**
 * Leaves one answer out of the payload while the form's other answers stay in it: a text, numeric
 * or date answer among several, or a checked option among several. Under the replace reading it is
 * no longer active (ENT-02, ENT-06); under merge it stays, its form being in the payload (section 4).
 *
 * The answer is a pick among the forms holding two or more answers when the command runs; each run
 * has its own instance (cloneMethod), so toString prints what this run resolved.
 */
export class DropAnswerCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  private resolved: Dropped | undefined;

  constructor(
    readonly forms: readonly NamedForm[],
    readonly pick: number,
  ) {}

  private resolve(model: Readonly<ContactModel>): Dropped | undefined {
    const candidates = this.forms
      .filter((form) => form.type !== 'radio' && model.entriesOf(form).length >= 2)
      .flatMap((form) => model.entriesOf(form).map((answer) => ({ form, answer })));
    return candidates[this.pick % Math.max(candidates.length, 1)];
  }

  check(model: Readonly<ContactModel>): boolean {
    return this.resolve(model) !== undefined;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const { form, answer } = this.resolve(model) as Dropped;
    this.resolved = { form, answer };
    const payload = model.currentPayload();
    payload[form.list] = model.entries[form.list].filter((entry) => entry !== answer);
    await real.patch(model, payload);
  }

  [fc.cloneMethod](): DropAnswerCommand {
    return new DropAnswerCommand(this.forms, this.pick);
  }

  toString(): string {
    return this.resolved
      ? `dropAnswer(${this.resolved.form.name}: ${JSON.stringify(this.resolved.answer.data)}, others kept)`
      : `dropAnswer(answer pick ${this.pick})`;
  }
}

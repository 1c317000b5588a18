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
 * Leaves one active answer out of the payload while the form's other answers stay in it:
 * `uncheck`, a checked option of a checkbox form (the only one, or one among several), or
 * `dropAnswer`, one answer among two or more of a text, numeric, date or checkbox form. Under the
 * replace reading it is no longer active (ENT-02, ENT-06); under merge it stays while its form is in
 * the payload (section 4).
 *
 * The answer is a pick among the forms holding at least `fewest` answers when the command runs;
 * each run has its own instance (cloneMethod), so toString prints what this run resolved.
 */
export class DropAnswerCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  private resolved: Dropped | undefined;

  constructor(
    readonly verb: 'uncheck' | 'dropAnswer',
    readonly forms: readonly NamedForm[],
    readonly pick: number,
  ) {}

  /** The fewest answers a form must hold for one of them to be dropped. */
  private get fewest(): number {
    return this.verb === 'uncheck' ? 1 : 2;
  }

  private resolve(model: Readonly<ContactModel>): Dropped | undefined {
    const candidates = this.forms
      .filter((form) => form.type !== 'radio' && model.entriesOf(form).length >= this.fewest)
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
    return new DropAnswerCommand(this.verb, this.forms, this.pick);
  }

  toString(): string {
    if (!this.resolved) return `${this.verb}(pick ${this.pick})`;
    const { form, answer } = this.resolved;
    return this.verb === 'uncheck'
      ? `uncheck(${form.name}: ${answer.data})`
      : `dropAnswer(${form.name}: ${JSON.stringify(answer.data)}, others kept)`;
  }
}

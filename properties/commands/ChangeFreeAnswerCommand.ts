import fc, { type AsyncCommand } from 'fast-check';
import { freeEntry } from '../../specs/support/forms';
import { FREE_VALUES } from '../values';
import type { ContactUnderTest } from '../contact-under-test';
import type { NamedForm } from '../forms-under-test';
import type { ContactModel } from '../model';
import { verbFor } from './AddFreeAnswersCommand';

interface Change {
  form: NamedForm;
  from: string;
  to: string;
}

/**
 * Sends a different value in place of one answer of a text, numeric or date form (ENT-06 under the
 * replace reading: the old value is no longer active; under merge both are, section 4 row 2).
 *
 * The form, the answer and the new value are picks resolved against the model when the command
 * runs: among the forms that hold answers, so that a change always meets one. Each run has its
 * own instance (cloneMethod), so toString prints what this run resolved.
 */
export class ChangeFreeAnswerCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  private resolved: Change | undefined;

  constructor(
    readonly forms: readonly NamedForm[],
    readonly picks: { form: number; answer: number; value: number },
  ) {}

  private resolve(model: Readonly<ContactModel>): Change | undefined {
    const answered = this.forms.filter((form) => model.entriesOf(form).length > 0);
    const form = answered[this.picks.form % Math.max(answered.length, 1)];
    if (!form) return undefined;
    const values = model.entriesOf(form).map((entry) => entry.data);
    const unused = FREE_VALUES[form.type as keyof typeof FREE_VALUES].filter((value) => !values.includes(value));
    const from = values[this.picks.answer % values.length];
    const to = unused[this.picks.value % Math.max(unused.length, 1)];
    return from === undefined || to === undefined ? undefined : { form, from, to };
  }

  check(model: Readonly<ContactModel>): boolean {
    return this.resolve(model) !== undefined;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const change = this.resolve(model) as Change;
    this.resolved = change;
    const payload = model.currentPayload();
    let replaced = false;
    payload[change.form.list] = model.entries[change.form.list].map((entry) => {
      if (replaced || entry.form_id !== change.form.id || entry.data !== change.from) return entry;
      replaced = true;
      return freeEntry(change.form, change.to);
    });
    await real.patch(model, payload);
  }

  [fc.cloneMethod](): ChangeFreeAnswerCommand {
    return new ChangeFreeAnswerCommand(this.forms, this.picks);
  }

  toString(): string {
    if (!this.resolved)
      return `changeAnswer(form pick ${this.picks.form}, answer pick ${this.picks.answer}, value pick ${this.picks.value})`;
    const { form, from, to } = this.resolved;
    return `${verbFor('change', form)}(${form.name}: ${JSON.stringify(from)} → ${JSON.stringify(to)})`;
  }
}

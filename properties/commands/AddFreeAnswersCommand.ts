import type { AsyncCommand } from 'fast-check';
import { freeEntry } from '../../specs/support/forms';
import type { ContactUnderTest } from '../contact-under-test';
import type { NamedForm } from '../forms-under-test';
import type { ContactModel } from '../model';

/** `addText`, `addNumeric`, `addDate`: the command's name for a free-input form. */
export function verbFor(prefix: string, form: NamedForm): string {
  return `${prefix}${form.type.charAt(0).toUpperCase()}${form.type.slice(1)}`;
}

/**
 * Adds one or more answers to a text, numeric or date form, in one payload with everything already
 * there (ENT-03: "several entries of one form coexist"). Four at once reach a server that keeps three.
 */
export class AddFreeAnswersCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  constructor(
    readonly form: NamedForm,
    readonly values: readonly string[],
    /** An entry date per value, or none (undefined): dates travel in both lists (DAT-01). */
    readonly dates: readonly (string | undefined)[] = [],
  ) {}

  /**
   * A value the form already holds would travel twice in one payload, and whether two identical
   * answers sent together are both kept is an observation (CONTRACT.md section 3), not a rule.
   */
  check(model: Readonly<ContactModel>): boolean {
    return !model.entriesOf(this.form).some((entry) => this.values.includes(entry.data));
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const payload = model.currentPayload();
    payload[this.form.list] = [
      ...model.entries[this.form.list],
      ...this.values.map((value, index) => freeEntry(this.form, value, this.dates[index])),
    ];
    await real.patch(model, payload);
  }

  toString(): string {
    const answers = this.values.map((value, index) => {
      const date = this.dates[index];
      return `${JSON.stringify(value)}${date === undefined ? '' : ` dated ${date}`}`;
    });
    return `${verbFor('add', this.form)}(${this.form.name}=${answers.join(', ')})`;
  }
}

import type { AsyncCommand } from 'fast-check';
import type { ContactInput } from '../../specs/support/contact';
import type { ContactUnderTest } from '../contact-under-test';
import type { ContactModel } from '../model';

/** A scalar field the commands may change: every one but `surname`, which carries the run marker. */
export type ChangeableField = Exclude<keyof ContactInput, 'surname' | 'formdatas' | 'custom_fields'>;

/** A new value for a field, or `undefined`: leave the field out of the payload (REP-02 clears it). */
export type FieldChange = readonly [field: ChangeableField, value: ContactInput[ChangeableField] | undefined];

/** Sets some scalar fields to new values and leaves others out; entries are sent as they are. */
export class SetFieldsCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  constructor(readonly changes: readonly FieldChange[]) {}

  check(): boolean {
    return true;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const payload: ContactInput = model.currentPayload();
    for (const [field, value] of this.changes) {
      if (value === undefined) delete payload[field];
      else Object.assign(payload, { [field]: value });
    }
    await real.patch(model, payload);
  }

  toString(): string {
    const set = this.changes
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => `${field}=${JSON.stringify(value)}`);
    const omitted = this.changes.filter(([, value]) => value === undefined).map(([field]) => field);
    return `setFields(${[...set, ...(omitted.length ? [`omit ${omitted.join(', ')}`] : [])].join(', ')})`;
  }
}

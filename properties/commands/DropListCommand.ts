import type { AsyncCommand } from 'fast-check';
import type { EntryListName } from '../../specs/support/contact';
import type { ContactUnderTest } from '../contact-under-test';
import type { ContactModel } from '../model';

/**
 * Leaves a whole entry list out of the payload (ENT-07: "soft-deletes all of its entries"), or sends
 * it as `[]`, where every entry is left out of it (ENT-02): both leave nothing active.
 */
export class DropListCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  constructor(
    readonly list: EntryListName,
    readonly how: 'omitted' | 'empty' = 'omitted',
  ) {}

  /** Only a list with active entries: dropping an empty one shows nothing. */
  check(model: Readonly<ContactModel>): boolean {
    return model.entries[this.list].length > 0;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    const payload = model.currentPayload();
    if (this.how === 'empty') payload[this.list] = [];
    else delete payload[this.list];
    await real.patch(model, payload);
  }

  toString(): string {
    return this.how === 'empty' ? `emptyList(${this.list}: [])` : `dropList(${this.list})`;
  }
}

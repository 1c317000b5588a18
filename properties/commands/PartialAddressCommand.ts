import type { AsyncCommand } from 'fast-check';
import { ADDRESS_MEMBERS, type AddressMember } from '../../specs/support/contact';
import type { ContactUnderTest } from '../contact-under-test';
import type { ContactModel } from '../model';

/**
 * Sends an address with some of its members after one with all 14: the members left out are cleared
 * (REP-02, a PATCH replaces the whole contact), the members sent come back as sent (REP-01).
 */
export class PartialAddressCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  constructor(readonly address: Partial<Record<AddressMember, string>>) {}

  /** Only after a full address, where a member kept from it would show. */
  check(model: Readonly<ContactModel>): boolean {
    const current = model.fields.address;
    return current !== undefined && ADDRESS_MEMBERS.every((member) => current[member]);
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    await real.patch(model, { ...model.currentPayload(), address: this.address });
  }

  toString(): string {
    return `partialAddress(${JSON.stringify(this.address)})`;
  }
}

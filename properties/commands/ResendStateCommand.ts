import type { AsyncCommand } from 'fast-check';
import type { ContactUnderTest } from '../contact-under-test';
import type { ContactModel } from '../model';

/**
 * Sends the whole contact exactly as it stands. The model does not move, and the contact read
 * back must equal the one before but for entry ids and UpdatedAt (ENT-01 makes every id new).
 */
export class ResendStateCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  check(): boolean {
    return true;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    await real.resend(model);
  }

  toString(): string {
    return 'resendUnchanged()';
  }
}

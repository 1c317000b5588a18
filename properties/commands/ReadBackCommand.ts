import type { AsyncCommand } from 'fast-check';
import type { ContactUnderTest } from '../contact-under-test';
import type { ContactModel } from '../model';

/** Reads the contact with GET: the stored state is still the model's ("and on a later GET", REP-01). */
export class ReadBackCommand implements AsyncCommand<ContactModel, ContactUnderTest> {
  check(): boolean {
    return true;
  }

  async run(model: ContactModel, real: ContactUnderTest): Promise<void> {
    await real.read(model);
  }

  toString(): string {
    return 'readBack()';
  }
}

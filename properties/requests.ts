/**
 * The two requests of a property, checked for the status the contract gives a valid request (an
 * `expect`, and its report step, only when the status is another).
 */
import type { Answer, Api } from '../specs/request-path/api';
import type { ContactInput } from '../specs/support/contact';
import { expect } from '../specs/support/expect';
import type { RuleId } from '../specs/support/rule-catalogue';
import { expectOnlyIf } from './checks';

/** A PATCH that follows the contract is answered 200 (CONTRACT.md section 1). */
export async function patchAccepted(
  api: Api,
  id: number,
  payload: ContactInput,
  ruleId: RuleId,
  which: string,
): Promise<Answer> {
  const patched = await api.patchContact(id, payload);
  expectOnlyIf(patched.status !== 200, () =>
    expect(
      patched.status,
      `${ruleId} a PATCH that follows the contract is accepted with 200 (${which})\n${patched.describe()}`,
    ).toBe(200),
  );
  return patched;
}

/** GET of an existing contact is answered 200 (CONTRACT.md section 1). */
export async function readAccepted(api: Api, id: number, ruleId: RuleId, which: string): Promise<Answer> {
  const read = await api.getContact(id);
  expectOnlyIf(read.status !== 200, () =>
    expect(read.status, `${ruleId} GET /contacts/${id} answers 200 (${which})\n${read.describe()}`).toBe(200),
  );
  return read;
}

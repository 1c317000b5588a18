/**
 * Boxed steps that several specs share: a failure inside points at the spec line that called them.
 */
import type { Answer, Api } from '../request-path/api';
import { entriesOf } from './contact';
import { canonical } from './compare';
import { ENTRY_LISTS, type ContactInput } from './contact';
import type { RuleId } from './rule-catalogue';
import { expect, test } from './test';

export interface PatchedAndRead {
  patched: Answer;
  read: Answer;
  /** Both answers with their names, for assertions that hold in each (REP-04 makes them agree). */
  both: [string, Answer][];
}

/** PATCHes a valid payload, expects it accepted, and reads the contact back with GET. */
export async function patchThenGet(
  api: Api,
  id: number,
  contact: ContactInput,
  ruleId: RuleId,
): Promise<PatchedAndRead> {
  return test.step(
    `PATCH /contacts/${id} then GET it`,
    async () => {
      const patched = await patchAccepted(api, id, contact, ruleId);
      const read = await api.getContact(id);
      expect(read.status, `${ruleId} arrange: GET /contacts/${id} answers 200\n${read.describe()}`).toBe(200);
      return {
        patched,
        read,
        both: [
          ['the PATCH answer', patched],
          ['a GET after it', read],
        ],
      };
    },
    { box: true },
  );
}

/**
 * The arrange PATCH of a sequence: accepted, and not read back. The sequence reads the contact once,
 * after its last PATCH (patchThenGet); REP-04's own spec holds every answer to be the stored state.
 */
export async function patchToArrange(api: Api, id: number, contact: ContactInput, ruleId: RuleId): Promise<Answer> {
  return test.step(`PATCH /contacts/${id} to arrange`, () => patchAccepted(api, id, contact, ruleId), { box: true });
}

/** A PATCH that follows the contract, expected accepted with 200. */
async function patchAccepted(api: Api, id: number, contact: ContactInput, ruleId: RuleId): Promise<Answer> {
  const patched = await api.patchContact(id, contact);
  expect(
    patched.status,
    `${ruleId} arrange: a PATCH that follows the contract is accepted with 200\n${patched.describe()}`,
  ).toBe(200);
  return patched;
}

/** Reads the stored contact, for the checks that a rejected request changed nothing. */
export async function readStored(api: Api, id: number, ruleId: RuleId): Promise<Answer> {
  return test.step(
    `GET /contacts/${id}`,
    async () => {
      const read = await api.getContact(id);
      expect(read.status, `${ruleId} GET /contacts/${id} answers 200\n${read.describe()}`).toBe(200);
      return read;
    },
    { box: true },
  );
}

/** Every entry id an answer lists, active or not, in both lists (ENT-01 compares against these). */
export function entryIdsOf(answer: Answer): number[] {
  return ENTRY_LISTS.flatMap((list) => entriesOf(answer.contact, list))
    .map((entry) => entry.id)
    .filter((id): id is number => typeof id === 'number');
}

/** VAL-03 and friends: the stored contact is exactly as `before` (lists as multisets, instants to the µs). */
export async function expectUnchanged(
  api: Api,
  id: number,
  before: Answer,
  ruleId: RuleId,
  after: Answer,
): Promise<void> {
  await test.step(
    `GET /contacts/${id} shows nothing changed`,
    async () => {
      const read = await readStored(api, id, ruleId);
      expect(
        canonical(read.contact),
        `${ruleId} nothing changes: the stored contact is exactly as before the rejected request\nrejected request:\n${after.describe()}\nread back:\n${read.describe()}`,
      ).toEqual(canonical(before.contact));
    },
    { box: true },
  );
}

// Wrong full-replace rules for the fault zoo (REP-01 to REP-03, and DAT-02 in storage): each wraps
// the reference `applyContactWrite` of contacts.ts and gets one thing wrong.

import { STRING_FIELDS, BOOLEAN_FIELDS, type ContactFields } from '../rules/contact-shape';
import { applyContactWrite } from '../rules/contacts';
import type { RuleSet } from '../rules/seams';
import type { EpochMicroseconds } from '../rules/timestamps';

type ApplyContactWrite = RuleSet['applyContactWrite'];

/** The writable, in-scope fields REP-02 clears when they are left out. */
const CLEARABLE_FIELDS = [...STRING_FIELDS, 'birthdate', 'age_category', ...BOOLEAN_FIELDS, 'address', 'tags'] as const;
type ClearableField = (typeof CLEARABLE_FIELDS)[number];

function isCleared(value: unknown): boolean {
  return value === null || value === false || (Array.isArray(value) && value.length === 0);
}

/**
 * REP-02, across calls: a field left out is cleared only by the second consecutive PATCH that
 * leaves it out; the first keeps the old value (a deferred clean-up that runs one write late).
 * Made once per mock: it remembers, per contact, the fields the last write left out.
 */
export function clearingOnTheSecondLeaveOut(): ApplyContactWrite {
  const leftOutLastTime = new Map<number, ReadonlySet<ClearableField>>();
  return (previous, write, context) => {
    const contact = applyContactWrite(previous, write, context);
    const leftOut = CLEARABLE_FIELDS.filter((field) => isCleared(write.fields[field]));
    const leftOutBefore = leftOutLastTime.get(context.id) ?? new Set();
    leftOutLastTime.set(context.id, new Set(leftOut));
    if (previous === undefined) return contact;
    const fields: Record<string, unknown> = { ...contact.fields };
    for (const field of leftOut) if (!leftOutBefore.has(field)) fields[field] = previous.fields[field];
    return { ...contact, fields: fields as ContactFields };
  };
}

/** REP-02: an address left out keeps the old one (the address lives in its own table, written only when sent). */
export const keepingAddressLeftOut: ApplyContactWrite = (previous, write, context) => {
  const contact = applyContactWrite(previous, write, context);
  if (previous === undefined || write.fields.address !== null) return contact;
  return { ...contact, fields: { ...contact.fields, address: previous.fields.address } };
};

/** REP-01: the address's `pollingstation` is not stored (a column the mapping forgot). */
export const droppingPollingStation: ApplyContactWrite = (previous, write, context) => {
  const contact = applyContactWrite(previous, write, context);
  const address = contact.fields.address;
  return address === null
    ? contact
    : { ...contact, fields: { ...contact.fields, address: { ...address, pollingstation: null } } };
};

/** REP-03: every PATCH sets `CreatedAt` again (an upsert that writes every column). */
export const resettingCreatedAt: ApplyContactWrite = (previous, write, context) => ({
  ...applyContactWrite(previous, write, context),
  CreatedAt: context.at,
});

const MICROS_PER_DAY = 86_400_000_000n;

/** DAT-02: `birthdate` is stored in a DATE column: the time of day is lost (invisible for a midnight birthdate). */
export const truncatingBirthdateToTheDay: ApplyContactWrite = (previous, write, context) => {
  const contact = applyContactWrite(previous, write, context);
  const birthdate = contact.fields.birthdate;
  if (birthdate === null) return contact;
  const timeOfDay: EpochMicroseconds = ((birthdate % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY;
  return { ...contact, fields: { ...contact.fields, birthdate: birthdate - timeOfDay } };
};

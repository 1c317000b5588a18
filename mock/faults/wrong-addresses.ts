// Wrong handling of the address for the fault zoo (issue 14, dimension "address": all 14 members,
// and a partial address after a full one). Each wraps the reference `applyContactWrite`.

import type { Address } from '../rules/contact-shape';
import { applyContactWrite } from '../rules/contacts';
import type { RuleSet } from '../rules/seams';

type ApplyContactWrite = RuleSet['applyContactWrite'];

/** REP-01: `floor` and `door` are mapped crosswise (two columns swapped in the mapping). */
export const swappingFloorAndDoor: ApplyContactWrite = (previous, write, context) => {
  const contact = applyContactWrite(previous, write, context);
  const address = contact.fields.address;
  if (address === null) return contact;
  return {
    ...contact,
    fields: { ...contact.fields, address: { ...address, floor: address.door, door: address.floor } },
  };
};

/**
 * REP-02: an address sent keeps the old values of the members it leaves out (an UPDATE of the
 * members sent, where the whole address should be replaced); an address left out is cleared.
 */
export const mergingPartialAddresses: ApplyContactWrite = (previous, write, context) => {
  const contact = applyContactWrite(previous, write, context);
  const before = previous?.fields.address;
  const sent = contact.fields.address;
  if (before === null || before === undefined || sent === null) return contact;
  const merged = Object.fromEntries(
    Object.entries(sent).map(([member, value]) => [member, value ?? before[member as keyof Address]]),
  ) as Address;
  return { ...contact, fields: { ...contact.fields, address: merged } };
};

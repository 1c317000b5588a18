// What each contact route does to the store, in domain terms; contacts.ts and entries.ts decide,
// this module looks up, composes the rules of the mock's rule set, writes and reports the outcome.
// Each write is computed whole, then saved in one step.

import type { GroupId } from './catalogue';
import { deleteContactAt, type ContactWrite } from './contacts';
import type { ContactOutcome, Domain } from './seams';
import type { StoredContact } from './store';

const NOT_FOUND = { kind: 'not found' } as const;

export function createContact(domain: Domain, groupId: GroupId, body: unknown): ContactOutcome {
  const parsed = domain.rules.parseContactRequest(body, groupId, domain.behaviour);
  if (!parsed.ok) return { kind: 'invalid', violations: parsed.violations };
  const contact = writeContact(domain, undefined, parsed.write, { id: domain.store.allocateContactId(), groupId });
  return { kind: 'contact', contact };
}

/**
 * The body is validated before the contact is looked up, as a framework validating its input
 * would: an invalid body is a 422 whether or not the contact exists (and reveals nothing).
 */
export function replaceContact(
  domain: Domain,
  groupId: GroupId,
  contactId: number | undefined,
  body: unknown,
): ContactOutcome {
  const parsed = domain.rules.parseContactRequest(body, groupId, domain.behaviour);
  if (!parsed.ok) return { kind: 'invalid', violations: parsed.violations }; // VAL-03: refused whole, nothing written
  const previous = contactId === undefined ? undefined : domain.store.activeContact(groupId, contactId);
  if (previous === undefined) return NOT_FOUND;
  const contact = writeContact(domain, previous, parsed.write, { id: previous.id, groupId: previous.group_id });
  return { kind: 'contact', contact };
}

/** One write: the entry rules, then the contact's fields, saved in one step (VAL-03: no partial write). */
function writeContact(
  { store, rules }: Domain,
  previous: StoredContact | undefined,
  write: ContactWrite,
  identity: { readonly id: number; readonly groupId: GroupId },
): StoredContact {
  const at = store.writeInstant();
  const entries = rules.supersedeEntries(previous?.entries ?? [], rules.keepEntries(write.entries), {
    contactId: identity.id,
    groupId: identity.groupId,
    at,
    allocateEntryId: () => store.allocateEntryId(),
  });
  const contact = rules.applyContactWrite(previous, write, { ...identity, at, entries });
  store.save(contact);
  return contact; // REP-04: the response carries the contact as saved
}

export function findContact(domain: Domain, groupId: GroupId, contactId: number | undefined): ContactOutcome {
  const contact = contactId === undefined ? undefined : domain.store.activeContact(groupId, contactId);
  return contact === undefined ? NOT_FOUND : { kind: 'contact', contact };
}

export function deleteContact(
  domain: Domain,
  groupId: GroupId,
  contactId: number | undefined,
): { readonly kind: 'deleted' } | typeof NOT_FOUND {
  const { store } = domain;
  const contact = contactId === undefined ? undefined : store.activeContact(groupId, contactId);
  if (contact === undefined) return NOT_FOUND;
  store.save(deleteContactAt(contact, store.writeInstant()));
  return { kind: 'deleted' };
}

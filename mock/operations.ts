// What each contact route does to the store, in domain terms; contacts.ts decides, this module
// looks up, writes and reports the outcome. Each write is computed whole, then saved in one step.

import type { GroupId } from './catalogue';
import { applyContactWrite, deleteContactAt, parseContactRequest } from './contacts';
import type { Violation } from './problems';
import type { Store, StoredContact } from './store';
import type { Behaviour } from './variant';

export interface Domain {
  readonly store: Store;
  readonly behaviour: Behaviour;
}

export type ContactOutcome =
  | { readonly kind: 'contact'; readonly contact: StoredContact }
  | { readonly kind: 'invalid'; readonly violations: readonly Violation[] }
  | { readonly kind: 'not found' };

const NOT_FOUND = { kind: 'not found' } as const;

export function createContact(domain: Domain, groupId: GroupId, body: unknown): ContactOutcome {
  const parsed = parseContactRequest(body, groupId, domain.behaviour);
  if (!parsed.ok) return { kind: 'invalid', violations: parsed.violations };
  const { store } = domain;
  const contact = applyContactWrite(undefined, parsed.write, {
    id: store.allocateContactId(),
    groupId,
    at: store.writeInstant(),
    allocateEntryId: () => store.allocateEntryId(),
  });
  store.save(contact);
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
  const parsed = parseContactRequest(body, groupId, domain.behaviour);
  if (!parsed.ok) return { kind: 'invalid', violations: parsed.violations };
  const { store } = domain;
  const previous = contactId === undefined ? undefined : store.activeContact(groupId, contactId);
  if (previous === undefined) return NOT_FOUND;
  const contact = applyContactWrite(previous, parsed.write, {
    id: previous.id,
    groupId,
    at: store.writeInstant(),
    allocateEntryId: () => store.allocateEntryId(),
  });
  store.save(contact);
  return { kind: 'contact', contact };
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

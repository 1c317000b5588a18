// Wrong PATCH operations for the fault zoo (REP-04, AUT-03, PTH-02, VAL-03): each wraps the
// reference `replaceContact` of operations.ts and gets one thing wrong.

import { replaceContact } from '../rules/operations';
import type { RuleSet } from '../rules/seams';

type ReplaceContact = RuleSet['replaceContact'];

/** REP-04: the PATCH answer carries the `UpdatedAt` read before the write (the entity as loaded, not as saved). */
export const answeringTheStaleUpdatedAt: ReplaceContact = (domain, groupId, contactId, body) => {
  const before = contactId === undefined ? undefined : domain.store.activeContact(groupId, contactId);
  const outcome = replaceContact(domain, groupId, contactId, body);
  if (outcome.kind !== 'contact' || before === undefined) return outcome;
  return { kind: 'contact', contact: { ...outcome.contact, UpdatedAt: before.UpdatedAt } };
};

/** AUT-03: the write looks the contact up by id alone, so a token of another space can patch it (reading stays isolated). */
export const patchingAcrossSpaces: ReplaceContact = (domain, groupId, contactId, body) => {
  const outcome = replaceContact(domain, groupId, contactId, body);
  const owner = contactId === undefined ? undefined : domain.store.contact(contactId);
  if (outcome.kind !== 'not found' || owner === undefined || owner.deleted_at !== null) return outcome;
  return replaceContact(domain, owner.group_id, contactId, body);
};

/** PTH-02: the write ignores `deleted_at`: a PATCH of a deleted contact succeeds and brings it back. */
export const patchingDeletedContacts: ReplaceContact = (domain, groupId, contactId, body) => {
  const outcome = replaceContact(domain, groupId, contactId, body);
  const deleted = contactId === undefined ? undefined : domain.store.contact(contactId);
  if (
    outcome.kind !== 'not found' ||
    deleted === undefined ||
    deleted.group_id !== groupId ||
    deleted.deleted_at === null
  )
    return outcome;
  domain.store.save({ ...deleted, deleted_at: null });
  return replaceContact(domain, groupId, contactId, body);
};

/** VAL-03: the scalar fields are saved before the entries are validated, so a PATCH refused for an entry still changes them. */
export const savingFieldsBeforeEntries: ReplaceContact = (domain, groupId, contactId, body) => {
  const outcome = replaceContact(domain, groupId, contactId, body);
  const previous = contactId === undefined ? undefined : domain.store.activeContact(groupId, contactId);
  if (outcome.kind !== 'invalid' || previous === undefined) return outcome;
  const fieldsAlone = domain.rules.parseContactRequest(withoutEntryLists(body), groupId, domain.behaviour);
  if (fieldsAlone.ok) {
    domain.store.save({ ...previous, fields: fieldsAlone.write.fields, UpdatedAt: domain.store.writeInstant() });
  }
  return outcome;
};

function withoutEntryLists(body: unknown): unknown {
  const contact = (body as { data?: { contact?: unknown } } | null)?.data?.contact;
  if (typeof contact !== 'object' || contact === null || Array.isArray(contact)) return body;
  const { formdatas: _formdatas, custom_fields: _customFields, ...fields } = contact as Record<string, unknown>;
  return { data: { contact: fields } };
}

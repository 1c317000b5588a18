// Wrong validation for the fault zoo (issue 14, dimension "rejections": type errors at nested
// positions, an invalid entry in one list beside valid entries in the other).

import { BOOLEAN_FIELDS } from '../rules/contact-shape';
import { isJsonObject, type JsonObject } from '../rules/json-values';
import { replaceContact } from '../rules/operations';
import type { RuleSet } from '../rules/seams';
import { supersedeEntries } from '../rules/entries';
import { rewritingTheContact } from './wrong-requests';

/** A lenient binder's text of any JSON value: `String(value)` (42 → "42", true → "true"). */
function asText(value: unknown): unknown {
  return value === null || typeof value === 'string' ? value : String(value);
}

/** VAL-02: an address member of another type is stored as its text (the address binder coerces, the contact's does not). */
export const coercingAddressMembersToText = rewritingTheContact((contact) => {
  const address = contact['address'];
  if (!isJsonObject(address)) return contact;
  return {
    ...contact,
    address: Object.fromEntries(Object.entries(address).map(([key, value]) => [key, asText(value)])),
  };
});

/** VAL-02: a tag name of another type is stored as its text. */
export const coercingTagNamesToText = rewritingTheContact((contact) => {
  const tags = contact['tags'];
  if (!Array.isArray(tags)) return contact;
  return {
    ...contact,
    tags: tags.map((tag: unknown) =>
      isJsonObject(tag) && 'name' in tag ? { ...tag, name: asText(tag['name']) } : tag,
    ),
  };
});

/** VAL-02: a boolean field of another type is read by its truthiness (`!!value`): "no" and 0 become true and false. */
export const coercingBooleansByTruthiness = rewritingTheContact((contact) => {
  const read: JsonObject = { ...contact };
  for (const field of BOOLEAN_FIELDS) {
    const value = read[field];
    if (value !== undefined && value !== null && typeof value !== 'boolean') read[field] = Boolean(value);
  }
  return read;
});

/**
 * VAL-03: the lists are validated and saved one after the other, formdatas first: a PATCH refused
 * for an invalid custom_fields entry has already replaced the formdatas.
 */
export const savingFormdatasBeforeCustomFields: RuleSet['replaceContact'] = (domain, groupId, contactId, body) => {
  const outcome = replaceContact(domain, groupId, contactId, body);
  const previous = contactId === undefined ? undefined : domain.store.activeContact(groupId, contactId);
  if (outcome.kind !== 'invalid' || previous === undefined) return outcome;
  const contact = (body as { data?: { contact?: unknown } } | null)?.data?.contact;
  if (!isJsonObject(contact) || contact['custom_fields'] === undefined) return outcome;
  const { custom_fields: _invalid, ...withoutCustomFields } = contact;
  const formdatasAlone = domain.rules.parseContactRequest(
    { data: { contact: withoutCustomFields } },
    groupId,
    domain.behaviour,
  );
  if (!formdatasAlone.ok) return outcome;
  const at = domain.store.writeInstant();
  const drafts = domain.rules.keepEntries(formdatasAlone.write.entries.filter((draft) => draft.list === 'formdatas'));
  const formdatas = supersedeEntries(
    previous.entries.filter((entry) => entry.list === 'formdatas'),
    drafts,
    { contactId: previous.id, groupId: previous.group_id, at, allocateEntryId: () => domain.store.allocateEntryId() },
  );
  domain.store.save({
    ...previous,
    UpdatedAt: at,
    entries: [...previous.entries.filter((entry) => entry.list !== 'formdatas'), ...formdatas],
  });
  return outcome;
};

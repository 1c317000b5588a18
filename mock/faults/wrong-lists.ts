// Wrong handling of an entry list sent empty for the fault zoo (issue 14, dimension "lists": a list
// omitted against a list sent as `[]`).

import { ENTRY_LISTS } from '../rules/catalogue';
import { isJsonObject, ownValue } from '../rules/json-values';
import { replaceContact } from '../rules/operations';
import type { RuleSet } from '../rules/seams';

/**
 * ENT-02: a list sent as `[]` keeps its active entries, read as "no change" (a PATCH-style
 * `if (list.length === 0) continue`), while a list left out is soft-deleted as it should be.
 */
export const keepingListsSentEmpty: RuleSet['replaceContact'] = (domain, groupId, contactId, body) => {
  const previous = contactId === undefined ? undefined : domain.store.activeContact(groupId, contactId);
  const outcome = replaceContact(domain, groupId, contactId, body);
  if (outcome.kind !== 'contact' || previous === undefined) return outcome;
  const data = isJsonObject(body) ? ownValue(body, 'data') : undefined;
  const contact = isJsonObject(data) ? ownValue(data, 'contact') : undefined;
  const empty = ENTRY_LISTS.filter((list) => {
    const sent = isJsonObject(contact) ? ownValue(contact, list) : undefined;
    return Array.isArray(sent) && sent.length === 0;
  });
  if (empty.length === 0) return outcome;
  const wasActive = new Set(
    previous.entries
      .filter((entry) => entry.deleted_at === null && empty.includes(entry.list))
      .map((entry) => entry.id),
  );
  const kept = {
    ...outcome.contact,
    entries: outcome.contact.entries.map((entry) =>
      wasActive.has(entry.id) ? { ...entry, deleted_at: null, updated_at: previous.UpdatedAt } : entry,
    ),
  };
  domain.store.save(kept);
  return { kind: 'contact', contact: kept };
};

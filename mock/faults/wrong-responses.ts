// Wrong answers for the fault zoo: the contact as answers carry it (SCH-01, SCH-02, DAT-02, ENT-02)
// and the JSON writer (SCH-03). Each wraps the reference and gets one thing wrong.

import { renderContact } from '../rules/contacts';
import type { RuleSet } from '../rules/seams';
import { formatTimestamp, parseTimestamp, type EpochMicroseconds } from '../rules/timestamps';

type RenderContact = RuleSet['renderContact'];

/** SCH-01: entry ids are written as strings (an int64-as-string serializer setting). */
export const writingEntryIdsAsStrings: RenderContact = (contact, behaviour) => {
  const rendered = renderContact(contact, behaviour);
  for (const list of ['formdatas', 'custom_fields']) {
    const entries = rendered[list] as Record<string, unknown>[];
    rendered[list] = entries.map((entry) => ({ ...entry, id: String(entry['id']) }));
  }
  return rendered;
};

/** SCH-02: timestamps are written without their `Z` (a naive local-time formatter). */
export const writingTimestampsWithoutZone: RenderContact = (contact, behaviour) =>
  mapTimestamps(renderContact(contact, behaviour), (text) => text.slice(0, -1)) as Record<string, unknown>;

const MICROS_PER_SECOND = 1_000_000n;

/**
 * DAT-02: the milliseconds are written in the microsecond places (`.195` comes back `.000195`), a
 * formatter that pads the milliseconds to six digits; right whenever they are zero.
 */
export const writingMillisecondsAsMicroseconds: RenderContact = (contact, behaviour) =>
  mapTimestamps(renderContact(contact, behaviour), (text) => {
    const instant = parseTimestamp(text) as EpochMicroseconds;
    const fraction = ((instant % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
    return formatTimestamp(instant - fraction + fraction / 1000n, behaviour.answerFractionDigits);
  }) as Record<string, unknown>;

/** ENT-02: soft-deleted entries are listed, without their `deleted_at` (a serializer that drops it), so they look active. */
export const listingDeletedEntriesAsActive: RenderContact = (contact, behaviour) => {
  const rendered = renderContact(contact, { ...behaviour, listsSoftDeletedEntries: true });
  for (const list of ['formdatas', 'custom_fields']) {
    const entries = rendered[list] as Record<string, unknown>[];
    rendered[list] = entries.map((entry) => ({ ...entry, deleted_at: null }));
  }
  return rendered;
};

/** Every string that is a timestamp, anywhere in `value`, replaced by `rewrite(it)`. */
function mapTimestamps(value: unknown, rewrite: (timestamp: string) => string): unknown {
  if (typeof value === 'string') return parseTimestamp(value) === undefined ? value : rewrite(value);
  if (Array.isArray(value)) return value.map((item) => mapTimestamps(item, rewrite));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, mapTimestamps(member, rewrite)]));
  }
  return value;
}

/** SCH-03: problem details carry `status` as a string (`"404"`), not the number of the HTTP status. */
export const writingProblemStatusAsString: RuleSet['writeJson'] = (body) =>
  JSON.stringify(body, (key, value: unknown) =>
    key === 'status' && typeof value === 'number' ? String(value) : value,
  );

/**
 * Comparing contacts as the contract compares them: lists as multisets (section 2, "The order of
 * any list is not part of the contract"), timestamps as instants to the microsecond (DAT-02).
 */
import { Temporal } from 'temporal-polyfill';
import { isAnswerTimestamp, toEpochMicroseconds } from '../../schemas/formats';
import { isCleared } from './expect';
import type { JsonObject } from '../request-path/api';
import { ADDRESS_MEMBERS, BOOLEAN_FIELDS, DIGIT_ONLY_MEMBERS, STRING_FIELDS, type ContactInput } from './contact';

/** A form of the value in which equal contacts are deep-equal: instants as microseconds, lists sorted. */
export function canonical(value: unknown): unknown {
  if (typeof value === 'string' && isAnswerTimestamp(value)) {
    const nanoseconds = toEpochMicroseconds(value) * 1000n;
    return Temporal.Instant.fromEpochNanoseconds(nanoseconds).toString({ fractionalSecondDigits: 6 });
  }
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as JsonObject)
        .map(([key, member]) => [key, canonical(member)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  }
  return value;
}

function sameInstantOrValue(received: unknown, sent: unknown): boolean {
  // REP-02 names "" among the forms of a cleared value: "" sent may come back as any of them.
  if (sent === '') return isCleared(received);
  return JSON.stringify(canonical(received)) === JSON.stringify(canonical(sent));
}

function isDigitOnlyMember(member: string): boolean {
  return (DIGIT_ONLY_MEMBERS as readonly string[]).includes(member);
}

/**
 * An address member as the text a client reads from it: a number written by a server for a
 * digit-only member (section 2) as its decimal text (1000 -> "1000"), anything else as it is.
 */
export function addressMemberText(member: string, value: unknown): unknown {
  return typeof value === 'number' && isDigitOnlyMember(member) ? String(value) : value;
}

/**
 * REP-01 for one address member: the string sent, or (digit-only members) a number whose decimal
 * text is exactly that string: "75001" -> 75001 passes, "01000" -> 1000 has lost a digit and fails.
 */
export function sameAddressMember(member: string, received: unknown, sent: string): boolean {
  return sameInstantOrValue(addressMemberText(member, received), sent);
}

/**
 * REP-01: the fields of `sent` whose value in `contact` differs, as readable lines (empty when all
 * came back). Answers may add members (an address id, a tag colour): only what was sent is compared.
 * The entry lists have rules of their own (ENT-*) and are not compared here.
 */
export function fieldsNotAsSent(contact: JsonObject, sent: ContactInput): string[] {
  const differences: string[] = [];
  const differ = (field: string, received: unknown, expected: unknown) =>
    differences.push(`${field}: sent ${JSON.stringify(expected)}, received ${JSON.stringify(received)}`);
  for (const field of [...STRING_FIELDS, ...BOOLEAN_FIELDS, 'age_category', 'birthdate'] as const) {
    if (sent[field] === undefined) continue;
    if (!sameInstantOrValue(contact[field], sent[field])) differ(field, contact[field], sent[field]);
  }
  if (sent.address !== undefined) {
    const address = (contact.address ?? {}) as JsonObject;
    for (const member of ADDRESS_MEMBERS) {
      const expected = sent.address[member];
      // A member not sent is cleared (REP-02), checked where that rule is.
      if (expected !== undefined && !sameAddressMember(member, address[member], expected))
        differ(`address.${member}`, address[member], expected);
    }
  }
  if (sent.tags !== undefined) {
    const received = Array.isArray(contact.tags)
      ? (contact.tags as JsonObject[]).map((tag) => tag?.name)
      : contact.tags;
    const expected = sent.tags.map((tag) => tag.name);
    if (!sameInstantOrValue(received, expected)) differ('tags (names, as a multiset)', received, expected);
  }
  return differences;
}

/** REP-02: the writable fields of `contact` that are not cleared, among `fields`. */
export function fieldsNotCleared(contact: JsonObject, fields: readonly string[]): string[] {
  return fields
    .filter((field) => !isCleared(contact[field]))
    .map((field) => `${field}: ${JSON.stringify(contact[field])}`);
}

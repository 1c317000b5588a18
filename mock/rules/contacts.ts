// The rules for a contact as a whole (CONTRACT section 3): the path id (PTH-01, PTH-02), strict
// validation before any write (VAL-02, VAL-03), full replacement (REP-01 to REP-04), and the
// answer's shape (SCH-01, SCH-02). Pure functions; the entry rules are in entries.ts.

import { ENTRY_LISTS, type GroupId } from './catalogue';
import {
  ADDRESS_MEMBERS,
  BOOLEAN_FIELDS,
  CONTACT_REQUEST_FIELDS,
  DIGIT_ONLY_MEMBERS,
  STRING_FIELDS,
  type Address,
  type AddressMember,
  type ContactFields,
  type Tag,
} from './contact-shape';
import { parseEntryList, renderEntryList, type EntryDraft } from './entries';
import {
  frozenCopy,
  hasOwn,
  isIdentifier,
  isJsonObject,
  isSafeInteger,
  ownValue,
  unknownKeys,
  type JsonObject,
} from './json-values';
import { violation, type Violation } from './problems';
import type { StoredContact, StoredEntry } from './store';
import { formatTimestamp, INPUT_FRACTION_DIGITS, parseTimestamp, type EpochMicroseconds } from './timestamps';
import type { Behaviour } from './variant';

// ---------------------------------------------------------------------------------------------
// The path parameter

/** The find-by-id route documents `contactId` as "integer<int64>", "Required range: x >= 0". */
const MAX_CONTACT_ID = 9_223_372_036_854_775_807n;
const DECIMAL_DIGITS = /^[0-9]+$/;

export type ContactIdParse =
  { readonly ok: true; readonly id: number | undefined } | { readonly ok: false; readonly violation: Violation };

/**
 * PTH-01: `abc`, `-1`, `1.5`, `1e3` and anything beyond int64 are refused. PTH-02: a well-formed id
 * (`0` included) is looked up; one beyond what the mock can have issued names no contact
 * (`id: undefined`), which is a 404, not a 422.
 */
export function parseContactId(raw: string): ContactIdParse {
  const refuse = (message: string): ContactIdParse => ({
    ok: false,
    violation: violation('path.contactId', message, raw),
  });
  // PTH-01: not an integer >= 0, or beyond int64: refused.
  if (!DECIMAL_DIGITS.test(raw)) return refuse('contactId must be an integer >= 0 written in decimal digits');
  const id = BigInt(raw);
  if (id > MAX_CONTACT_ID) return refuse(`contactId must not exceed ${MAX_CONTACT_ID} (int64)`);
  return { ok: true, id: id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : undefined }; // PTH-02: looked up
}

// ---------------------------------------------------------------------------------------------
// The request body

/** REP-02: what every writable field is once cleared; the answer always carries every field. */
export const CLEARED_FIELDS: ContactFields = Object.freeze({
  firstname: null,
  surname: null,
  married_name: null,
  mail: null,
  phone: null,
  mobile: null,
  nationality: null,
  birth_city: null,
  birth_country: null,
  birth_dept: null,
  birthdate: null,
  age_category: null,
  black_list: false,
  mobile_invalid: false,
  phone_invalid: false,
  address: null,
  tags: [],
  action_ids: [],
  user_contact_id: null,
  notes: [],
});

/** A validated request: the whole new state of the contact's fields, and the entries as sent. */
export interface ContactWrite {
  readonly fields: ContactFields;
  /** In payload order; which of them stay active is the entry rules' decision (entries.ts). */
  readonly entries: readonly EntryDraft[];
}

export type ContactParse =
  | { readonly ok: true; readonly write: ContactWrite }
  | { readonly ok: false; readonly violations: readonly Violation[] };

const CONTACT_LOCATION = 'body.data.contact';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Validates a POST or PATCH body completely before anything is written (VAL-03). Types are strict
 * (VAL-02): `firstname: 42`, `black_list: "yes"`, `formdatas: {}` and, in the reference variant,
 * `null` for any field are refused; so is any property the contract does not list. Section 5: "A
 * body without `data.contact` is a 422".
 */
export function parseContactRequest(body: unknown, groupId: GroupId, behaviour: Behaviour): ContactParse {
  const envelope = contactOfEnvelope(body);
  if ('violations' in envelope) return { ok: false, violations: envelope.violations };
  const contact = envelope.contact;

  const violations: Violation[] = unknownKeys(contact, CONTACT_REQUEST_FIELDS).map((key) =>
    violation(`${CONTACT_LOCATION}.${key}`, 'unknown property of a contact', ownValue(contact, key)),
  );
  const fields: Mutable<ContactFields> = { ...CLEARED_FIELDS };
  const entries: EntryDraft[] = [];
  const refuse = (field: string, message: string): void => {
    violations.push(violation(`${CONTACT_LOCATION}.${field}`, message, ownValue(contact, field)));
  };

  // A field left out is cleared (REP-02); `null` clears it too only where the behaviour says so.
  if (!behaviour.acceptsNullAsCleared) {
    for (const field of CONTACT_REQUEST_FIELDS) {
      if (hasOwn(contact, field) && contact[field] === null) {
        refuse(field, 'null is not a value; leave the field out to clear it');
      }
    }
  }

  // VAL-02: each field's type is checked strictly, nothing is coerced.
  for (const field of STRING_FIELDS) {
    const value = presentValue(contact, field);
    if (value === undefined) continue;
    if (typeof value === 'string') fields[field] = value;
    else refuse(field, `${field} must be a string`);
  }
  for (const field of BOOLEAN_FIELDS) {
    const value = presentValue(contact, field);
    if (value === undefined) continue;
    if (typeof value === 'boolean') fields[field] = value;
    else refuse(field, `${field} must be a boolean`);
  }

  const birthdate = presentValue(contact, 'birthdate');
  if (birthdate !== undefined) {
    // DAT-01: millisecond UTC input is accepted; zero to six fractional digits are.
    const instant = typeof birthdate === 'string' ? parseTimestamp(birthdate) : undefined;
    if (instant === undefined)
      refuse('birthdate', 'birthdate must be a UTC timestamp YYYY-MM-DDTHH:mm:ss[.ffffff]Z that exists');
    else fields.birthdate = instant;
  }

  const ageCategory = presentValue(contact, 'age_category');
  if (ageCategory !== undefined) {
    if (isSafeInteger(ageCategory)) fields.age_category = ageCategory;
    else refuse('age_category', 'age_category must be an integer');
  }

  const address = presentValue(contact, 'address');
  if (address !== undefined) {
    const parsed = parseAddress(address, `${CONTACT_LOCATION}.address`, behaviour);
    if ('violations' in parsed) violations.push(...parsed.violations);
    else fields.address = parsed.address;
  }

  const tags = presentValue(contact, 'tags');
  if (tags !== undefined) {
    const parsed = parseTags(tags, `${CONTACT_LOCATION}.tags`);
    if ('violations' in parsed) violations.push(...parsed.violations);
    else fields.tags = parsed.tags;
  }

  // Out of scope (section 2): checked for type, then stored and echoed as sent.
  const actionIds = presentValue(contact, 'action_ids');
  if (actionIds !== undefined) {
    if (Array.isArray(actionIds) && actionIds.every(isIdentifier)) fields.action_ids = [...actionIds];
    else refuse('action_ids', 'action_ids must be an array of integers >= 0');
  }
  const userContactId = presentValue(contact, 'user_contact_id');
  if (userContactId !== undefined) {
    if (isIdentifier(userContactId)) fields.user_contact_id = userContactId;
    else refuse('user_contact_id', 'user_contact_id must be an integer >= 0');
  }
  const notes = presentValue(contact, 'notes');
  if (notes !== undefined) {
    if (Array.isArray(notes) && notes.every(isJsonObject)) fields.notes = notes.map(frozenCopy);
    else refuse('notes', 'notes must be an array of objects');
  }

  for (const list of ENTRY_LISTS) {
    const raw = presentValue(contact, list);
    if (raw === undefined) continue; // ENT-07: a list left out keeps no active entry
    const parsed = parseEntryList(raw, list, groupId, `${CONTACT_LOCATION}.${list}`);
    if (!parsed.ok) violations.push(...parsed.violations);
    else entries.push(...parsed.drafts);
  }

  return violations.length > 0 ? { ok: false, violations } : { ok: true, write: { fields, entries } };
}

/** The value of a field the request carries, or undefined when it is absent or null. */
function presentValue(contact: JsonObject, field: string): unknown {
  const value = ownValue(contact, field);
  return value === null ? undefined : value;
}

function contactOfEnvelope(body: unknown): { contact: JsonObject } | { violations: Violation[] } {
  // Section 1: "Request envelope for POST and PATCH: {"data":{"contact":{…}}}".
  if (!isJsonObject(body)) {
    return { violations: [violation('body', 'the body must be an object {"data":{"contact":{…}}}', body)] };
  }
  const violations = unknownKeys(body, ['data']).map((key) =>
    violation(`body.${key}`, 'unknown property of the envelope', ownValue(body, key)),
  );
  const data = ownValue(body, 'data');
  if (!isJsonObject(data)) {
    violations.push(violation('body.data', 'data is required, an object {"contact":{…}}', data ?? null));
    return { violations };
  }
  violations.push(
    ...unknownKeys(data, ['contact']).map((key) =>
      violation(`body.data.${key}`, 'unknown property of data', ownValue(data, key)),
    ),
  );
  const contact = ownValue(data, 'contact');
  if (!isJsonObject(contact)) {
    violations.push(violation(CONTACT_LOCATION, 'contact is required, an object', contact ?? null));
    return { violations };
  }
  return violations.length > 0 ? { violations } : { contact };
}

function parseAddress(
  value: unknown,
  location: string,
  behaviour: Behaviour,
): { address: Address } | { violations: Violation[] } {
  if (!isJsonObject(value)) return { violations: [violation(location, 'address must be an object of strings', value)] };
  const violations = unknownKeys(value, ADDRESS_MEMBERS).map((key) =>
    violation(`${location}.${key}`, 'unknown member of an address', ownValue(value, key)),
  );
  const address = Object.fromEntries(ADDRESS_MEMBERS.map((member) => [member, null])) as Record<
    AddressMember,
    string | null
  >;
  for (const member of ADDRESS_MEMBERS) {
    if (!hasOwn(value, member)) continue;
    const memberValue = value[member];
    if (typeof memberValue === 'string') address[member] = memberValue;
    else if (memberValue === null && behaviour.acceptsNullAsCleared) address[member] = null;
    else violations.push(violation(`${location}.${member}`, `${member} must be a string`, memberValue));
  }
  return violations.length > 0 ? { violations } : { address };
}

function parseTags(value: unknown, location: string): { tags: Tag[] } | { violations: Violation[] } {
  if (!Array.isArray(value)) return { violations: [violation(location, 'tags must be an array of {name}', value)] };
  const violations: Violation[] = [];
  const tags: Tag[] = [];
  value.forEach((tag: unknown, index) => {
    const at = `${location}[${index}]`;
    if (!isJsonObject(tag)) {
      violations.push(violation(at, 'a tag must be an object {name}', tag));
      return;
    }
    violations.push(
      ...unknownKeys(tag, ['name']).map((key) =>
        violation(`${at}.${key}`, 'unknown property of a tag', ownValue(tag, key)),
      ),
    );
    const name = ownValue(tag, 'name');
    if (typeof name === 'string') tags.push({ name });
    else violations.push(violation(`${at}.name`, 'name is required, a string', name));
  });
  return violations.length > 0 ? { violations } : { tags };
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface ContactWriteContext {
  readonly id: number;
  readonly groupId: GroupId;
  readonly at: EpochMicroseconds;
  /** The entry history after this write, as the entry rules made it (entries.ts). */
  readonly entries: readonly StoredEntry[];
}

/**
 * The contact after a POST (`previous` undefined) or a PATCH: REP-01 and REP-02, the fields are
 * the payload's, every one left out cleared; REP-03, `id`, `group_id` and `CreatedAt` are kept and
 * `UpdatedAt` is the write's instant.
 */
export function applyContactWrite(
  previous: StoredContact | undefined,
  write: ContactWrite,
  context: ContactWriteContext,
): StoredContact {
  return {
    id: context.id,
    group_id: context.groupId,
    CreatedAt: previous?.CreatedAt ?? context.at, // REP-03: CreatedAt is kept
    UpdatedAt: context.at, // REP-03: the write's instant, never earlier than the last (store.writeInstant)
    deleted_at: null,
    fields: write.fields, // REP-01, REP-02: the payload's fields, every one left out cleared
    entries: context.entries,
  };
}

/** DELETE: the contact is gone for every later request; its active entries are soft-deleted too. */
export function deleteContactAt(contact: StoredContact, at: EpochMicroseconds): StoredContact {
  return {
    ...contact,
    deleted_at: at,
    entries: contact.entries.map((entry) =>
      entry.deleted_at === null ? { ...entry, updated_at: at, deleted_at: at } : entry,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The answer

/** "01000" is not digit-only text a number keeps: only 0 or a digit string without a leading zero is. */
const LOSSLESS_AS_NUMBER = /^(0|[1-9][0-9]*)$/;

/**
 * The address as answers carry it (section 2): the stored members, with the behaviour's choices
 * where the contract leaves room: server-owned members beside them, digit-only members as numbers
 * when no digit is lost, a cleared address as an object of cleared members.
 */
function renderAddress(address: Address | null, behaviour: Behaviour): Record<string, unknown> | null {
  if (address === null && !behaviour.clearedAddressAsObject) return null;
  const members: Record<string, unknown> =
    address === null ? Object.fromEntries(ADDRESS_MEMBERS.map((member) => [member, ''])) : { ...address };
  if (behaviour.digitOnlyMembersAsNumbers) {
    for (const member of DIGIT_ONLY_MEMBERS) {
      const text = members[member];
      if (typeof text === 'string' && LOSSLESS_AS_NUMBER.test(text) && Number.isSafeInteger(Number(text)))
        members[member] = Number(text);
    }
  }
  return { ...members, ...behaviour.addressServerMembers };
}

/**
 * The contact as answers carry it: every writable field (cleared ones as `null`, `false` or `[]`),
 * the server-owned fields, and timestamps with the behaviour's fractional digits (SCH-02).
 */
export function renderContact(contact: StoredContact, behaviour: Behaviour): Record<string, unknown> {
  // SCH-02, DAT-02: UTC `Z`, the behaviour's fractional digits, the stored instant to the microsecond.
  const timestamp = (instant: EpochMicroseconds): string => formatTimestamp(instant, behaviour.answerFractionDigits);
  const fields = contact.fields;
  const rendered: Record<string, unknown> = {
    id: contact.id,
    group_id: contact.group_id,
    CreatedAt: timestamp(contact.CreatedAt),
    UpdatedAt: timestamp(contact.UpdatedAt),
  };
  if (behaviour.addsExtraProperties) {
    // Section 2: "optionally `lastchange`" (Qomon's examples give it in milliseconds).
    rendered['lastchange'] = formatTimestamp(contact.UpdatedAt, INPUT_FRACTION_DIGITS);
  }
  // SCH-01: every writable field, cleared ones included, in the contact schema's types.
  for (const field of STRING_FIELDS) rendered[field] = fields[field];
  rendered['birthdate'] = fields.birthdate === null ? null : timestamp(fields.birthdate);
  rendered['age_category'] = fields.age_category;
  for (const field of BOOLEAN_FIELDS) rendered[field] = fields[field];
  rendered['address'] = renderAddress(fields.address, behaviour);
  rendered['tags'] = fields.tags.map((tag) =>
    behaviour.addsExtraProperties
      ? { name: tag.name, appearance_count: fields.tags.filter((other) => other.name === tag.name).length }
      : { name: tag.name },
  );
  rendered['action_ids'] = [...fields.action_ids];
  rendered['user_contact_id'] = fields.user_contact_id;
  rendered['notes'] = fields.notes;
  for (const list of ENTRY_LISTS) rendered[list] = renderEntryList(contact.entries, list, behaviour);
  if (behaviour.addsExtraProperties) rendered['x_tolerant'] = true;
  return rendered;
}

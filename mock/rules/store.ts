// The mock's memory. It holds data and hands out ids and write instants; the rules that decide what
// to store live in contacts.ts and entries.ts. Stored objects are frozen, so the read-only view
// given to tests cannot change them, and a write replaces a contact whole (VAL-03: no partial write).

import type { EntryList, GroupId } from './catalogue';
import type { Clock } from './clock';
import type { ContactFields } from './contact-shape';
import type { EpochMicroseconds } from './timestamps';

/** An answer's `data`: text as sent, or the instant a date form's answer denotes. */
export type EntryValue =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'instant'; readonly at: EpochMicroseconds };

/** One entry of `formdatas` or `custom_fields`, active or soft-deleted. */
export interface StoredEntry {
  readonly id: number;
  readonly list: EntryList;
  readonly form_id: number;
  readonly form_ref_id: number;
  readonly data: EntryValue;
  readonly date: EpochMicroseconds;
  readonly survey_id?: number;
  readonly contact_id: number;
  readonly group_id: GroupId;
  readonly created_at: EpochMicroseconds;
  readonly updated_at: EpochMicroseconds;
  /** Null while active; the instant of the write that soft-deleted it (ENT-02). */
  readonly deleted_at: EpochMicroseconds | null;
}

export interface StoredContact {
  readonly id: number;
  readonly group_id: GroupId;
  readonly CreatedAt: EpochMicroseconds;
  readonly UpdatedAt: EpochMicroseconds;
  /** Set by DELETE /contacts/{id}; such a contact answers 404 from then on. */
  readonly deleted_at: EpochMicroseconds | null;
  readonly fields: ContactFields;
  /** Every entry the contact ever had, soft-deleted ones included, oldest first. */
  readonly entries: readonly StoredEntry[];
}

/** What tests may look at: every contact of every space, deleted ones and old entries included. */
export interface StoreView {
  contact(id: number): StoredContact | undefined;
  contacts(): readonly StoredContact[];
}

// Distinct ranges make a contact id sent where an entry id belongs (or back) easy to spot.
const FIRST_CONTACT_ID = 1001;
const FIRST_ENTRY_ID = 3001;

export class Store implements StoreView {
  readonly #contacts = new Map<number, StoredContact>();
  readonly #clock: Clock;
  #nextContactId = FIRST_CONTACT_ID;
  #nextEntryId = FIRST_ENTRY_ID;
  #lastWriteAt: EpochMicroseconds | undefined;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** REP-03: `UpdatedAt` does not go back in time, even if an injected clock does. */
  writeInstant(): EpochMicroseconds {
    const now = this.#clock();
    const instant = this.#lastWriteAt !== undefined && now < this.#lastWriteAt ? this.#lastWriteAt : now;
    this.#lastWriteAt = instant;
    return instant;
  }

  allocateContactId(): number {
    return this.#nextContactId++;
  }

  /** ENT-01: one counter for every entry of every contact; an id is never handed out twice. */
  allocateEntryId(): number {
    return this.#nextEntryId++;
  }

  /** The contact of this space, unless it does not exist or was deleted (PTH-02, AUT-03). */
  activeContact(groupId: GroupId, id: number): StoredContact | undefined {
    const contact = this.#contacts.get(id);
    // PTH-02, AUT-03: another space's contact, a deleted one and a missing one are all "none".
    return contact !== undefined && contact.group_id === groupId && contact.deleted_at === null ? contact : undefined;
  }

  save(contact: StoredContact): void {
    this.#contacts.set(contact.id, deepFreeze(contact));
  }

  contact(id: number): StoredContact | undefined {
    return this.#contacts.get(id);
  }

  contacts(): readonly StoredContact[] {
    return [...this.#contacts.values()];
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

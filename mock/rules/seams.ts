// The seams of the mock: the types where the HTTP layer, the domain operations and the fault zoo
// meet. A leaf: it imports types only, from rule modules that never import it (or anything that
// does), so http/ -> rules/ and faults/ -> rules/ stay one-way and no module imports back.

import type { authenticate } from './auth';
import type { GroupId } from './catalogue';
import type { applyContactWrite, parseContactId, parseContactRequest, renderContact } from './contacts';
import type { EntryDraft, supersedeEntries } from './entries';
import type { meter } from './metering';
import type { Violation } from './problems';
import type { readJsonBody } from './request-body';
import type { route } from './routing';
import type { Store, StoredContact } from './store';
import type { Behaviour } from './variant';

/** What a contact operation needs: the store, the variant's behaviour and the rules to apply. */
export interface Domain {
  readonly store: Store;
  readonly behaviour: Behaviour;
  readonly rules: RuleSet;
}

export type ContactOutcome =
  | { readonly kind: 'contact'; readonly contact: StoredContact }
  | { readonly kind: 'invalid'; readonly violations: readonly Violation[] }
  | { readonly kind: 'not found' };

/**
 * The swappable rule functions: the mock calls each rule through this object. The reference set
 * (reference-rule-set.ts) is the functions of the modules that define the rules; a named fault
 * (faults/fault-table.ts) is that set with one function swapped for a wrong one, so the reference
 * code never asks which fault is on.
 */
export interface RuleSet {
  /** AUT-01, AUT-02: who sends the request. */
  readonly authenticate: typeof authenticate;
  /** Which operation a method and path name (VAL-04: any other request is a 4xx). */
  readonly route: typeof route;
  /** RAT-01, RAT-02: charging the bucket, and the 429 when it is empty. */
  readonly meter: typeof meter;
  /** PTH-01, PTH-02: the path's contact id. */
  readonly parseContactId: typeof parseContactId;
  /** VAL-01: the body as JSON. */
  readonly readJsonBody: typeof readJsonBody;
  /** VAL-02, DAT-01: the payload, validated whole before anything is written. */
  readonly parseContactRequest: typeof parseContactRequest;
  /** ENT-03, ENT-04, ENT-05: which entries of a payload stay active. */
  readonly keepEntries: (drafts: readonly EntryDraft[]) => readonly EntryDraft[];
  /** ENT-01, ENT-02, ENT-06, ENT-07: the entry history after a write. */
  readonly supersedeEntries: typeof supersedeEntries;
  /** REP-01, REP-02, REP-03: the contact's fields and server-owned values after a write. */
  readonly applyContactWrite: typeof applyContactWrite;
  /** A PATCH as a whole (REP-04, AUT-03, PTH-02, VAL-03). */
  readonly replaceContact: (
    domain: Domain,
    groupId: GroupId,
    contactId: number | undefined,
    body: unknown,
  ) => ContactOutcome;
  /** SCH-01, SCH-02, DAT-02, ENT-02: the contact as responses carry it. */
  readonly renderContact: typeof renderContact;
  /** SCH-01, SCH-03: a response's body as JSON text. */
  readonly writeJson: (body: unknown) => string;
}

// The rule functions the mock applies, gathered in one object at the seams where the routes and
// operations call them. The reference set is the functions of the modules that define the rules; a
// named fault (faults.ts) is this set with one function swapped for a wrong one, so the reference
// code never asks which fault is on.

import { authenticate } from './auth';
import { applyContactWrite, parseContactId, parseContactRequest, renderContact } from './contacts';
import { keepEntriesByFormRules, supersedeEntries, type EntryDraft } from './entries';
import { meter } from './metering';
import { replaceContact } from './operations';
import { readJsonBody } from './request-body';
import { route } from '../http/routes';

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
  readonly replaceContact: typeof replaceContact;
  /** SCH-01, SCH-02, DAT-02, ENT-02: the contact as answers carry it. */
  readonly renderContact: typeof renderContact;
  /** SCH-01, SCH-03: an answer's body as JSON text. */
  readonly writeJson: (body: unknown) => string;
}

export const REFERENCE_RULES: RuleSet = {
  authenticate,
  route,
  meter,
  parseContactId,
  readJsonBody,
  parseContactRequest,
  keepEntries: (drafts) => keepEntriesByFormRules(drafts),
  supersedeEntries,
  applyContactWrite,
  replaceContact,
  renderContact,
  writeJson: (body) => JSON.stringify(body),
};

// Wrong entry rules for the fault zoo (ENT-01 to ENT-07): each is the reference rule of entries.ts
// with one mistake an implementer could make, and most show only across calls or at some size.

import type { EntryList, FormType } from '../rules/catalogue';
import {
  KEEPING_BY_FORM_TYPE,
  keepEntriesByFormRules,
  supersedeEntries,
  type EntryDraft,
  type Keeping,
} from '../rules/entries';
import type { RuleSet } from '../rules/seams';
import type { EntryValue, StoredEntry } from '../rules/store';
import type { EpochMicroseconds } from '../rules/timestamps';

type Supersede = RuleSet['supersedeEntries'];

// ---------------------------------------------------------------------------------------------
// Keeping (ENT-03, ENT-04, ENT-05): the reference keeping, with some form types kept another way.

export function keepingWith(overrides: Partial<Record<FormType, Keeping>>): RuleSet['keepEntries'] {
  const keeping = { ...KEEPING_BY_FORM_TYPE, ...overrides };
  return (drafts) => keepEntriesByFormRules(drafts, keeping);
}

/** ENT-04 broken: the first entry sent wins, a loop that stops at the first match instead of the last. */
export const theFirstOne: Keeping = (sent) => sent.slice(0, 1);

/** ENT-03 broken: three entries per form at most, a fixed-size array or `LIMIT 3` on the insert. */
export const theFirstThree: Keeping = (sent) => sent.slice(0, 3);

// ---------------------------------------------------------------------------------------------
// Superseding (ENT-01, ENT-02, ENT-06, ENT-07)

/**
 * ENT-01, across calls: ids freed by the latest write that soft-deleted entries are handed out again
 * (an id pool whose frees take effect one write late), so the third write reuses the first one's ids.
 */
export const recyclingFreedIds: Supersede = (history, kept, write) => {
  const lastRetirement = history.reduce<EpochMicroseconds | undefined>(
    (latest, entry) =>
      entry.deleted_at !== null && (latest === undefined || entry.deleted_at > latest) ? entry.deleted_at : latest,
    undefined,
  );
  const freed = history
    .filter((entry) => entry.deleted_at !== null && entry.deleted_at === lastRetirement)
    .map((entry) => entry.id);
  return supersedeEntries(history, kept, { ...write, allocateEntryId: () => freed.shift() ?? write.allocateEntryId() });
};

/** ENT-01: an entry sent again unchanged keeps its id (a diff against the active entries, updated in place). */
export const keepingUnchangedEntries: Supersede = (history, kept, write) => {
  const { matched, unmatched } = pair(kept, history.filter(isActive));
  const untouched = [...matched.values()];
  return [...supersedeEntries(without(history, untouched), unmatched, write), ...untouched];
};

/** ENT-01, across calls: a value sent again that an earlier write soft-deleted is undeleted, old id and all. */
export const resurrectingDeletedValues: Supersede = (history, kept, write) => {
  const { matched, unmatched } = pair(
    kept,
    history.filter((entry) => !isActive(entry)),
  );
  const resurrected = [...matched.values()];
  const revived = resurrected.map((entry): StoredEntry => ({ ...entry, updated_at: write.at, deleted_at: null }));
  return [...supersedeEntries(without(history, resurrected), unmatched, write), ...revived];
};

/** ENT-02: only the forms the payload answers are replaced; the entries of every other form stay active. */
export const replacingAnsweredFormsOnly: Supersede = (history, kept, write) => {
  const answered = new Set(kept.map(formKeyOfDraft));
  const untouched = history.filter((entry) => isActive(entry) && !answered.has(formKeyOfEntry(entry)));
  return [...supersedeEntries(without(history, untouched), kept, write), ...untouched];
};

const FREE_INPUT: readonly FormType[] = ['text', 'numeric', 'date'];

/** ENT-06: a new value for a text, numeric or date form is added beside the old one, which stays active. */
export const addingNewFreeInputValues: Supersede = (history, kept, write) => {
  const answered = new Set(kept.filter((draft) => FREE_INPUT.includes(draft.form.type)).map(formKeyOfDraft));
  const untouched = history.filter(
    (entry) =>
      isActive(entry) && answered.has(formKeyOfEntry(entry)) && !kept.some((draft) => sameEntryValue(entry, draft)),
  );
  return [...supersedeEntries(without(history, untouched), kept, write), ...untouched];
};

/** ENT-07: a list left out (or sent empty) keeps its entries: the list is replaced only `if (list?.length)`. */
export const keepingListsLeftOut: Supersede = (history, kept, write) => {
  const sent = new Set<EntryList>(kept.map((draft) => draft.list));
  const untouched = history.filter((entry) => isActive(entry) && !sent.has(entry.list));
  return [...supersedeEntries(without(history, untouched), kept, write), ...untouched];
};

// ---------------------------------------------------------------------------------------------

function isActive(entry: StoredEntry): boolean {
  return entry.deleted_at === null;
}

function without(history: readonly StoredEntry[], removed: readonly StoredEntry[]): StoredEntry[] {
  return history.filter((entry) => !removed.includes(entry));
}

function formKeyOfDraft(draft: EntryDraft): string {
  return `${draft.list} ${draft.form.id}`;
}

function formKeyOfEntry(entry: StoredEntry): string {
  return `${entry.list} ${entry.form_id}`;
}

function sameValue(a: EntryValue, b: EntryValue): boolean {
  return a.kind === 'text' && b.kind === 'text'
    ? a.text === b.text
    : a.kind === 'instant' && b.kind === 'instant' && a.at === b.at;
}

/** The same answer: list, form, option and value; and the date, when the draft names one. */
function sameEntryValue(entry: StoredEntry, draft: EntryDraft): boolean {
  return (
    entry.list === draft.list &&
    entry.form_id === draft.form.id &&
    entry.form_ref_id === draft.form_ref_id &&
    sameValue(entry.data, draft.data) &&
    (draft.date === undefined || draft.date === entry.date)
  );
}

/** Pairs each draft with a distinct candidate entry holding the same answer, if any. */
function pair(
  drafts: readonly EntryDraft[],
  candidates: readonly StoredEntry[],
): { matched: Map<EntryDraft, StoredEntry>; unmatched: EntryDraft[] } {
  const free = [...candidates];
  const matched = new Map<EntryDraft, StoredEntry>();
  const unmatched: EntryDraft[] = [];
  for (const draft of drafts) {
    const index = free.findIndex((entry) => sameEntryValue(entry, draft));
    if (index < 0) unmatched.push(draft);
    else matched.set(draft, free.splice(index, 1)[0] as StoredEntry);
  }
  return { matched, unmatched };
}

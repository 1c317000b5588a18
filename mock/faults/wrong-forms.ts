// Wrong entry rules over the forms of a space for the fault zoo (issue 14, dimension "forms":
// several forms of one type, options in any order, an entry `date` in both lists).

import { KEEPING_BY_FORM_TYPE, keepEntriesByFormRules, supersedeEntries, type Keeping } from '../rules/entries';
import type { RuleSet } from '../rules/seams';
import { keepingWith } from './wrong-entries';

/**
 * ENT-03: the answers of free-input forms are grouped by list and type instead of by form, so of
 * several text forms of one list only the first one answered keeps its answers (a map keyed by type).
 */
export const keepingOneFormPerType: RuleSet['keepEntries'] = (drafts) => {
  const firstForm = new Map<string, number>();
  const kept = drafts.filter((draft) => {
    if (draft.form.type === 'radio' || draft.form.type === 'checkbox') return true;
    const key = `${draft.list} ${draft.form.type}`;
    if (!firstForm.has(key)) firstForm.set(key, draft.form.id);
    return firstForm.get(key) === draft.form.id;
  });
  return keepEntriesByFormRules(kept, KEEPING_BY_FORM_TYPE);
};

/**
 * ENT-05: duplicate options are removed by a single pass that assumes the options come sorted by
 * id (a "sorted unique"): an option with a lower id than the last one kept is taken for a duplicate.
 */
const uniqueIfAscending: Keeping = (sent) => {
  const kept: (typeof sent)[number][] = [];
  for (const draft of sent) {
    const last = kept[kept.length - 1];
    if (last === undefined || draft.form_ref_id > last.form_ref_id) kept.push(draft);
  }
  return kept;
};
export const deduplicatingOptionsInIdOrder = keepingWith({ checkbox: uniqueIfAscending });

/** ENT-04: of several radio answers the one with the highest option id is kept (`ORDER BY form_ref_id`, not by position). */
const theHighestOption: Keeping = (sent) =>
  sent.length === 0 ? [] : [sent.reduce((best, draft) => (draft.form_ref_id > best.form_ref_id ? draft : best))];
export const keepingTheHighestRadioOption = keepingWith({ radio: theHighestOption });

/** DAT-02: a formdatas entry's `date` is replaced by the write's instant (only the custom_fields mapping copies it). */
export const redatingFormdatasEntries: RuleSet['supersedeEntries'] = (history, kept, write) =>
  supersedeEntries(
    history,
    kept.map((draft) => (draft.list === 'formdatas' ? { ...draft, date: undefined } : draft)),
    write,
  );

/**
 * The worked examples of CONTRACT.md section 4 ("Reading the entry rules"), asserted under the
 * reading named by QOMON_ENTRY_READING. Form T is a text form, R a radio form, C a checkbox form;
 * a, b are text values, x, y radio options, p, q checkbox options.
 */
import type { EntryInput, EntryListName } from '../support/contact';
import { freeAnswer, optionAnswer, type Form } from '../support/forms';
import { rule, type RuleId } from '../support/rules';
import { patchThenGet } from '../support/steps';
import { expect, test } from '../support/test';

type Symbol = 'T:a' | 'T:b' | 'R:x' | 'R:y' | 'C:p' | 'C:q';

interface WorkedExample {
  rule: RuleId;
  before: Symbol[];
  /** `null`: the list is left out of the payload. */
  payload: Symbol[] | null;
  replace: Symbol[];
  merge: Symbol[];
}

// CONTRACT.md section 4, one row each, in the table's order.
const EXAMPLES: WorkedExample[] = [
  { rule: 'ENT-03', before: ['T:a'], payload: ['T:a', 'T:b'], replace: ['T:a', 'T:b'], merge: ['T:a', 'T:b'] },
  // The row where the readings part: replace keeps the payload, merge appends to the active entries.
  { rule: 'ENT-06', before: ['T:a'], payload: ['T:b'], replace: ['T:b'], merge: ['T:a', 'T:b'] },
  { rule: 'ENT-04', before: ['R:x'], payload: ['R:x', 'R:y'], replace: ['R:y'], merge: ['R:y'] },
  { rule: 'ENT-04', before: ['R:x'], payload: ['R:y'], replace: ['R:y'], merge: ['R:y'] },
  { rule: 'ENT-05', before: ['C:p'], payload: ['C:q'], replace: ['C:q'], merge: ['C:p', 'C:q'] },
  // An option sent twice is kept once.
  { rule: 'ENT-05', before: ['C:p'], payload: ['C:p', 'C:q', 'C:q'], replace: ['C:p', 'C:q'], merge: ['C:p', 'C:q'] },
  { rule: 'ENT-07', before: ['T:a', 'R:x'], payload: null, replace: [], merge: [] },
];

function show(symbols: Symbol[] | null): string {
  return symbols === null ? '(no list)' : symbols.length ? symbols.join(', ') : 'nothing';
}

for (const list of ['formdatas', 'custom_fields'] as EntryListName[]) {
  for (const example of EXAMPLES) {
    const title = `${example.rule} ${list}: after ${show(example.before)}, a PATCH of ${show(example.payload)} leaves ${show(example.replace)} active (replace) or ${show(example.merge)} (merge)`;
    test(title, rule(example.rule), async ({ api, contacts, forms, runConfig }) => {
      const symbols = [...example.before, ...(example.payload ?? [])];
      const formOf: Record<'T' | 'R' | 'C', () => Form> = {
        T: () => forms.pick(list, 'text'),
        R: () => forms.pick(list, 'radio'),
        C: () => forms.pick(list, 'checkbox'),
      };
      const entryOf = (symbol: Symbol): EntryInput => {
        const [letter, value] = symbol.split(':') as ['T' | 'R' | 'C', string];
        const form = formOf[letter]();
        if (letter === 'T') return freeAnswer(form, value === 'a' ? 'Architect' : 'Teacher');
        return optionAnswer(form, value === 'x' || value === 'p' ? 0 : 1);
      };
      symbols.forEach(entryOf); // skips now, saying which form type is missing, before any request
      const expected = example[runConfig.entryReading];
      const { id } = await contacts.create(contacts.draft());
      await patchThenGet(api, id, contacts.draft({ [list]: example.before.map(entryOf) }), example.rule);

      const payload = contacts.draft(example.payload === null ? {} : { [list]: example.payload.map(entryOf) });
      const { both } = await patchThenGet(api, id, payload, example.rule);
      for (const [where, answer] of both) {
        await expect(answer, `${example.rule} ${list}: before ${show(example.before)}, payload ${show(example.payload)}: under the ${runConfig.entryReading} reading the active entries are ${show(expected)} in ${where}`).toHaveActiveEntries({ [list]: expected.map(entryOf) });
      }
    });
  }
}

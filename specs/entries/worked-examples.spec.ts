/**
 * The worked examples of CONTRACT.md section 4 ("Reading the entry rules", support/worked-examples.ts),
 * asserted under the reading named by QOMON_ENTRY_READING, with forms the target has.
 */
import type { EntryInput, EntryListName } from '../support/contact';
import { freeEntry, optionEntry, type Form } from '../support/forms';
import { rule } from '../support/rule-catalogue';
import { patchThenGet, patchToArrange } from '../support/steps';
import { expect, test } from '../support/test';
import { WORKED_EXAMPLES, type ExampleSymbol } from '../support/worked-examples';

function show(symbols: ExampleSymbol[] | null): string {
  return symbols === null ? '(no list)' : symbols.length ? symbols.join(', ') : 'nothing';
}

for (const list of ['formdatas', 'custom_fields'] as EntryListName[]) {
  for (const example of WORKED_EXAMPLES) {
    const title = `${example.rule} ${list}: after ${show(example.before)}, a PATCH of ${show(example.payload)} leaves ${show(example.replace)} active (replace) or ${show(example.merge)} (merge)`;
    test(title, rule(example.rule), async ({ api, contacts, forms, runConfig }) => {
      const symbols = [...example.before, ...(example.payload ?? [])];
      const formOf: Record<'T' | 'R' | 'C', () => Form> = {
        T: () => forms.pick(list, 'text'),
        R: () => forms.pick(list, 'radio'),
        C: () => forms.pick(list, 'checkbox'),
      };
      const entryOf = (symbol: ExampleSymbol): EntryInput => {
        const [letter, value] = symbol.split(':') as ['T' | 'R' | 'C', string];
        const form = formOf[letter]();
        if (letter === 'T') return freeEntry(form, value === 'a' ? 'Architect' : 'Teacher');
        return optionEntry(form, value === 'x' || value === 'p' ? 0 : 1);
      };
      symbols.forEach(entryOf); // skips now, saying which form type is missing, before any request
      const expected = example[runConfig.entryReading];
      const { id } = await contacts.create(contacts.minimal());
      await patchToArrange(api, id, contacts.minimal({ [list]: example.before.map(entryOf) }), example.rule);

      const payload = contacts.minimal(example.payload === null ? {} : { [list]: example.payload.map(entryOf) });
      const { both } = await patchThenGet(api, id, payload, example.rule);
      for (const [where, answer] of both) {
        await expect(
          answer,
          `${example.rule} ${list}: before ${show(example.before)}, payload ${show(example.payload)}: under the ${runConfig.entryReading} reading the active entries are ${show(expected)} in ${where}`,
        ).toHaveActiveEntries({ [list]: expected.map(entryOf) });
      }
    });
  }
}

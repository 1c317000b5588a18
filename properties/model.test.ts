/**
 * The model against the worked examples of CONTRACT.md section 4, under both readings: the model
 * is the oracle of the properties, so it is checked against the contract's own table first.
 */
import { expect, test } from '@playwright/test';
import type { EntryReading } from '../specs/request-path/config';
import type { EntryInput } from '../specs/support/contact';
import type { FormType } from '../specs/support/forms';
import { WORKED_EXAMPLES } from '../specs/support/worked-examples';
import { activeAfterPatch } from './model';

// Form T text, R radio, C checkbox; a, b text values, x, y radio options, p, q checkbox options.
const FORMS: Record<string, { id: number; type: FormType; options: Record<string, number> }> = {
  T: { id: 1, type: 'text', options: { a: 10, b: 10 } },
  R: { id: 2, type: 'radio', options: { x: 20, y: 21 } },
  C: { id: 3, type: 'checkbox', options: { p: 30, q: 31 } },
};

function entry(symbol: string): EntryInput {
  const [letter, value] = symbol.split(':') as [string, string];
  const form = FORMS[letter];
  if (!form) throw new Error(`unknown form ${letter}`);
  return { form_id: form.id, form_ref_id: form.options[value] as number, data: value };
}

const typeOf = (formId: number): FormType => Object.values(FORMS).find((form) => form.id === formId)?.type ?? 'text';

const sorted = (entries: EntryInput[]) => entries.map((one) => `${one.form_id}/${one.form_ref_id}/${one.data}`).sort();

for (const reading of ['replace', 'merge'] as EntryReading[]) {
  for (const example of WORKED_EXAMPLES) {
    const payload = example.payload === null ? '(no list)' : example.payload.join(', ');
    test(`the model under the ${reading} reading: ${example.before.join(', ')} then ${payload} leaves ${example[reading].join(', ') || 'nothing'}`, () => {
      const after = activeAfterPatch(reading, typeOf, example.before.map(entry), example.payload?.map(entry));
      expect(sorted(after), `${example.rule} CONTRACT.md section 4, ${reading} column`).toEqual(
        sorted(example[reading].map(entry)),
      );
    });
  }
}

test('the model leaves a form absent from the payload without entries, under both readings (ENT-02)', () => {
  for (const reading of ['replace', 'merge'] as EntryReading[]) {
    expect(
      activeAfterPatch(reading, typeOf, [entry('T:a'), entry('C:p')], [entry('C:p')]),
      `ENT-02 the entries of a form left out are no longer active (${reading} reading)`,
    ).toEqual([entry('C:p')]);
  }
});

/**
 * Every quote of the rule book is Qomon's own words: it appears in the seed page or, quoted, in the
 * background notes (whitespace aside: the seed page breaks lines where the web page had blocks).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { RULE_IDS } from '../rule-catalogue';
import { RULE_SOURCES } from '../rule-sources';

const SHARED = path.resolve(__dirname, '../../../../shared');
const SEED = path.join(SHARED, 'seed');
const NOTES = path.join(SHARED, 'contract/qomon-api-notes.md');

function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

test('every rule has a source, and every quote is in the seed page or the notes word for word', () => {
  test.skip(
    !existsSync(SEED) || !existsSync(NOTES),
    `the shared contract folder is not beside the checkout (${SHARED})`,
  );
  const seed = readdirSync(SEED).map((file) => readFileSync(path.join(SEED, file), 'utf8'));
  const docs = flat([...seed, readFileSync(NOTES, 'utf8')].join('\n'));
  expect(Object.keys(RULE_SOURCES).sort(), 'a source per rule of the catalogue').toEqual([...RULE_IDS].sort());
  const invented = RULE_IDS.filter((id) => {
    const quote = RULE_SOURCES[id].quote;
    return quote !== undefined && !docs.includes(flat(quote));
  });
  expect(invented, 'quotes not found word for word in ../shared/seed or qomon-api-notes.md').toEqual([]);
});

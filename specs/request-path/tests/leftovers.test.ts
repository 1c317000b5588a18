/**
 * The leftovers ledger: which contacts are still outstanding after a run, read from the events the
 * contacts fixture appended (CONTRACT.md leaves cleanup to the suite).
 */
import { appendFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LEFTOVERS_FILE, LeftoverLedger } from '../leftovers';

const STAGING = 'https://staging.example.org/';
const LOCAL = 'http://127.0.0.1:8787/';

function freshLedger(): LeftoverLedger {
  return new LeftoverLedger(test.info().outputPath(LEFTOVERS_FILE));
}

test('a contact created and then deleted or found gone is settled; one created, or kept after a failed DELETE, is outstanding', () => {
  const ledger = freshLedger();
  ledger.record({ event: 'created', id: 1, target: STAGING, run: 'a' });
  ledger.record({ event: 'created', id: 2, target: STAGING, run: 'a' });
  ledger.record({ event: 'created', id: 3, target: STAGING, run: 'a' });
  ledger.record({ event: 'created', id: 4, target: STAGING, run: 'a' });
  ledger.record({ event: 'deleted', id: 1, target: STAGING, run: 'a' });
  ledger.record({ event: 'gone', id: 2, target: STAGING, run: 'a' });
  ledger.record({ event: 'kept', id: 3, target: STAGING, run: 'a', status: 500 });
  expect(
    ledger.outstanding().map((event) => event.id),
    'contacts 3 (DELETE failed) and 4 (never deleted) are left',
  ).toEqual([3, 4]);
});

test('the same id on two targets is two contacts', () => {
  const ledger = freshLedger();
  ledger.record({ event: 'created', id: 1001, target: STAGING, run: 'a' });
  ledger.record({ event: 'created', id: 1001, target: LOCAL, run: 'b' });
  ledger.record({ event: 'deleted', id: 1001, target: LOCAL, run: 'b' });
  expect(
    ledger.outstanding().map((event) => event.target),
    "deleting the local 1001 leaves staging's",
  ).toEqual([STAGING]);
});

test('a line cut short by a killed process is skipped; the events around it still count', () => {
  const ledger = freshLedger();
  ledger.record({ event: 'created', id: 1, target: STAGING, run: 'a' });
  appendFileSync(ledger.file, '{"event":"created","id":2,"tar');
  appendFileSync(ledger.file, '\n');
  ledger.record({ event: 'created', id: 3, target: STAGING, run: 'a' });
  expect(
    ledger.outstanding().map((event) => event.id),
    'contacts 1 and 3 are read, the torn line is not',
  ).toEqual([1, 3]);
});

test('rewriting keeps exactly the events given', () => {
  const ledger = freshLedger();
  ledger.record({ event: 'created', id: 1, target: STAGING, run: 'a' });
  ledger.record({ event: 'created', id: 2, target: STAGING, run: 'a' });
  ledger.rewrite(ledger.outstanding().filter((event) => event.id === 2));
  expect(
    ledger.events().map((event) => event.id),
    'only contact 2 remains in the file',
  ).toEqual([2]);
});

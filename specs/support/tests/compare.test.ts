/**
 * The comparisons REP-01 and REP-02 make on an address, as section 2 words them since the change of
 * 2026-12-02: a digit-only member may come back as a number with the same decimal text, and a
 * cleared address may keep its server-owned members.
 */
import { expect, test } from '@playwright/test';
import { fieldsNotAsSent } from '../compare';
import { isCleared } from '../expect';

// Each row: what was sent as postalcode, what came back, and whether REP-01 holds.
const POSTAL_CODES = [
  { sent: '75001', received: '75001', holds: true }, // the string itself
  { sent: '75001', received: 75001, holds: true }, // a number with the same decimal text
  { sent: '0', received: 0, holds: true }, // zero keeps its only digit
  { sent: '01000', received: 1000, holds: false }, // a leading zero lost
  { sent: '007', received: 7, holds: false }, // two leading zeros lost
  { sent: '75001', received: 75002, holds: false }, // another number
  { sent: '75001', received: '75002', holds: false }, // another string
  { sent: '75001', received: null, holds: false }, // cleared instead
] as const;

for (const { sent, received, holds } of POSTAL_CODES) {
  test(`REP-01 postalcode sent ${JSON.stringify(sent)}, received ${JSON.stringify(received)}: ${holds ? 'holds' : 'fails'}`, () => {
    const differences = fieldsNotAsSent(
      { address: { postalcode: received, id: 1 } },
      { address: { postalcode: sent } },
    );
    expect(differences, `REP-01 a digit-only member compares by its decimal text`).toHaveLength(holds ? 0 : 1);
  });
}

test('REP-01 a number is the text sent only for the digit-only members: street "12" as 12 fails', () => {
  expect(fieldsNotAsSent({ address: { street: 12 } }, { address: { street: '12' } }), 'REP-01 street').toHaveLength(1);
});

test('REP-02 an address whose writable members are cleared is cleared, whatever its server-owned members hold', () => {
  const serverOwned = { id: 1001, score: 0.9, latitude: '48.0', longitude: '2.0', location: '48.0,2.0', invalid: true };
  expect(isCleared({ street: '', postalcode: null, ...serverOwned }), 'REP-02 cleared with server-owned members').toBe(
    true,
  );
  expect(isCleared({ postalcode: 1000, ...serverOwned }), 'REP-02 a numeric postalcode is a value').toBe(false);
  expect(isCleared({ floor: 0 }), 'REP-02 floor 0 is a value, not a cleared member').toBe(false);
});

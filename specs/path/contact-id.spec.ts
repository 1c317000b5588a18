/**
 * The path parameter (CONTRACT.md section 3, PTH-*). Source: Find a contact by ID, "Contact ID.
 * Required range: x >= 0", integer<int64>; the Update page carries the same constraint.
 */
import { rule } from '../support/rule-catalogue';
import { expect, test } from '../support/test';

/** The largest int64: well-formed, and no contact of a test space has it. */
const INT64_MAX = '9223372036854775807';

// Ids that are not an integer >= 0 that fits in int64.
const MALFORMED_IDS = [
  'abc',
  '-1',
  '1.5',
  '9223372036854775808', // int64 max + 1
  '99999999999999999999999', // far beyond int64
];

for (const contactId of MALFORMED_IDS) {
  test(
    `PTH-01 a PATCH of contact id ${contactId} is rejected with 400 or 422`,
    rule('PTH-01'),
    async ({ api, contacts }) => {
      const answer = await api.patchContact(contactId, contacts.minimal());
      await expect(
        answer,
        `PTH-01 contact id ${contactId} is not an integer >= 0 in int64: 400 or 422, never 5xx`,
      ).toBeProblem([400, 422]);
    },
  );
}

test(
  'PTH-02 a PATCH of a contact that was deleted is 404 with a problem body, and does not bring it back',
  rule('PTH-02'),
  async ({ api, contacts }) => {
    const { id } = await contacts.create();
    const deleted = await api.deleteContact(id);
    expect([200, 204], `PTH-02 arrange: DELETE /contacts/${id} answers 204 (or 200)\n${deleted.describe()}`).toContain(
      deleted.status,
    );

    const answer = await api.patchContact(id, contacts.minimal());
    await expect(answer, `PTH-02 contact ${id} no longer exists in the space: 404`).toBeProblem(404);
    const read = await api.getContact(id);
    await expect(read, `PTH-02 the refused PATCH did not create contact ${id} again`).toBeProblem(404);
  },
);

test(
  `PTH-02 a PATCH of contact id ${INT64_MAX} (well-formed, unused) is 404 with a problem body`,
  rule('PTH-02'),
  async ({ api, contacts }) => {
    const answer = await api.patchContact(INT64_MAX, contacts.minimal());
    await expect(answer, `PTH-02 contact id ${INT64_MAX} names no contact of the space: 404`).toBeProblem(404);
  },
);

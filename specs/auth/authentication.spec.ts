/**
 * Authentication and isolation (CONTRACT.md section 3, AUT-*). Source: Update contact by ID,
 * "Pass the token in the Authorization header as Bearer <token>"; the token decides the space.
 */
import { Api, type Credential } from '../request-path/api';
import { rule } from '../support/rule-catalogue';
import { expectUnchanged, readStored } from '../support/steps';
import { checkEveryAnswer } from '../support/every-answer';
import { expect, test } from '../support/test';

test(
  'AUT-01 a PATCH without an Authorization header is 401 with a problem body and changes nothing',
  rule('AUT-01'),
  async ({ api, anonymousApi, contacts }) => {
    const { id } = await contacts.create();
    const before = await readStored(api, id, 'AUT-01');

    const answer = await anonymousApi.patchContact(id, contacts.everyField({ firstname: 'Mallory' }));
    await expect(answer, 'AUT-01 a PATCH without Authorization is refused').toBeProblem(401);
    await expectUnchanged(api, id, before, 'AUT-01', answer);
  },
);

test(
  'AUT-01 a GET without an Authorization header is 401 with a problem body',
  rule('AUT-01'),
  async ({ anonymousApi, contacts }) => {
    const { id } = await contacts.create();
    const answer = await anonymousApi.getContact(id);
    await expect(answer, 'AUT-01 a GET without Authorization is refused').toBeProblem(401);
  },
);

// Each row: an Authorization header that is not `Bearer <a token of this target>`.
const BROKEN_CREDENTIALS: { label: string; header: (token: string) => string; shown?: string }[] = [
  { label: 'an unknown bearer token', header: () => 'Bearer qct-unknown-token-0000000000' },
  { label: 'the token without a scheme', header: (token) => token },
  {
    label: 'the token under the Basic scheme',
    header: (token) => `Basic ${Buffer.from(`user:${token}`).toString('base64')}`,
    // The base64 form would carry the token past redaction: transcripts show how to rebuild it instead.
    shown: `Basic $(printf 'user:%s' "<QOMON_TOKEN>" | base64 -w0)`,
  },
  { label: 'the token under a Token scheme', header: (token) => `Token ${token}` },
  { label: 'the Bearer scheme with no token', header: () => 'Bearer ' },
];

for (const { label, header, shown } of BROKEN_CREDENTIALS) {
  test(
    `AUT-02 a PATCH with ${label} is 401 and changes nothing`,
    rule('AUT-02'),
    async ({ api, contacts, requestPath, transcript, runConfig }) => {
      const { id } = await contacts.create();
      const before = await readStored(api, id, 'AUT-02');
      const credential: Credential = {
        kind: 'header',
        value: header(runConfig.token),
        label,
        ...(shown ? { shown } : {}),
      };

      const answer = await new Api(requestPath, transcript, credential, checkEveryAnswer).patchContact(
        id,
        contacts.everyField({ firstname: 'Mallory' }),
      );
      await expect(answer, `AUT-02 a PATCH with ${label} is refused`).toBeProblem(401);
      await expectUnchanged(api, id, before, 'AUT-02', answer);
    },
  );
}

test(
  'AUT-03 a token of another space cannot read the contact: 404 or 403',
  rule('AUT-03'),
  async ({ contacts, otherSpaceApi }) => {
    const { id } = await contacts.create();
    const answer = await otherSpaceApi.getContact(id);
    await expect(
      answer,
      'AUT-03 a GET with a token of another space is refused as if the contact did not exist (404) or forbidden (403)',
    ).toBeProblem([404, 403]);
  },
);

test(
  'AUT-03 a token of another space cannot patch the contact: 404 or 403, and nothing changes',
  rule('AUT-03'),
  async ({ api, contacts, otherSpaceApi }) => {
    const { id } = await contacts.create();
    const before = await readStored(api, id, 'AUT-03');

    const answer = await otherSpaceApi.patchContact(id, contacts.everyField({ firstname: 'Mallory' }));
    await expect(answer, 'AUT-03 a PATCH with a token of another space is refused (404 or 403)').toBeProblem([
      404, 403,
    ]);
    await expectUnchanged(api, id, before, 'AUT-03', answer);
  },
);

/**
 * Authentication and isolation (CONTRACT.md section 3, AUT-*). Source: Update contact by ID,
 * "Pass the token in the Authorization header as Bearer <token>"; the token decides the space.
 */
import { Api, type Credential } from '../request-path/api';
import { draw } from '../support/inputs/draw';
import { CREDENTIAL_KINDS, credentialHeader, credentialRecipe } from '../support/inputs/invalid';
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

// One test per kind of broken credential, the variant drawn (inputs/invalid.ts): an unknown token,
// the token truncated, extended, with its letters' case swapped, under another scheme or none, or
// the Bearer scheme alone. Transcripts show how to rebuild the header, never a part of the token.
for (const kind of CREDENTIAL_KINDS) {
  test(
    `AUT-02 a PATCH with a broken credential (${kind}) is 401 and changes nothing`,
    rule('AUT-02'),
    async ({ api, contacts, requestPath, transcript, runConfig }) => {
      const recipe = draw(credentialRecipe(kind, runConfig.token), 'the credential');
      const { value, shown, label } = credentialHeader(recipe, runConfig.token, 'QOMON_TOKEN');
      const { id } = await contacts.create();
      const before = await readStored(api, id, 'AUT-02');
      const credential: Credential = { kind: 'header', value, label, shown };

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

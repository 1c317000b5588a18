/**
 * The shapes of answers (CONTRACT.md section 3, SCH-*). Every answer of every test is already
 * checked as it arrives (support/every-answer.ts), and a break seen there is charged to its SCH
 * rule; these tests assert each rule on their own, strictly, on the answers that carry the most (a
 * contact with every field and entries in both lists) and on a contact whose fields are cleared.
 */
import type { Api } from '../request-path/api';
import { ENTRY_LISTS } from '../support/contact';
import { CATEGORIES_OF, freeEntry } from '../support/forms';
import { rule } from '../support/rule-catalogue';
import { expect, test, type Contacts, type Forms } from '../support/test';
import { isAnswerTimestamp } from '../../schemas/formats';

/** A contact with every scalar field and a dated text answer in each list the target has a text form for. */
function richContact(contacts: Contacts, forms: Forms) {
  const entries = Object.fromEntries(
    ENTRY_LISTS.flatMap((list) => {
      const text = forms.catalogue.find(list, 'text');
      return text ? [[list, [freeEntry(text, 'Architect', '2024-07-17T11:34:42.195Z')]]] : [];
    }),
  );
  return contacts.everyField(entries);
}

/** Every string member named like a timestamp, anywhere in a body, with its path. */
function timestampsIn(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => timestampsIn(item, `${path}/${index}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const here = `${path}/${key}`;
    const named = /(^|_)(at|date|donedate|lastchange)$|At$|^birthdate$/.test(key);
    return named && member !== null && typeof member !== 'object'
      ? [[here, member] as [string, unknown]]
      : timestampsIn(member, here);
  });
}

test(
  'SCH-01 the answers to POST, PATCH and GET of a contact validate against the contact answer schema',
  rule('SCH-01'),
  async ({ api, contacts, forms }) => {
    const sent = richContact(contacts, forms);
    const { id, created } = await contacts.create(sent);
    const patched = await api.patchContact(id, sent);
    const read = await api.getContact(id);
    for (const [what, answer] of [
      ['POST', created],
      ['PATCH', patched],
      ['GET', read],
    ] as const) {
      await expect(answer, `SCH-01 the ${what} answer is the contact envelope`).toMatchSchema('contact-answer');
    }
  },
);

test(
  'SCH-01 the answers to a PATCH that clears every field but surname, and to the GET after it, validate against the contact answer schema',
  rule('SCH-01'),
  async ({ api, contacts, forms }) => {
    // Cleared fields are where shapes part: null, "", [], false, an address of cleared members (REP-02).
    const { id } = await contacts.create(richContact(contacts, forms));
    const patched = await api.patchContact(id, { surname: contacts.everyField().surname });
    const read = await api.getContact(id);
    for (const [what, answer] of [
      ['PATCH', patched],
      ['GET', read],
    ] as const) {
      await expect(answer, `SCH-01 the ${what} answer of a cleared contact is the contact envelope`).toMatchSchema(
        'contact-answer',
      );
    }
  },
);

for (const category of [...CATEGORIES_OF.custom_fields, ...CATEGORIES_OF.formdatas]) {
  test(
    `SCH-01 the forms answer for category ${category} validates against the form list schema`,
    rule('SCH-01'),
    async ({ api }) => {
      const answer = await api.listForms(category);
      expect(answer.status, `SCH-01 GET /v1/forms/type/${category} answers 200\n${answer.describe()}`).toBe(200);
      await expect(answer, `SCH-01 the forms answer for ${category} is the form list envelope`).toMatchSchema(
        'form-list',
      );
    },
  );
}

test(
  'SCH-02 every timestamp in a contact answer is UTC Z with 0 to 6 fractional digits',
  rule('SCH-02'),
  async ({ api, contacts, forms }) => {
    const sent = richContact(contacts, forms);
    const { id } = await contacts.create(sent);
    const patched = await api.patchContact(id, sent);
    const found = timestampsIn(patched.json);
    expect(
      found.length,
      `SCH-02 the answer carries timestamps (CreatedAt, UpdatedAt, birthdate, entry dates)\n${patched.describe()}`,
    ).toBeGreaterThanOrEqual(3);
    const malformed = found
      .filter(([, value]) => !isAnswerTimestamp(value))
      .map(([path, value]) => `${path}: ${JSON.stringify(value)}`);
    expect(malformed, `SCH-02 timestamps that are not UTC Z with 0-6 fractional digits\n${patched.describe()}`).toEqual(
      [],
    );
  },
);

// Each row provokes one 4xx status that a client meets.
const PROBLEMS = [
  {
    status: 401,
    what: 'a request without a token',
    send: ({ anonymousApi }: Fixtures, id: number) => anonymousApi.getContact(id),
  },
  {
    status: 404,
    what: 'a contact that does not exist',
    send: ({ api }: Fixtures) => api.getContact('9223372036854775807'),
  },
  {
    status: 400,
    what: 'a body that is not JSON',
    send: ({ api }: Fixtures, id: number) => api.send('PATCH', `contacts/${id}`, { rawBody: '{"data":' }),
  },
] as const;
type Fixtures = { api: Api; anonymousApi: Api };

for (const problem of PROBLEMS) {
  test(
    `SCH-03 the ${problem.status} answer to ${problem.what} is problem details whose status is ${problem.status}`,
    rule('SCH-03'),
    async ({ api, anonymousApi, contacts }) => {
      const { id } = await contacts.create();
      const answer = await problem.send({ api, anonymousApi }, id);
      await expect(answer, `SCH-03 ${problem.what} gets a problem body`).toBeProblem(problem.status);
    },
  );
}

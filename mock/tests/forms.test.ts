// Form discovery (`GET /v1/forms/type/{category}`) and the routing around it.

import type { APIRequestContext } from '@playwright/test';
import { expect, expectProblem, test } from './fixtures';

interface AnsweredForm {
  id: number;
  type: string;
  label: string;
  refvalues: { id: number; form_id: number; label?: string; value?: string }[];
  [member: string]: unknown;
}

const FORMDATAS_CATEGORIES = ['survey', 'consent', 'level_of_support', 'presence_status', 'tasks'] as const;
/** Section 2 "Form (discovery)", plus the optional members of Qomon's examples. */
const FORM_MEMBERS: readonly string[] = ['id', 'type', 'label', 'refvalues', 'section', 'order', 'mandatory'];
const IN_SCOPE_TYPES = ['text', 'numeric', 'date', 'radio', 'checkbox'] as const;

async function formsOf(api: APIRequestContext, category: string): Promise<AnsweredForm[]> {
  const response = await api.get(`/v1/forms/type/${category}`);
  expect(response.status(), `section 1: GET /v1/forms/type/${category} answers 200`).toBe(200);
  const body = (await response.json()) as { status: string; data: { forms: AnsweredForm[] } };
  expect(body.status, 'section 1: the forms envelope says "success"').toBe('success');
  return body.data.forms;
}

test('SCH-01 every form has the discovery shape: free input with one bare refvalue, options with label and value', async ({
  api,
}) => {
  for (const category of ['custom_fields', ...FORMDATAS_CATEGORIES]) {
    for (const form of await formsOf(api, category)) {
      const name = `form ${form.id} (${form.type})`;
      expect(
        Object.keys(form).filter((member) => !FORM_MEMBERS.includes(member)),
        `SCH-01 ${name} carries only the documented members`,
      ).toEqual([]);
      expect(
        [typeof form.id, typeof form.type, typeof form.label],
        `SCH-01 ${name} has an id, a type and a label`,
      ).toEqual(['number', 'string', 'string']);
      for (const refvalue of form.refvalues) {
        expect(refvalue.form_id, `SCH-01 a refvalue of ${name} names its form`).toBe(form.id);
      }
      if (form.type === 'radio' || form.type === 'checkbox') {
        expect(form.refvalues.length, `section 5: ${name} has at least 3 options`).toBeGreaterThanOrEqual(3);
        expect(
          form.refvalues.every((refvalue) => typeof refvalue.value === 'string' && typeof refvalue.label === 'string'),
          `section 2: each option of ${name} has a label and a value`,
        ).toBe(true);
      } else {
        expect(
          form.refvalues.map((refvalue) => Object.keys(refvalue).sort()),
          `section 2: ${name} has one refvalue without label or value`,
        ).toEqual([['form_id', 'id']]);
      }
    }
  }
});

test('section 5: both lists offer a text, numeric, date, radio and checkbox form, and a range form exists', async ({
  api,
}) => {
  const customFieldTypes = new Set((await formsOf(api, 'custom_fields')).map((form) => form.type));
  const formdatasTypes = new Set<string>();
  for (const category of FORMDATAS_CATEGORIES)
    for (const form of await formsOf(api, category)) formdatasTypes.add(form.type);

  for (const type of IN_SCOPE_TYPES) {
    expect(customFieldTypes.has(type), `section 5: custom_fields has a ${type} form`).toBe(true);
    expect(formdatasTypes.has(type), `section 5: formdatas has a ${type} form`).toBe(true);
  }
  expect(formdatasTypes.has('range'), 'section 2: an out-of-scope range form is there for the suite to ignore').toBe(
    true,
  );
});

test('the two spaces share no form id and no refvalue id', async ({ api, otherSpaceApi }) => {
  const idsOf = async (client: APIRequestContext): Promise<Set<number>> => {
    const ids = new Set<number>();
    for (const category of ['custom_fields', ...FORMDATAS_CATEGORIES]) {
      for (const form of await formsOf(client, category)) {
        ids.add(form.id);
        for (const refvalue of form.refvalues) ids.add(refvalue.id);
      }
    }
    return ids;
  };
  const spaceA = await idsOf(api);
  const spaceB = await idsOf(otherSpaceApi);

  expect(
    [...spaceA].filter((id) => spaceB.has(id)),
    'AUT-03 each space has its own forms',
  ).toEqual([]);
  expect(spaceA.has(12519), 'space 1 has the documented custom field 12519 "Job"').toBe(true);
});

test('an unknown form category is a 404 problem', async ({ api }) => {
  await expectProblem(await api.get('/v1/forms/type/consents'), 404, 'section 1');
});

test('an unknown route is a 404 problem, and a known route with another method a 405 with Allow', async ({ api }) => {
  await expectProblem(await api.get('/contacts/1/extra'), 404, 'section 1');
  await expectProblem(await api.get('/contacts/'), 404, 'section 1');

  const wrongMethod = await api.put('/contacts/1', { data: {} });
  await expectProblem(wrongMethod, 405, 'section 1');
  expect(wrongMethod.headers()['allow'], 'RFC 9110: a 405 lists the allowed methods').toBe('GET, HEAD, PATCH, DELETE');
  const listContacts = await api.get('/contacts');
  await expectProblem(listContacts, 405, 'section 1');
  expect(listContacts.headers()['allow'], 'RFC 9110: a 405 lists the allowed methods').toBe('POST');
});

test('a query string is ignored', async ({ api }) => {
  const forms = await api.get('/v1/forms/type/custom_fields?page=2&x=%ZZ');

  expect(forms.status(), 'the query does not change the route').toBe(200);
});

test('a path with bad percent-encoding is a 400 problem', async ({ api }) => {
  await expectProblem(await api.get('/contacts/%E0%A4%A'), 400, 'VAL-04');
});

/**
 * VAL-04: "No request, however malformed, is answered with a 5xx." Each row is a request a broken
 * client, a proxy or an attacker could send; every one must get an answer below 500 (a 4xx answer
 * is also checked for its problem body, SCH-03, as every answer is).
 */
import type { SendOptions } from '../request-path/api';
import { rule } from '../support/rule-catalogue';
import { expect, test } from '../support/test';

const MIB = 1024 * 1024;
const deeplyNested = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;

interface MalformedRequest {
  what: string;
  method?: string;
  /** Path below the API root; `{id}` stands for a contact of the test. */
  path?: string;
  options: (id: number) => SendOptions;
}

const MALFORMED: MalformedRequest[] = [
  {
    what: 'JSON nested 10,000 levels deep',
    options: () => ({ rawBody: `{"data":{"contact":{"firstname":${deeplyNested}}}}` }),
  },
  {
    what: 'a 2 MiB body',
    options: () => ({ rawBody: JSON.stringify({ data: { contact: { firstname: 'x'.repeat(2 * MIB) } } }) }),
  },
  {
    what: 'bytes that are not UTF-8',
    options: () => ({ rawBody: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) }),
  },
  { what: 'the JSON literal null', options: () => ({ rawBody: 'null' }) },
  { what: 'a JSON array', options: () => ({ rawBody: '[]' }) },
  { what: 'an empty body', options: () => ({ rawBody: '' }) },
  {
    what: 'a __proto__ key',
    options: () => ({ rawBody: '{"data":{"contact":{"__proto__":{"isAdmin":true},"surname":"x"}}}' }),
  },
  {
    what: 'integers far beyond int64 in an entry',
    options: () => ({
      body: { data: { contact: { formdatas: [{ form_id: 1e300, form_ref_id: 18446744073709551616, data: 'x' }] } } },
    }),
  },
  {
    what: 'an entry naming no form',
    options: () => ({ body: { data: { contact: { custom_fields: [{ form_id: 0, form_ref_id: 0, data: 'x' }] } } } }),
  },
  {
    what: 'a NUL character and unpaired surrogates in a string',
    options: () => ({ rawBody: '{"data":{"contact":{"firstname":"A\\u0000\\ud800\\udfff\\udc00"}}}' }),
  },
  {
    what: 'a text/plain content type',
    options: () => ({ rawBody: '{"data":{"contact":{}}}', headers: { 'Content-Type': 'text/plain' } }),
  },
  {
    what: 'a gzip content encoding on a plain body',
    options: () => ({ rawBody: '{"data":{"contact":{}}}', headers: { 'Content-Encoding': 'gzip' } }),
  },
  {
    what: 'a bad percent-encoding in the path',
    path: 'contacts/%E0%A4%A',
    options: () => ({ body: { data: { contact: {} } } }),
  },
  { what: 'an encoded NUL in the path', path: 'contacts/1%00', options: () => ({ body: { data: { contact: {} } } }) },
  { what: 'the method OPTIONS', method: 'OPTIONS', options: () => ({}) },
];

for (const request of MALFORMED) {
  test(`VAL-04 a PATCH with ${request.what} is not answered with a 5xx`, rule('VAL-04'), async ({ api, contacts }) => {
    const { id } = await contacts.create();
    const path = (request.path ?? 'contacts/{id}').replace('{id}', String(id));
    const answer = await api.send(request.method ?? 'PATCH', path, request.options(id));
    expect(answer.status, `VAL-04 ${request.what}: the answer is below 500\n${answer.describe()}`).toBeLessThan(500);
  });
}

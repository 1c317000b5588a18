// Generators of requests a careless or hostile client could send, for the robustness run (VAL-04).
// Two families: requests node:http can still send (odd methods, paths, headers, bodies, encodings),
// and raw bytes written on a socket (broken request lines, headers and framing).

import fc from 'fast-check';
import type { OutgoingHttpHeaders } from 'node:http';
import { DATE_OF_VISIT, JOB, LEVEL_OF_SUPPORT, everyFieldContact } from './payloads';

export interface GeneratedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer | undefined;
}

export interface Tokens {
  readonly space: string;
  readonly otherSpace: string;
  readonly rate: string;
}

const METHODS = [
  'GET',
  'POST',
  'PATCH',
  'DELETE',
  'PUT',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'PROPFIND',
  'PURGE',
  'FOO',
  'patch',
  'M-SEARCH',
];

// Path pieces: the routes' own words next to encodings and characters that break naive parsers.
const PATH_PIECES = [
  'contacts',
  'v1',
  'forms',
  'type',
  'custom_fields',
  'survey',
  '/',
  '//',
  '0',
  '1001',
  '1002',
  '-1',
  '1.5',
  '1e3',
  '9223372036854775807',
  '9223372036854775808',
  '99999999999999999999999999',
  'abc',
  '%',
  '%2',
  '%ZZ',
  '%00',
  '%2F',
  '%E0%A4%A',
  '%C3%A9',
  '..',
  '.',
  '~',
  ':',
  '@',
  '!',
  '$',
  "'",
  '(',
  '*',
  '+',
  ',',
  ';',
  '=',
  '?',
  '?a=1',
  '#x',
  'é',
  'ÿ',
  '\u00a0',
  '__proto__',
  'constructor',
];

export function pathArbitrary(): fc.Arbitrary<string> {
  const pieces = fc.array(fc.constantFrom(...PATH_PIECES), { maxLength: 8 }).map((parts) => `/${parts.join('')}`);
  const contactPaths = fc
    .oneof(
      { weight: 4, arbitrary: fc.constantFrom('1001', '1002', '1003', '0', '-0', '00001001') },
      { weight: 1, arbitrary: fc.integer().map(String) },
      { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String) },
      { weight: 1, arbitrary: fc.double().map(String) },
      { weight: 1, arbitrary: fc.constantFrom(...PATH_PIECES) },
    )
    .map((id) => `/contacts/${id}`);
  const formPaths = fc
    .oneof(
      fc.constantFrom('custom_fields', 'survey', 'consent', 'tasks', 'CUSTOM_FIELDS', 'range', ''),
      fc.constantFrom(...PATH_PIECES),
    )
    .map((category) => `/v1/forms/type/${category}`);
  return fc.oneof(
    { weight: 5, arbitrary: contactPaths },
    { weight: 3, arbitrary: fc.constant('/contacts') },
    { weight: 1, arbitrary: formPaths },
    { weight: 2, arbitrary: pieces },
  );
}

/** Method and path, weighted towards well-routed writes so that most bodies reach the rules. */
function targetArbitrary(): fc.Arbitrary<[string, string]> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constant('PATCH'), pathArbitrary()) },
    { weight: 3, arbitrary: fc.tuple(fc.constant('POST'), fc.constant('/contacts')) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...METHODS), pathArbitrary()) },
  );
}

function authorizationArbitrary(tokens: Tokens): fc.Arbitrary<string | string[] | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${tokens.space}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${tokens.otherSpace}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${tokens.rate}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `bearer ${tokens.space}`,
        'Bearer',
        'Bearer ',
        `Basic ${tokens.space}`,
        `Bearer ${tokens.space}=`,
        `Bearer\t${tokens.space}`,
        `Bearer ${tokens.space} ${tokens.space}`,
        [`Bearer ${tokens.space}`, `Bearer ${tokens.space}`],
        'Bearer ÿÿÿ',
      ),
    },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'text/plain',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'json',
  '',
  'application/json;;;',
  'APPLICATION/JSON',
];

/** A header value node:http will send: tab, printable ASCII and Latin-1, no CR, LF or NUL. */
const headerValue = fc.string({ unit: fc.constantFrom(...'\tab 09;=,"\\/:%é\u00ffxyz'.split('')), maxLength: 40 });

function extraHeadersArbitrary(): fc.Arbitrary<Record<string, string | string[]>> {
  const name = fc.constantFrom(
    'X-Custom',
    'Accept',
    'Accept-Encoding',
    'Content-Encoding',
    'Expect',
    'Connection',
    'If-Match',
    'Range',
    'Cookie',
    'Origin',
    'X-Forwarded-For',
    'Upgrade',
    'Content-Language',
    'Transfer-Encoding',
    '__proto__',
    'constructor',
  );
  return fc
    .dictionary(name, fc.oneof(headerValue, fc.array(headerValue, { minLength: 2, maxLength: 3 })), { maxKeys: 3 })
    .map((headers) => {
      // Framing headers node cannot honour would make the client itself throw or hang.
      const safe: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(headers)) {
        if (key === 'Transfer-Encoding') safe[key] = 'chunked';
        else if (key === 'Expect') safe[key] = '100-continue';
        else if (key === 'Connection') safe[key] = 'close';
        else safe[key] = value;
      }
      return safe;
    });
}

/** JSON values in and around the contact shape, and things that are not JSON at all. */
function bodyTextArbitrary(): fc.Arbitrary<string> {
  const valid = everyFieldContact();
  const fieldNames = [...Object.keys(valid), 'id', 'gender', '__proto__', 'constructor', 'customfields'];
  const mutated = fc
    .tuple(fc.constantFrom(...fieldNames), fc.jsonValue({ maxDepth: 3 }))
    .map(([field, value]) => JSON.stringify({ data: { contact: { ...valid, [field]: value } } }));
  const entry = fc.record(
    {
      form_id: fc.oneof(
        fc.constantFrom(JOB.form_id, LEVEL_OF_SUPPORT.form_id, DATE_OF_VISIT.form_id, 112519),
        fc.integer(),
        fc.jsonValue(),
      ),
      form_ref_id: fc.oneof(fc.constantFrom(JOB.form_ref_id, 17866, 19504, 119491), fc.integer(), fc.jsonValue()),
      data: fc.oneof(
        fc.constantFrom('citizen', '3', '2024-02-29T00:00:00.000Z', '2024-02-30T00:00:00.000Z'),
        fc.string(),
        fc.jsonValue(),
      ),
      date: fc.oneof(
        fc.constantFrom('2024-07-17T11:34:42.195Z', '2024-13-01T00:00:00Z', '1955-07-06T00:00:00Z'),
        fc.string(),
      ),
      survey_id: fc.oneof(fc.integer(), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );
  const entries = fc
    .record(
      { formdatas: fc.array(entry, { maxLength: 4 }), custom_fields: fc.array(entry, { maxLength: 4 }) },
      { requiredKeys: [] },
    )
    .map((contact) => JSON.stringify({ data: { contact } }));
  const nested = fc.integer({ min: 1, max: 5000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);
  const unbalanced = fc.integer({ min: 1, max: 5000 }).map((depth) => '{"data":'.repeat(depth));
  const hugeNumbers = fc.constantFrom(
    '{"data":{"contact":{"age_category":1e400}}}',
    '{"data":{"contact":{"age_category":-0}}}',
    '{"data":{"contact":{"user_contact_id":9007199254740993}}}',
    '{"data":{"contact":{"action_ids":[1e21]}}}',
    '{"__proto__":{"data":{"contact":{}}}}',
    '{"data":{"contact":{"__proto__":{"isAdmin":true}}}}',
    '{"data":{"contact":{"firstname":"\\ud800"}}}',
    '\ufeff{"data":{"contact":{}}}',
    '{"data":{"contact":{}}} trailing',
  );
  return fc.oneof(
    { weight: 3, arbitrary: mutated },
    { weight: 3, arbitrary: entries },
    { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((contact) => JSON.stringify({ data: { contact } })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: nested },
    { weight: 1, arbitrary: unbalanced },
    { weight: 1, arbitrary: hugeNumbers },
  );
}

function bodyArbitrary(): fc.Arbitrary<Buffer | undefined> {
  const encoded = fc
    .tuple(bodyTextArbitrary(), fc.constantFrom<BufferEncoding>('utf8', 'utf8', 'utf8', 'latin1', 'utf16le'))
    .map(([text, encoding]) => Buffer.from(text, encoding));
  const bytes = fc.uint8Array({ maxLength: 512 }).map((array) => Buffer.from(array));
  return fc.oneof(
    { weight: 6, arbitrary: encoded },
    { weight: 1, arbitrary: bytes },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

export function httpRequestArbitrary(tokens: Tokens): fc.Arbitrary<GeneratedRequest> {
  return fc
    .record({
      target: targetArbitrary(),
      authorization: authorizationArbitrary(tokens),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constant<string[]>(['application/json', 'text/plain']) },
      ),
      extra: extraHeadersArbitrary(),
      body: bodyArbitrary(),
    })
    .map(({ target: [method, path], authorization, contentType, extra, body }) => {
      const headers: OutgoingHttpHeaders = { ...extra };
      if (authorization !== undefined) headers['Authorization'] = authorization;
      if (contentType !== undefined) headers['Content-Type'] = contentType;
      // node:http sends a HEAD body unframed: the server would rightly read it as a second request.
      return { method, path, headers, body: method === 'HEAD' ? undefined : body };
    });
}

/** Raw request bytes: broken request lines, header syntax and framing that node:http would refuse to send. */
export function rawRequestArbitrary(tokens: Tokens): fc.Arbitrary<Buffer> {
  const auth = `Authorization: Bearer ${tokens.space}\r\n`;
  const body = '{"data":{"contact":{"firstname":"x"}}}';
  const json = 'Content-Type: application/json\r\n';
  const framed = (head: string, payload = ''): string =>
    `${head}\r\nHost: 127.0.0.1\r\n${auth}${json}Content-Length: ${Buffer.byteLength(payload, 'latin1')}\r\nConnection: close\r\n\r\n${payload}`;
  const requestLine = fc.oneof(
    fc.constantFrom(
      'GET /contacts/1001 HTTP/1.1',
      'GET /contacts/1001 HTTP/1.0',
      'GET /contacts/1001 HTTP/2.0',
      'GET /contacts/1001 HTTP/9.9',
      'GET /contacts/1001',
      'GET  /contacts/1001 HTTP/1.1',
      'GET http://127.0.0.1/contacts/1001 HTTP/1.1',
      'OPTIONS * HTTP/1.1',
      'GET contacts/1001 HTTP/1.1',
      'GET /contacts/\u00e9 HTTP/1.1',
      'GET /contacts/%ZZ HTTP/1.1',
      'PATCH /contacts/1001 HTTP/1.1',
      'GET /contacts/1001 http/1.1',
      '/contacts/1001 HTTP/1.1',
      'GET /con tacts HTTP/1.1',
      'G\u0000T / HTTP/1.1',
      'CONNECT 127.0.0.1:80 HTTP/1.1',
      'GET /v1/forms/type/survey HTTP/1.1',
      'BREW /pot HTTP/1.1',
    ),
    fc.string({ maxLength: 60 }).map((text) => text.replace(/[\r\n]/g, '')),
  );
  const simple = fc.tuple(requestLine, fc.constantFrom('', body)).map(([line, payload]) => framed(line, payload));
  const brokenHeaders = fc
    .constantFrom(
      'X-No-Colon\r\n',
      'X-Folded: a\r\n b\r\n',
      'X Space: a\r\n',
      ': empty-name\r\n',
      'X-Nul: a\u0000b\r\n',
      'X-Bare-Lf: a\n',
      'Content-Length: 5\r\nContent-Length: 6\r\n',
      'Content-Length: -1\r\n',
      'Content-Length: abc\r\n',
      'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n',
      'Transfer-Encoding: gzip\r\n',
      `X-Huge: ${'a'.repeat(20_000)}\r\n`,
      'Host: a\r\nHost: b\r\n',
      'Content-Type: application/json\r\nContent-Type: text/plain\r\n',
    )
    .map((header) => `PATCH /contacts/1001 HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}${header}Connection: close\r\n\r\n`);
  const brokenChunks = fc
    .constantFrom(
      'zz\r\nabc\r\n0\r\n\r\n',
      '3\r\nabcdef\r\n0\r\n\r\n',
      '-1\r\n\r\n',
      'ffffffffffffffffff\r\nx\r\n0\r\n\r\n',
      '0\r\n\r\n',
      `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    )
    .map(
      (chunks) =>
        `PATCH /contacts/1001 HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}${json}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}`,
    );
  const garbage = fc
    .uint8Array({ minLength: 1, maxLength: 300 })
    .map((bytes) => Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]).toString('latin1'));
  return fc.oneof(simple, brokenHeaders, brokenChunks, garbage).map((text) => Buffer.from(text, 'latin1'));
}

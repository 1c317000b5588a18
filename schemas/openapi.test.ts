/**
 * schemas/openapi.json: a valid OpenAPI 3.1 document of the five routes of CONTRACT.md section 1,
 * whose component schemas are the schema files of this folder (by relative $ref), so that Prism,
 * Schemathesis or Postman loading it from schemas/ validate with exactly what the suite uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { schemaFiles, schemaFor, schemaNames } from './registry';

const OPENAPI_FILE = path.join(__dirname, 'openapi.json');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** RAT-01: PATCH /contacts/{contactId} and POST /contacts each cost this many rate-limit tokens (documented). */
const DOCUMENTED_WRITE_COST_TOKENS = 5;
/** The embedded mock's address in the document's servers. */
const MOCK_SERVER_URL = 'http://127.0.0.1:8787';

type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, Json>;
  description?: string;
}

/** A fresh parse each time: the validator writes into the document it is given. */
function loadDocument(): Json {
  return JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Json;
}

function componentSchemas(document: Json): Record<string, Json> {
  return ((document.components as Json).schemas ?? {}) as Record<string, Json>;
}

function operations(document: Json): Array<{ route: string; method: string; operation: Operation }> {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([route, item]) =>
    HTTP_METHODS.filter((method) => method in item).map((method) => ({
      route,
      method,
      operation: item[method] as Operation,
    })),
  );
}

/** Follows a local `#/components/...` reference inside the document. */
function resolveLocal(document: Json, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((at, key) => at[key] as Json, document);
}

const fileOf = (ref: string): string => ref.split('#')[0] ?? '';
const schemaFileNames = new Set(Object.values(schemaFiles).map((file) => path.basename(file)));

test('SCH-01 openapi.json is a valid OpenAPI 3.1 document once its schema files are added', async () => {
  const validator = new Validator();
  // The validator resolves external $refs only among documents added under their URI; the
  // document refers to each file by its name, relative to schemas/, so that name is the URI.
  for (const name of schemaNames) await validator.addSpecRef(schemaFor(name), path.basename(schemaFiles[name]));
  const result = await validator.validate(loadDocument());
  expect(
    result.errors ?? [],
    `SCH-01 openapi.json must validate against the OpenAPI 3.1 schema, with every $ref resolved:\n${JSON.stringify(result.errors, null, 2)}`,
  ).toEqual([]);
  expect(result.valid, 'SCH-01 openapi.json must be reported valid').toBe(true);
  expect(validator.version, 'SCH-01 openapi.json must be an OpenAPI 3.1 document').toBe('3.1');
});

test('SCH-01 every component schema is a $ref to a schema file of schemas/', () => {
  const notFileRefs = Object.entries(componentSchemas(loadDocument()))
    .filter(([, schema]) => Object.keys(schema).join() !== '$ref' || !schemaFileNames.has(fileOf(String(schema.$ref))))
    .map(([name, schema]) => `${name}: ${JSON.stringify(schema)}`);
  expect(
    notFileRefs,
    `SCH-01 a component schema must be only {"$ref": "<file>.schema.json[#pointer]"} naming a file of schemas/, not a copy:\n${notFileRefs.join('\n')}`,
  ).toEqual([]);
});

test('SCH-01 every fragment of a component $ref points at a subschema of its file', () => {
  const dangling = Object.entries(componentSchemas(loadDocument()))
    .map(([name, schema]) => [name, String(schema.$ref)] as const)
    .filter(([, ref]) => ref.includes('#'))
    .filter(([, ref]) => {
      const [file, pointer = ''] = ref.split('#');
      const name = path.basename(file ?? '', '.schema.json') as (typeof schemaNames)[number];
      const target = pointer
        .split('/')
        .slice(1)
        .reduce<unknown>((at, key) => (at as Json | undefined)?.[key], schemaFor(name));
      return typeof target !== 'object' || target === null;
    })
    .map(([name, ref]) => `${name}: ${ref}`);
  expect(dangling, `SCH-01 these component $refs point at nothing:\n${dangling.join('\n')}`).toEqual([]);
});

test('SCH-01 every schema file is used by a component of openapi.json', () => {
  const referenced = new Set(
    Object.values(componentSchemas(loadDocument())).map((schema) => fileOf(String(schema.$ref))),
  );
  const unused = [...schemaFileNames].filter((file) => !referenced.has(file));
  expect(
    unused,
    `SCH-01 every schemas/*.schema.json (the cases meta-schema aside) must be a component of openapi.json; missing: ${unused.join(', ')}`,
  ).toEqual([]);
});

test('SCH-01 openapi.json describes exactly the five routes of CONTRACT.md section 1', () => {
  const routes = operations(loadDocument())
    .map(({ route, method }) => `${method.toUpperCase()} ${route}`)
    .sort();
  expect(routes, 'SCH-01 the document must cover the routes a run uses, and only those').toEqual(
    [
      'DELETE /contacts/{contactId}',
      'GET /contacts/{contactId}',
      'GET /v1/forms/type/{category}',
      'PATCH /contacts/{contactId}',
      'POST /contacts',
    ].sort(),
  );
});

test('PTH-01 contactId is an integer >= 0 within int64', () => {
  const document = loadDocument();
  const parameter = resolveLocal(document, ((document.components as Json).parameters as Json).contactId as Json);
  expect(parameter.schema, 'PTH-01 contactId must be declared as a non-negative int64').toEqual({
    type: 'integer',
    format: 'int64',
    minimum: 0,
  });
});

test('AUT-01 every route requires a bearer token', () => {
  const document = loadDocument();
  const schemes = (document.components as Json).securitySchemes as Record<string, Json>;
  expect(schemes.bearerAuth, 'AUT-01 the security scheme must be HTTP bearer').toMatchObject({
    type: 'http',
    scheme: 'bearer',
  });
  expect(document.security, 'AUT-01 bearer authentication must apply to every route').toEqual([{ bearerAuth: [] }]);
  const unauthenticated = operations(document).filter(({ operation }) => !('401' in operation.responses));
  expect(
    unauthenticated.map(({ method, route }) => `${method} ${route}`),
    'AUT-01 every route must document its 401',
  ).toEqual([]);
});

test('SCH-03 every 4xx answer of openapi.json is a problem-details body', () => {
  const document = loadDocument();
  const notProblems = operations(document).flatMap(({ route, method, operation }) =>
    Object.entries(operation.responses)
      .filter(([status]) => status.startsWith('4'))
      .filter(([, response]) => {
        const content = (resolveLocal(document, response).content ?? {}) as Record<string, Json>;
        const problemJson = content['application/problem+json']?.schema as Json | undefined;
        return problemJson === undefined || resolveLocal(document, problemJson).$ref !== 'problem.schema.json';
      })
      .map(([status]) => `${method.toUpperCase()} ${route} ${status}`),
  );
  expect(
    notProblems,
    `SCH-03 these 4xx answers lack an application/problem+json body of problem.schema.json:\n${notProblems.join('\n')}`,
  ).toEqual([]);
});

test('RAT-02 a 429 answer documents Retry-After', () => {
  const document = loadDocument();
  const without = operations(document)
    .filter(({ operation }) => {
      const tooMany = operation.responses['429'];
      return tooMany === undefined || !('Retry-After' in ((resolveLocal(document, tooMany).headers ?? {}) as Json));
    })
    .map(({ method, route }) => `${method.toUpperCase()} ${route}`);
  expect(without, 'RAT-02 every route must document a 429 with Retry-After').toEqual([]);
});

test('RAT-01 PATCH and POST state their cost of 5 rate-limit tokens', () => {
  const costly = operations(loadDocument()).filter(({ method }) => method === 'patch' || method === 'post');
  for (const { method, route, operation } of costly) {
    expect(
      operation.description ?? '',
      `RAT-01 ${method.toUpperCase()} ${route} must state its documented cost`,
    ).toContain(`${DOCUMENTED_WRITE_COST_TOKENS} rate-limit tokens`);
  }
});

test('SCH-01 the servers name the embedded mock and say how live targets are chosen', () => {
  const servers = loadDocument().servers as Json[];
  expect(
    servers.map((server) => server.url),
    'SCH-01 the mock must be the listed server',
  ).toEqual([MOCK_SERVER_URL]);
  expect(
    String(servers[0]?.description),
    'SCH-01 the server entry must say live targets are configured (QOMON_BASE_URL)',
  ).toContain('QOMON_BASE_URL');
});

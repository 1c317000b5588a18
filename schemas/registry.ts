/**
 * The project's only ajv instance. Every schemas/*.schema.json is read, added and compiled once,
 * when this module loads; afterwards schemas are looked up by `$id`, never compiled per call.
 * Strict mode is on so that a schema mistake (an unknown keyword, an object without `type`) fails
 * at load instead of silently accepting everything.
 *
 * `verbose: true` makes ajv attach the failing schema object to each error. ajv's own schemaPath
 * loses the file when a `$ref` is compiled as a separate function (`#/properties/UpdatedAt/format`
 * with no hint that it is contact.schema.json); looking the object up in an index of every
 * subschema gives the exact `<file>#<pointer>` instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { AnyValidateFunction, ErrorObject } from 'ajv/dist/core';
import addFormats from 'ajv-formats';
import { addCustomFormats, ANSWER_TIMESTAMP_FORMAT, INPUT_TIMESTAMP_FORMAT, type CustomFormatName } from './formats';

/** Every schema's `$id` is this base plus its file name, so relative `$ref`s resolve between files. */
export const SCHEMA_ID_BASE = 'https://qomon-conformance.test/schemas/';
const SCHEMA_SUFFIX = '.schema.json';

/** The schemas, by file base name. The directory must hold exactly these files (checked at load). */
export const schemaNames = [
  'contact-request',
  'contact-answer',
  'contact',
  'entry',
  'entry-request',
  'address',
  'address-request',
  'tag',
  'tag-request',
  'form-list',
  'form',
  'problem',
  'timestamp',
] as const;
export type SchemaName = (typeof schemaNames)[number];

/** One failed check of an instance against a schema. */
export interface Violation {
  /** JSON pointer (ajv's instancePath) of the failing value; '' is the instance itself. */
  path: string;
  message: string;
  /** The value at `path`. */
  value: unknown;
  /** `<file>#<pointer>` of the failing keyword, e.g. `contact.schema.json#/properties/UpdatedAt/format`. */
  schemaPath: string;
}

/** name → absolute path of its file (for tools that load the files themselves, e.g. the OpenAPI test). */
export const schemaFiles: Readonly<Record<SchemaName, string>> = Object.fromEntries(
  schemaNames.map((name) => [name, path.join(__dirname, `${name}${SCHEMA_SUFFIX}`)]),
) as Record<SchemaName, string>;

/** The meta-schema that every schemas/cases/*.cases.json must satisfy. */
export const casesSchemaFile = path.join(__dirname, 'cases', `cases${SCHEMA_SUFFIX}`);
const CASES_SCHEMA_ID = `${SCHEMA_ID_BASE}cases/cases${SCHEMA_SUFFIX}`;

/** Where each custom format's schema lives inside timestamp.schema.json. */
const FORMAT_SCHEMA_IDS: Readonly<Record<CustomFormatName, string>> = {
  [ANSWER_TIMESTAMP_FORMAT]: `${SCHEMA_ID_BASE}timestamp${SCHEMA_SUFFIX}#/$defs/answer`,
  [INPUT_TIMESTAMP_FORMAT]: `${SCHEMA_ID_BASE}timestamp${SCHEMA_SUFFIX}#/$defs/input`,
};

/** Longest JSON rendering of a value in a formatted violation. */
const VALUE_PREVIEW_MAX_CHARS = 80;

const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
addFormats(ajv);
addCustomFormats(ajv);

function readSchemaFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`schema file ${file} is not readable JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`schema file ${file} must hold a JSON object`);
  }
  const expectedId = SCHEMA_ID_BASE + path.relative(__dirname, file).split(path.sep).join('/');
  const schema = parsed as Record<string, unknown>;
  if (schema.$id !== expectedId) {
    throw new Error(`schema file ${file} must have "$id": "${expectedId}" (has ${JSON.stringify(schema.$id)})`);
  }
  return schema;
}

function assertDirectoryMatchesNames(): void {
  const onDisk = readdirSync(__dirname)
    .filter((file) => file.endsWith(SCHEMA_SUFFIX))
    .sort();
  const expected = schemaNames.map((name) => `${name}${SCHEMA_SUFFIX}`).sort();
  if (onDisk.join('\n') !== expected.join('\n')) {
    throw new Error(
      `schemas/ must hold exactly the schemas named in registry.ts schemaNames.\n` +
        `  on disk:  ${onDisk.join(', ')}\n  expected: ${expected.join(', ')}`,
    );
  }
}

function compileById(id: string, file: string): AnyValidateFunction {
  let validator: AnyValidateFunction | undefined;
  try {
    validator = ajv.getSchema(id);
  } catch (error) {
    throw new Error(`schema ${file} does not compile in strict mode: ${(error as Error).message}`);
  }
  if (validator === undefined) throw new Error(`no schema with $id ${id} (from ${file})`);
  return validator;
}

/** Encodes one JSON-pointer segment (RFC 6901). */
function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every object inside the loaded schemas → `<file>#<pointer>`, to name the keyword that failed. */
const schemaLocations = new WeakMap<object, string>();

function indexSchemaLocations(node: unknown, location: string): void {
  if (typeof node !== 'object' || node === null) return;
  schemaLocations.set(node, location);
  for (const [key, child] of Object.entries(node)) {
    indexSchemaLocations(child, `${location}/${escapePointerSegment(key)}`);
  }
}

function locationOf(file: string): string {
  return `${path.relative(__dirname, file).split(path.sep).join('/')}#`;
}

// Load: add every file first (so cross-file $refs resolve in any order), then compile each once.
assertDirectoryMatchesNames();
const rawSchemas = new Map<SchemaName, Record<string, unknown>>();
for (const name of schemaNames) {
  const schema = readSchemaFile(schemaFiles[name]);
  rawSchemas.set(name, schema);
  indexSchemaLocations(schema, locationOf(schemaFiles[name]));
  ajv.addSchema(schema);
}
const casesSchema = readSchemaFile(casesSchemaFile);
indexSchemaLocations(casesSchema, locationOf(casesSchemaFile));
ajv.addSchema(casesSchema);

const validators = new Map<SchemaName, AnyValidateFunction>(
  schemaNames.map((name) => [name, compileById(`${SCHEMA_ID_BASE}${name}${SCHEMA_SUFFIX}`, schemaFiles[name])]),
);
const formatValidators = new Map<CustomFormatName, AnyValidateFunction>(
  (Object.entries(FORMAT_SCHEMA_IDS) as [CustomFormatName, string][]).map(([format, id]) => [
    format,
    compileById(id, schemaFiles.timestamp),
  ]),
);
const validateCasesFile = compileById(CASES_SCHEMA_ID, casesSchemaFile);

/** `<file>#<pointer to the keyword>`; ajv's schemaPath only as a fallback (it may omit the file). */
function schemaPathOf(error: ErrorObject): string {
  const parent = error.parentSchema;
  const location = typeof parent === 'object' && parent !== null ? schemaLocations.get(parent) : undefined;
  return location === undefined ? error.schemaPath : `${location}/${escapePointerSegment(error.keyword)}`;
}

/** ajv's message, made to name what it is about where ajv leaves that out. */
function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `must have required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `must NOT have additional property "${String(params.additionalProperty)}"`;
    case 'type':
      return `must be ${String(params.type).split(',').join(' or ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function toViolation(error: ErrorObject): Violation {
  return {
    path: error.instancePath,
    message: messageOf(error),
    value: error.data, // verbose mode: the value at instancePath
    schemaPath: schemaPathOf(error),
  };
}

function run(validator: AnyValidateFunction, data: unknown): Violation[] {
  // Every schema here is synchronous (no $async), so the result is a boolean.
  return validator(data) ? [] : (validator.errors ?? []).map(toViolation);
}

/** Validates `data` against the named schema; an empty list means valid. */
export function validate(name: SchemaName, data: unknown): Violation[] {
  const validator = validators.get(name);
  if (validator === undefined) throw new Error(`unknown schema name ${JSON.stringify(name)}`);
  return run(validator, data);
}

/** Validates `data` against one custom format (a string of that format), through the same ajv instance. */
export function validateFormat(format: CustomFormatName, data: unknown): Violation[] {
  const validator = formatValidators.get(format);
  if (validator === undefined) throw new Error(`unknown format ${JSON.stringify(format)}`);
  return run(validator, data);
}

/** Validates the parsed content of a schemas/cases/*.cases.json file against cases/cases.schema.json. */
export function validateCaseFile(data: unknown): Violation[] {
  return run(validateCasesFile, data);
}

function preview(value: unknown): string {
  const json = value === undefined ? 'undefined' : JSON.stringify(value);
  return json.length > VALUE_PREVIEW_MAX_CHARS ? `${json.slice(0, VALUE_PREVIEW_MAX_CHARS - 1)}…` : json;
}

/** One line per violation: `<path>: <message> (got <value>) [<schemaPath>]`; '' for none. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => `${v.path === '' ? '(root)' : v.path}: ${v.message} (got ${preview(v.value)}) [${v.schemaPath}]`)
    .join('\n');
}

/** The raw schema of `name`, as a deep copy (callers may hand it to tools that mutate it). */
export function schemaFor(name: SchemaName): Record<string, unknown> {
  const schema = rawSchemas.get(name);
  if (schema === undefined) throw new Error(`unknown schema name ${JSON.stringify(name)}`);
  return structuredClone(schema);
}

/**
 * Unit tests of the schema layer: the case files (valid and invalid instances, as data), the
 * failure output the suite's matchers print, the microsecond comparison of DAT-02, and the
 * hygiene of the schema files themselves. No server, no network.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadCaseFiles, violationsFor } from './cases';
import {
  ANSWER_FRACTION_DIGITS_MAX,
  compareInstants,
  customFormats,
  INPUT_FRACTION_DIGITS,
  isAnswerTimestamp,
  isInputTimestamp,
  sameInstant,
  toEpochMicroseconds,
  type CustomFormatName,
} from './formats';
import {
  casesSchemaFile,
  formatViolations,
  SCHEMA_ID_BASE,
  schemaFiles,
  schemaFor,
  schemaNames,
  validate,
} from './registry';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const RULE_ID = /\b[A-Z]{3}-\d{2}\b/;
const FORMAT_PREFIX = 'format:';

/** The smallest contact answer that is valid; tests change one field of it. */
const VALID_ANSWER = {
  status: 'success',
  data: {
    contact: {
      id: 12345678,
      group_id: 1,
      CreatedAt: '2022-10-13T15:50:34.643724Z',
      UpdatedAt: '2022-10-13T15:55:12.853724Z',
    },
  },
};

function answerWith(field: string, value: unknown): unknown {
  return { ...VALID_ANSWER, data: { contact: { ...VALID_ANSWER.data.contact, [field]: value } } };
}

// ---------------------------------------------------------------------------------------------
// The case files: one test per group, one step per instance, titled
// "<schema>: <what the instance is> is (in)valid". Loading validates every file against
// cases/cases.schema.json; a malformed file stops here, with its name, before any test runs.
// Soft expectations: a group reports every instance that disagrees, not only the first.
// ---------------------------------------------------------------------------------------------

for (const { file, groups } of loadCaseFiles()) {
  test.describe(file, () => {
    for (const group of groups) {
      test(`${group.rule} ${group.schema}: ${group.description}`, async () => {
        for (const instance of group.tests) {
          const claim = `${group.rule} ${group.schema}: ${instance.description}`;
          await test.step(`${group.schema}: ${instance.description}`, () => {
            const violations = violationsFor(group.schema, instance.data);
            if (instance.valid) {
              expect.soft(violations, `${claim}, but the schema reports:\n${formatViolations(violations)}`).toEqual([]);
            } else {
              expect
                .soft(violations.length, `${claim}, but the schema accepts ${JSON.stringify(instance.data)}`)
                .toBeGreaterThan(0);
            }
            if (group.schema.startsWith(FORMAT_PREFIX)) {
              const format = group.schema.slice(FORMAT_PREFIX.length) as CustomFormatName;
              expect
                .soft(
                  customFormats[format](instance.data as string),
                  `${claim}, and the exported ${format} check must say so too`,
                )
                .toBe(instance.valid);
            }
          });
        }
      });
    }
  });
}

test('the case files hold at least 80 instances, valid and invalid ones', () => {
  const instances = loadCaseFiles().flatMap(({ groups }) => groups.flatMap((group) => group.tests));
  const MINIMUM_INSTANCES = 80; // issue #3 asks for at least this many
  expect(
    instances.length,
    `SCH-01 the case files must hold at least ${MINIMUM_INSTANCES} instances`,
  ).toBeGreaterThanOrEqual(MINIMUM_INSTANCES);
  expect(
    instances.filter((i) => i.valid).length,
    'SCH-01 the case files must hold valid instances (positive controls)',
  ).toBeGreaterThan(0);
  expect(instances.filter((i) => !i.valid).length, 'SCH-01 the case files must hold invalid instances').toBeGreaterThan(
    0,
  );
});

test('a malformed case file fails loudly, naming the file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cases-'));
  const misspelt = [
    {
      description: 'g',
      rule: 'SCH-01',
      schema: 'contact',
      tests: [{ description: 'x is valid', data: {}, vaild: true }],
    },
  ];
  writeFileSync(path.join(dir, 'misspelt.cases.json'), JSON.stringify(misspelt));
  expect(() => loadCaseFiles(dir), 'SCH-01 a case file with a misspelt key must be rejected with its name').toThrow(
    /misspelt\.cases\.json[\s\S]*additional property "vaild"/,
  );

  const flipped = [
    {
      description: 'g',
      rule: 'SCH-01',
      schema: 'contact',
      tests: [{ description: 'x is invalid', data: {}, valid: true }],
    },
  ];
  writeFileSync(path.join(dir, 'misspelt.cases.json'), JSON.stringify(flipped));
  expect(() => loadCaseFiles(dir), 'SCH-01 a case whose sentence contradicts its valid flag must be rejected').toThrow(
    /misspelt\.cases\.json[\s\S]*disagrees/,
  );

  writeFileSync(path.join(dir, 'misspelt.cases.json'), '[{');
  expect(() => loadCaseFiles(dir), 'SCH-01 a case file that is not JSON must be rejected with its name').toThrow(
    /misspelt\.cases\.json is not readable JSON/,
  );
});

test("the case meta-schema's list of targets is the registry's schemas plus the two formats", () => {
  const casesSchema = JSON.parse(readFileSync(casesSchemaFile, 'utf8')) as {
    items: { properties: { schema: { enum: string[] } } };
  };
  const expected = [...schemaNames, ...Object.keys(customFormats).map((format) => `${FORMAT_PREFIX}${format}`)];
  expect(
    [...casesSchema.items.properties.schema.enum].sort(),
    'SCH-01 cases.schema.json must list exactly the schema names and formats the registry knows',
  ).toEqual(expected.sort());
});

// ---------------------------------------------------------------------------------------------
// What a failing answer prints: path, message, received value, schema location.
// ---------------------------------------------------------------------------------------------

test('SCH-02 a 7-digit UpdatedAt fails with one line naming /data/contact/UpdatedAt', () => {
  const violations = validate('contact-answer', answerWith('UpdatedAt', '2022-10-13T15:50:34.6437241Z'));
  expect(
    formatViolations(violations),
    'SCH-02 the violation must name the path, the format, the value and the schema keyword',
  ).toBe(
    '/data/contact/UpdatedAt: must match format "answer-timestamp" (got "2022-10-13T15:50:34.6437241Z") [contact.schema.json#/properties/UpdatedAt/format]',
  );
});

test('SCH-02 a +00:00 UpdatedAt fails with a violation at /data/contact/UpdatedAt', () => {
  const violations = validate('contact-answer', answerWith('UpdatedAt', '2022-10-13T15:50:34.643724+00:00'));
  expect(
    violations.map((v) => v.path),
    'SCH-02 an offset instead of Z must be reported at the field that carries it',
  ).toEqual(['/data/contact/UpdatedAt']);
  expect(violations[0]?.value, 'SCH-02 the violation must carry the value received').toBe(
    '2022-10-13T15:50:34.643724+00:00',
  );
});

test('SCH-02 a bad timestamp inside an entry names the entry file and the index', () => {
  const entry = { id: 1, form_id: 2, form_ref_id: 3, data: 'x', date: '2024-07-17 11:34:42.195Z' };
  const violations = validate('contact-answer', answerWith('custom_fields', [entry]));
  expect(formatViolations(violations), 'SCH-02 the line must point into entry.schema.json at the date').toBe(
    '/data/contact/custom_fields/0/date: must match format "answer-timestamp" (got "2024-07-17 11:34:42.195Z") [entry.schema.json#/properties/date/format]',
  );
});

test('SCH-01 a missing required property is named in the message', () => {
  const { id: _id, ...withoutId } = VALID_ANSWER.data.contact;
  const violations = validate('contact-answer', { data: { contact: withoutId } });
  expect(
    violations.map((v) => `${v.path} ${v.message}`),
    'SCH-01 the message must say which property is missing',
  ).toEqual(['/data/contact must have required property "id"']);
});

test('SCH-01 an extra property in a request body is named in the message', () => {
  const violations = validate('contact-request', { data: { contact: { customfields: [] } } });
  expect(
    violations.map((v) => `${v.path} ${v.message} ${v.schemaPath}`),
    'SCH-01 the message must name the property that is not allowed',
  ).toEqual([
    '/data/contact must NOT have additional property "customfields" contact-request.schema.json#/$defs/contact/additionalProperties',
  ]);
});

test('SCH-03 formatViolations writes (root) for the instance itself and shortens long values', () => {
  const violations = validate('problem', { status: 404, title: 'x'.repeat(200) });
  const line = formatViolations(violations);
  expect(line, 'SCH-03 a violation of the whole instance must read "(root)"').toMatch(
    /^\(root\): must have required property "detail" \(got /,
  );
  const value = /\(got (.*)\) \[/.exec(line)?.[1] ?? '';
  const VALUE_PREVIEW_MAX_CHARS = 80;
  expect(value.length, 'SCH-03 the value shown must be cut to about 80 characters').toBeLessThanOrEqual(
    VALUE_PREVIEW_MAX_CHARS,
  );
  expect(formatViolations([]), 'SCH-03 no violation formats as an empty string').toBe('');
});

test('SCH-01 schemaFor returns a copy, so a caller cannot change what validate uses', () => {
  const copy = schemaFor('contact') as { required: string[] };
  copy.required.length = 0;
  expect(
    validate('contact', {}).length,
    'SCH-01 changing the returned schema must not change validation',
  ).toBeGreaterThan(0);
});

// ---------------------------------------------------------------------------------------------
// DAT-02: instants compare to the microsecond, never through Date (which keeps milliseconds).
// ---------------------------------------------------------------------------------------------

const SAME_INSTANT_TABLE: ReadonlyArray<{ a: string; b: string; same: boolean; order: -1 | 0 | 1 }> = [
  // One microsecond apart: Date would call them equal.
  { a: '2022-10-13T15:50:34.643724Z', b: '2022-10-13T15:50:34.643725Z', same: false, order: -1 },
  { a: '2022-10-13T15:50:34.643725Z', b: '2022-10-13T15:50:34.643724Z', same: false, order: 1 },
  // An input timestamp and the mock's six-digit echo of it.
  { a: '2024-07-17T11:34:42.195Z', b: '2024-07-17T11:34:42.195000Z', same: true, order: 0 },
  // No fraction equals six zeros.
  { a: '2022-10-13T15:50:00Z', b: '2022-10-13T15:50:00.000000Z', same: true, order: 0 },
  // Before 1970: negative epoch values compare the same way.
  { a: '1955-07-06T00:00:00Z', b: '1955-07-06T00:00:00.000Z', same: true, order: 0 },
  { a: '1969-12-31T23:59:59.999999Z', b: '1970-01-01T00:00:00Z', same: false, order: -1 },
  // CreatedAt and UpdatedAt of the docs' example.
  { a: '2022-10-13T15:55:12.853724Z', b: '2022-10-13T15:50:34.643724Z', same: false, order: 1 },
];

for (const { a, b, same, order } of SAME_INSTANT_TABLE) {
  test(`DAT-02 ${a} and ${b} ${same ? 'are' : 'are not'} the same instant`, () => {
    expect(sameInstant(a, b), `DAT-02 sameInstant(${a}, ${b})`).toBe(same);
    expect(compareInstants(a, b), `DAT-02 compareInstants(${a}, ${b})`).toBe(order);
  });
}

test('DAT-02 toEpochMicroseconds counts microseconds from 1970 on both sides of it', () => {
  expect(toEpochMicroseconds('1970-01-01T00:00:00.000001Z'), 'DAT-02 one microsecond after the epoch').toBe(1n);
  expect(toEpochMicroseconds('1969-12-31T23:59:59.999999Z'), 'DAT-02 one microsecond before the epoch').toBe(-1n);
  expect(toEpochMicroseconds('2022-10-13T15:50:34.643724Z'), 'DAT-02 the docs CreatedAt').toBe(1665676234643724n);
});

for (const bad of ['2022-10-13T15:50:34.6437241Z', '2022-10-13T15:50:34.643724+00:00', '', '2023-02-29T00:00:00Z']) {
  test(`DAT-02 toEpochMicroseconds refuses ${JSON.stringify(bad)}, naming it`, () => {
    expect(() => toEpochMicroseconds(bad), 'DAT-02 a non-timestamp must not be compared silently').toThrow(
      JSON.stringify(bad),
    );
    expect(() => sameInstant(bad, '2022-10-13T15:50:34Z'), 'DAT-02 sameInstant must refuse it too').toThrow(TypeError);
  });
}

test('SCH-02 the named digit counts are the ones the formats enforce', () => {
  const sixDigits = `2022-10-13T15:50:34.${'1'.repeat(ANSWER_FRACTION_DIGITS_MAX)}Z`;
  const sevenDigits = `2022-10-13T15:50:34.${'1'.repeat(ANSWER_FRACTION_DIGITS_MAX + 1)}Z`;
  expect(isAnswerTimestamp(sixDigits), `SCH-02 ${ANSWER_FRACTION_DIGITS_MAX} digits are allowed`).toBe(true);
  expect(isAnswerTimestamp(sevenDigits), `SCH-02 ${ANSWER_FRACTION_DIGITS_MAX + 1} digits are not`).toBe(false);
  const inputDigits = `2024-07-17T11:34:42.${'1'.repeat(INPUT_FRACTION_DIGITS)}Z`;
  expect(isInputTimestamp(inputDigits), `DAT-01 exactly ${INPUT_FRACTION_DIGITS} digits are an input timestamp`).toBe(
    true,
  );
  expect(isAnswerTimestamp(inputDigits), 'DAT-02 every input timestamp is also an answer timestamp').toBe(true);
});

// ---------------------------------------------------------------------------------------------
// Hygiene of the schema files: ids, dialect, rule ids, and no object left open by accident.
// ---------------------------------------------------------------------------------------------

type SchemaNode = Record<string, unknown>;
const SUBSCHEMA_MAPS = ['properties', '$defs', 'patternProperties'] as const;
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'] as const;
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Calls `visit` on every subschema of `node` with its JSON pointer. */
function walk(
  node: SchemaNode,
  pointer: string,
  visit: (node: SchemaNode, pointer: string, parentKeyword?: string) => void,
  parentKeyword?: string,
): void {
  visit(node, pointer, parentKeyword);
  for (const keyword of SUBSCHEMA_MAPS) {
    const map = node[keyword];
    if (isNode(map))
      for (const [key, child] of Object.entries(map))
        if (isNode(child)) walk(child, `${pointer}/${keyword}/${key}`, visit, keyword);
  }
  for (const keyword of SUBSCHEMAS) {
    const child = node[keyword];
    if (isNode(child)) walk(child, `${pointer}/${keyword}`, visit, keyword);
  }
  for (const keyword of SUBSCHEMA_LISTS) {
    const list = node[keyword];
    if (Array.isArray(list))
      list.forEach((child, i) => isNode(child) && walk(child, `${pointer}/${keyword}/${i}`, visit, keyword));
  }
}

function typesOf(node: SchemaNode): string[] {
  const type = node.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

// Request bodies are closed, answers open (the $comment of each object says why). The case
// meta-schema is closed as a whole; the objects below are the deliberate exceptions, each
// explained in its own $comment.
const CLOSED_FILES = new Set(['cases/cases.schema.json']);
const EXCEPTIONS_TO_THE_POLICY = new Set(['contact-request.schema.json#/$defs/contact/properties/notes/items']);

const schemaFileEntries: ReadonlyArray<[string, SchemaNode]> = [
  ...schemaNames.map((name): [string, SchemaNode] => [`${name}.schema.json`, schemaFor(name)]),
  ['cases/cases.schema.json', JSON.parse(readFileSync(casesSchemaFile, 'utf8')) as SchemaNode],
];

for (const [file, schema] of schemaFileEntries) {
  test(`SCH-01 ${file} has its $id, the 2020-12 dialect and a root description naming a rule`, () => {
    expect(schema.$id, `SCH-01 ${file} must have a stable $id under ${SCHEMA_ID_BASE}`).toBe(
      `${SCHEMA_ID_BASE}${file}`,
    );
    expect(schema.$schema, `SCH-01 ${file} must declare JSON Schema draft 2020-12`).toBe(DRAFT_2020_12);
    expect(
      String(schema.description ?? ''),
      `SCH-01 ${file}'s root description must name the rule ids it encodes`,
    ).toMatch(RULE_ID);
  });

  test(`SCH-01 every object in ${file} declares type, required and additionalProperties, and every property a description`, () => {
    const problems: string[] = [];
    const closedByDefault = file.endsWith('-request.schema.json') || CLOSED_FILES.has(file);
    walk(schema, `${file}#`, (node, pointer, parentKeyword) => {
      if (parentKeyword === 'properties' && typeof node.description !== 'string')
        problems.push(`${pointer}: property without a description`);
      if (parentKeyword === '$defs' && typeof node.description !== 'string')
        problems.push(`${pointer}: definition without a description`);
      const isObjectNode = typesOf(node).includes('object') || 'properties' in node || 'required' in node;
      if (!isObjectNode) return;
      if (!typesOf(node).includes('object')) problems.push(`${pointer}: an object schema without type "object"`);
      if (!Array.isArray(node.required)) problems.push(`${pointer}: an object schema without required`);
      if (typeof node.additionalProperties !== 'boolean') {
        problems.push(`${pointer}: an object schema must say additionalProperties true or false`);
        return;
      }
      if (typeof node.$comment !== 'string' || !node.$comment.includes('additionalProperties'))
        problems.push(`${pointer}: the additionalProperties choice must be explained in $comment`);
      const closed = closedByDefault !== EXCEPTIONS_TO_THE_POLICY.has(pointer);
      if (node.additionalProperties !== !closed)
        problems.push(`${pointer}: expected additionalProperties ${!closed} (requests closed, answers open)`);
    });
    expect(
      problems,
      `SCH-01 ${file} must leave nothing open or undescribed by accident:\n${problems.join('\n')}`,
    ).toEqual([]);
  });
}

test('SCH-01 schemaFiles names one existing file per schema', () => {
  for (const name of schemaNames) {
    expect(path.basename(schemaFiles[name]), `SCH-01 schemaFiles["${name}"] must be its own file`).toBe(
      `${name}.schema.json`,
    );
    expect(existsSync(schemaFiles[name]), `SCH-01 ${schemaFiles[name]} must exist`).toBe(true);
  }
});

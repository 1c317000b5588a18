/** A schema break travels from the test that saw it to the matrix as an annotation: the text must read back. */
import { expect, test } from '@playwright/test';
import { parseSchemaBreak, schemaBreakAnnotation, SCHEMA_BREAK_ANNOTATION } from '../schema-breaks';

test('a schema break reads back from its annotation, message lines included', () => {
  const found = {
    rule: 'SCH-02' as const,
    message: 'every timestamp …: GET /contacts/1 answered 200\n/data/contact/UpdatedAt: …',
  };
  const annotation = schemaBreakAnnotation(found);
  expect(annotation.type, 'the annotation type the reporters look for').toBe(SCHEMA_BREAK_ANNOTATION);
  expect(parseSchemaBreak(annotation.description), 'the same rule and message').toEqual(found);
});

test('an annotation that names no SCH rule is no schema break', () => {
  for (const description of [undefined, '', 'REP-01 a value', 'SCH-04 no such rule'])
    expect(parseSchemaBreak(description), `${JSON.stringify(description)}`).toBeUndefined();
});

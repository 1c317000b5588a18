/**
 * What every answer must satisfy wherever it arrives (SCH-01..03, VAL-04). The fixtures hand it to
 * the request path as the answers' inspector.
 *
 * A 5xx fails the test that saw it (VAL-04 holds for every request). A schema break does not: it
 * is recorded on the test (schema-breaks.ts) and charged to the SCH rule it breaks, so that one
 * difference of shape shows as that rule failing, not as every rule whose test saw the answer.
 */
import { test } from '@playwright/test';
import { formatViolations, validate, type SchemaName, type Violation } from '../../schemas/registry';
import type { Answer } from '../request-path/answer';
import { isContactsRoute } from '../request-path/prices';
import { expect, problemDefects } from './expect';
import { schemaBreakAnnotation, SCHEMA_BREAK_ANNOTATION, type SchemaBreak } from './schema-breaks';

function isContactRoute(method: string, pathname: string): boolean {
  return ['POST', 'GET', 'PATCH'].includes(method) && isContactsRoute(pathname) && !pathname.includes('/forms/');
}

function isFormsRoute(method: string, pathname: string): boolean {
  return method === 'GET' && /\/v1\/forms\/type\/[^/]+$/.test(pathname);
}

/** A timestamp's format is SCH-02's concern; every other violation of an answer schema is SCH-01's. */
function isTimestampViolation(violation: Violation): boolean {
  return violation.schemaPath.endsWith('/format');
}

/** The SCH-01 and SCH-02 breaks of a 2xx body against `schema`, worded with `what` and the request. */
function shapeBreaks(answer: Answer, schema: SchemaName, what: string, request: string): SchemaBreak[] {
  const violations = validate(schema, answer.json);
  const timestamps = violations.filter(isTimestampViolation);
  const shapes = violations.filter((violation) => !isTimestampViolation(violation));
  return [
    ...(shapes.length > 0
      ? [
          {
            rule: 'SCH-01' as const,
            message: `${what} validates against ${schema}.schema.json: ${request}\n${formatViolations(shapes)}`,
          },
        ]
      : []),
    ...(timestamps.length > 0
      ? [
          {
            rule: 'SCH-02' as const,
            message: `every timestamp is UTC Z with 0-6 fractional digits: ${request}\n${formatViolations(timestamps)}`,
          },
        ]
      : []),
  ];
}

function schemaBreaksOf(answer: Answer): SchemaBreak[] {
  const { method, url, status } = answer.exchange;
  const { pathname } = new URL(url);
  const request = `${method} ${pathname} answered ${status}`;
  if (status >= 200 && status < 300 && isContactRoute(method, pathname))
    return shapeBreaks(answer, 'contact-answer', 'a 2xx contact answer is the contact envelope and', request);
  if (status >= 200 && status < 300 && isFormsRoute(method, pathname))
    return shapeBreaks(answer, 'form-list', 'a forms answer', request);
  if (status >= 400 && status < 500) {
    const defects = problemDefects(answer, [status]);
    if (defects.length > 0)
      return [
        {
          rule: 'SCH-03',
          message: `every 4xx answer carries a problem body whose status equals the HTTP status: ${request}\n- ${defects.join('\n- ')}`,
        },
      ];
  }
  return [];
}

/** Records a break on the running test, once per distinct message. */
function recordSchemaBreak(found: SchemaBreak): void {
  const { annotations } = test.info();
  const annotation = schemaBreakAnnotation(found);
  const seen = annotations.some(
    (other) => other.type === SCHEMA_BREAK_ANNOTATION && other.description === annotation.description,
  );
  if (!seen) annotations.push(annotation);
}

/** What every answer must satisfy wherever it arrives: no 5xx (fails the test), the schemas (recorded). */
export function checkEveryAnswer(answer: Answer): void {
  expect
    .soft(answer.exchange.status, `VAL-04 no request is answered with a 5xx\n${answer.describe()}`)
    .toBeLessThan(500);
  for (const found of schemaBreaksOf(answer)) recordSchemaBreak(found);
}

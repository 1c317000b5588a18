/**
 * Domain matchers. Each failure explains itself: the rule (from the message the caller passes),
 * expected versus received, and the request with a redacted curl line that reproduces it.
 */
import { expect as baseExpect } from '@playwright/test';
import { formatViolations, validate, type SchemaName } from '../../schemas/registry';
import { isAnswerTimestamp, sameInstant } from '../../schemas/formats';
import type { Answer, JsonObject } from '../request-path/answer';
import { ADDRESS_MEMBERS, type EntryInput, type EntryListName } from './contact';

/** Duck-typed so that this module needs nothing from api.ts at run time (api.ts imports it). */
function isAnswer(value: unknown): value is Answer {
  return (
    typeof value === 'object' &&
    value !== null &&
    'exchange' in value &&
    typeof (value as Answer).describe === 'function'
  );
}

function bodyOf(received: unknown): unknown {
  return isAnswer(received) ? received.json : received;
}

function contactOf(received: unknown): JsonObject {
  if (isAnswer(received)) return received.contact;
  return typeof received === 'object' && received !== null ? (received as JsonObject) : {};
}

function reproduction(received: unknown): string {
  return isAnswer(received) ? `\n\nrequest and answer:\n${received.describe()}` : '';
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** DAT-02: `received` is a timestamp that denotes the instant `sent`, to the microsecond; false for anything else. */
export function isSameInstant(received: unknown, sent: string): boolean {
  return (
    typeof received === 'string' &&
    isAnswerTimestamp(received) &&
    isAnswerTimestamp(sent) &&
    sameInstant(received, sent)
  );
}

/** Two `data` (or `date`) values are the same answer: the same instant when both are timestamps (DAT-02). */
function sameValue(actual: unknown, expected: string): boolean {
  if (typeof actual !== 'string') return false;
  if (isAnswerTimestamp(actual) && isAnswerTimestamp(expected)) return sameInstant(actual, expected);
  return actual === expected;
}

function entryMatches(actual: JsonObject, expected: EntryInput): boolean {
  return (
    actual.form_id === expected.form_id &&
    actual.form_ref_id === expected.form_ref_id &&
    sameValue(actual.data, expected.data) &&
    (expected.date === undefined || sameValue(actual.date, expected.date))
  );
}

function describeEntry(entry: JsonObject | EntryInput): string {
  const date = entry.date === undefined || entry.date === null ? '' : ` date ${String(entry.date)}`;
  const id = 'id' in entry && entry.id !== undefined ? ` (id ${String(entry.id)})` : '';
  return `form ${String(entry.form_id)} option ${String(entry.form_ref_id)} = ${JSON.stringify(entry.data)}${date}${id}`;
}

function listOf(contact: JsonObject, list: EntryListName): JsonObject[] {
  const value = contact[list] ?? (list === 'custom_fields' ? contact.customfields : undefined);
  return Array.isArray(value) ? (value as JsonObject[]) : [];
}

/**
 * REP-02: "Cleared means absent, null, "" or []; for a boolean also false; for address also an
 * object whose writable members (the 14 of section 2) are all cleared; its server-owned members are
 * not constrained." The only object among the writable fields is the address.
 */
export function isCleared(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return ADDRESS_MEMBERS.every((member) => isCleared((value as JsonObject)[member]));
  return false;
}

/** SCH-03: what keeps `answer` from being a problem answer with a status among `statuses`; empty when it is one. */
export function problemDefects(answer: Answer, statuses: readonly number[]): string[] {
  const problems: string[] = [];
  if (!statuses.includes(answer.status)) problems.push(`status ${answer.status}, expected ${statuses.join(' or ')}`);
  const contentType = answer.header('content-type') ?? '(none)';
  if (!/^application\/(problem\+)?json\b/i.test(contentType)) {
    problems.push(`content type ${contentType}, expected application/problem+json or application/json`);
  }
  const violations = validate('problem', answer.json);
  if (violations.length > 0) problems.push(`the body is not problem details:\n${formatViolations(violations)}`);
  const bodyStatus = (answer.json as { status?: unknown } | undefined)?.status;
  if (bodyStatus !== answer.status)
    problems.push(`body status ${show(bodyStatus)} differs from the HTTP status ${answer.status}`);
  return problems;
}

export const expect = baseExpect.extend({
  /** SCH-01..03: the value (or the answer's body) validates against `schemas/<name>.schema.json`. */
  toMatchSchema(received: unknown, name: SchemaName) {
    const violations = validate(name, bodyOf(received));
    const pass = violations.length === 0;
    return {
      name: 'toMatchSchema',
      pass,
      message: () =>
        pass
          ? `expected the body not to match ${name}.schema.json${reproduction(received)}`
          : `expected the body to match ${name}.schema.json; ${violations.length} violation(s):\n${formatViolations(violations)}${reproduction(received)}`,
    };
  },

  /** SCH-03: a status among `allowed`, a problem-details body, and its `status` equal to the HTTP status. */
  toBeProblem(received: Answer, allowed: number | readonly number[]) {
    const statuses = typeof allowed === 'number' ? [allowed] : [...allowed];
    const problems = problemDefects(received, statuses);
    const pass = problems.length === 0;
    return {
      name: 'toBeProblem',
      pass,
      message: () =>
        pass
          ? `expected no problem answer with status ${statuses.join(' or ')}${reproduction(received)}`
          : `expected a problem answer with status ${statuses.join(' or ')}:\n- ${problems.join('\n- ')}${reproduction(received)}`,
    };
  },

  /**
   * The active entries of each named list equal `expected` as multisets: order and ids ignored,
   * timestamps compared to the microsecond, an entry's `date` compared only when one was sent.
   */
  toHaveActiveEntries(received: unknown, expected: Partial<Record<EntryListName, EntryInput[]>>) {
    const contact = contactOf(received);
    const report: string[] = [];
    let pass = true;
    for (const [list, wanted] of Object.entries(expected) as [EntryListName, EntryInput[]][]) {
      const active = listOf(contact, list).filter(
        (entry) => entry.deleted_at === undefined || entry.deleted_at === null,
      );
      const unmatched = [...active];
      const missing: EntryInput[] = [];
      for (const entry of wanted) {
        const index = unmatched.findIndex((candidate) => entryMatches(candidate, entry));
        if (index === -1) missing.push(entry);
        else unmatched.splice(index, 1);
      }
      if (missing.length > 0 || unmatched.length > 0) pass = false;
      report.push(
        `${list}:`,
        `  expected active (${wanted.length}): ${wanted.map(describeEntry).join('; ') || 'none'}`,
        `  received active (${active.length}): ${active.map(describeEntry).join('; ') || 'none'}`,
        ...(missing.length ? [`  missing: ${missing.map(describeEntry).join('; ')}`] : []),
        ...(unmatched.length ? [`  unexpected: ${unmatched.map(describeEntry).join('; ')}`] : []),
      );
    }
    return {
      name: 'toHaveActiveEntries',
      pass,
      message: () =>
        `${pass ? 'expected the active entries to differ' : 'active entries differ'} (multisets; ids ignored):\n${report.join('\n')}${reproduction(received)}`,
    };
  },

  /** REP-02: the field is cleared (absent, null, "", [], false, or an address whose writable members are all cleared). */
  toBeCleared(received: unknown, field: string) {
    const contact = contactOf(received);
    const value = contact[field];
    const pass = isCleared(value);
    return {
      name: 'toBeCleared',
      pass,
      message: () =>
        `expected ${field} ${pass ? 'not ' : ''}to be cleared (absent, null, "", [], false, or an address whose 14 writable members are cleared); received ${show(value)}${reproduction(received)}`,
    };
  },
});

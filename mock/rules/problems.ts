// Error answers as problem details (RFC 9457), the shape CONTRACT section 2 "Errors" describes and
// SCH-03 requires of every 4xx: `title`, `status` equal to the HTTP status, `detail`, and for
// validation failures `errors: [{location, message, value}]`.

import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One reason a request was rejected, located like Huma does: `body.data.contact.firstname`. */
export interface Violation {
  readonly location: string;
  readonly message: string;
  readonly value: unknown;
}

export interface Problem {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly Violation[];
}

/** A 422 for a body with thousands of bad entries must stay small: list the first ones only. */
const MAX_VIOLATIONS_LISTED = 50;
/** Offending values are echoed only while small; a 1 MiB string is not sent back. */
const MAX_ECHOED_VALUE_CHARACTERS = 200;

export function problem(status: number, detail: string, violations?: readonly Violation[]): Problem {
  const title = STATUS_CODES[status] ?? 'Error';
  if (violations === undefined || violations.length === 0) {
    return { type: 'about:blank', title, status, detail }; // SCH-03: `status` is the HTTP status, a number
  }
  const listed = violations.slice(0, MAX_VIOLATIONS_LISTED);
  const more = violations.length > listed.length ? ` (the first ${listed.length} are listed)` : '';
  return {
    type: 'about:blank',
    title,
    status,
    detail: `${detail}: ${violations.length} violation(s)${more}`,
    errors: listed.map((violation) => ({ ...violation, value: echoable(violation.value) })),
  };
}

export function violation(location: string, message: string, value: unknown): Violation {
  return { location, message, value };
}

function echoable(value: unknown): unknown {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  if (json.length <= MAX_ECHOED_VALUE_CHARACTERS) return value;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `<${kind} of ${json.length} JSON characters, not echoed>`;
}

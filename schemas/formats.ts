/**
 * The contract's two timestamp formats (CONTRACT.md section 2, "Timestamps"), defined once.
 *
 * - `answer-timestamp` (SCH-02): what a response may carry. UTC with an uppercase `Z`, a `T`
 *   separator, zero to six fractional digits, and a date and time that exist in the calendar.
 * - `input-timestamp` (DAT-01): what the suite sends. Exactly three fractional digits, then `Z`.
 *
 * ajv-formats' `date-time` is not used for either: it accepts seven fractional digits, offsets such
 * as `+00:00`, a lowercase `z` and a space for `T`, all of which the contract rules out.
 *
 * Instants are compared as epoch microseconds (DAT-02) through `Temporal.Instant`, never through
 * `Date`, which keeps only milliseconds and would call `…34.643724Z` and `…34.643725Z` equal.
 */
import type AjvCore from 'ajv/dist/core';
import { Temporal } from 'temporal-polyfill';

/** SCH-02: a timestamp in a response has at most six fractional digits (microseconds). */
export const ANSWER_FRACTION_DIGITS_MAX = 6;

/** DAT-01 / CONTRACT "Timestamps": the suite sends exactly three fractional digits (milliseconds). */
export const INPUT_FRACTION_DIGITS = 3;

/** The names under which the formats are registered; the schemas say `"format": "<name>"`. */
export const ANSWER_TIMESTAMP_FORMAT = 'answer-timestamp';
export const INPUT_TIMESTAMP_FORMAT = 'input-timestamp';
export type CustomFormatName = typeof ANSWER_TIMESTAMP_FORMAT | typeof INPUT_TIMESTAMP_FORMAT;

/**
 * What the checks below prove about a string. The brands let `isAnswerTimestamp(x)` narrow an
 * `unknown` to a string, without narrowing a `string` that fails the check to `never`.
 */
export type AnswerTimestamp = string & { readonly __format: 'answer-timestamp' };
/** Every input timestamp (3 digits) is also an answer timestamp (0-6 digits). */
export type InputTimestamp = AnswerTimestamp & { readonly __inputFormat: 'input-timestamp' };

const NANOSECONDS_PER_MICROSECOND = 1000n;

// Date and time fields are captured so the calendar check can see them; the fraction is matched
// only for its length, its value is read later by Temporal.Instant.
const DATE_TIME = String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})`;
const ANSWER_PATTERN = new RegExp(String.raw`^${DATE_TIME}(?:\.\d{1,${ANSWER_FRACTION_DIGITS_MAX}})?Z$`);
const INPUT_PATTERN = new RegExp(String.raw`^${DATE_TIME}\.\d{${INPUT_FRACTION_DIGITS}}Z$`);

/**
 * True when the captured fields name a date and time that exist: Feb 30, Feb 29 of a non-leap
 * year, hour 24 and second 60 do not. `overflow: 'reject'` makes Temporal throw instead of
 * clamping (a string parse would silently turn second 60 into 59).
 */
function isCalendarDateTime(match: RegExpExecArray): boolean {
  // The pattern guarantees every group; a missing one would read as NaN, which Temporal rejects.
  const field = (name: string): number => Number(match.groups?.[name]);
  try {
    Temporal.PlainDateTime.from(
      {
        year: field('year'),
        month: field('month'),
        day: field('day'),
        hour: field('hour'),
        minute: field('minute'),
        second: field('second'),
      },
      { overflow: 'reject' },
    );
    return true;
  } catch {
    return false;
  }
}

function matchesWithRealCalendar(pattern: RegExp, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = pattern.exec(value);
  return match !== null && isCalendarDateTime(match);
}

/** SCH-02: `value` is a timestamp a response may carry (`2022-10-13T15:50:34.643724Z`, `1955-07-06T00:00:00Z`). */
export function isAnswerTimestamp(value: unknown): value is AnswerTimestamp {
  return matchesWithRealCalendar(ANSWER_PATTERN, value);
}

/** DAT-01: `value` is a timestamp the suite sends (`2024-07-17T11:34:42.195Z`). */
export function isInputTimestamp(value: unknown): value is InputTimestamp {
  return matchesWithRealCalendar(INPUT_PATTERN, value);
}

/**
 * The instant `timestamp` denotes, in microseconds since 1970-01-01T00:00:00Z (DAT-02).
 * Accepts every answer timestamp, and so every input timestamp (three digits is within 0–6).
 * Throws a TypeError naming the value when it is not an answer timestamp.
 */
export function toEpochMicroseconds(timestamp: string): bigint {
  if (!isAnswerTimestamp(timestamp)) {
    throw new TypeError(
      `${JSON.stringify(timestamp)} is not a UTC timestamp with 0-${ANSWER_FRACTION_DIGITS_MAX} fractional digits (SCH-02)`,
    );
  }
  // Exact: at most six fractional digits, so the nanoseconds are a whole number of microseconds.
  return Temporal.Instant.from(timestamp).epochNanoseconds / NANOSECONDS_PER_MICROSECOND;
}

/** DAT-02: `a` and `b` denote the same instant to the microsecond (`…42.195Z` equals `…42.195000Z`). Throws on a non-timestamp. */
export function sameInstant(a: string, b: string): boolean {
  return toEpochMicroseconds(a) === toEpochMicroseconds(b);
}

/** Orders two timestamps by the instant they denote, to the microsecond (REP-03: `UpdatedAt` does not go back). Throws on a non-timestamp. */
export function compareInstants(a: string, b: string): -1 | 0 | 1 {
  const left = toEpochMicroseconds(a);
  const right = toEpochMicroseconds(b);
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

/** Both checks by format name; the registry registers exactly these. */
export const customFormats: Readonly<Record<CustomFormatName, (value: string) => boolean>> = {
  [ANSWER_TIMESTAMP_FORMAT]: isAnswerTimestamp,
  [INPUT_TIMESTAMP_FORMAT]: isInputTimestamp,
};

/** Registers the two formats on an ajv instance: the single place where this happens. */
export function addCustomFormats(ajv: AjvCore): void {
  for (const [name, validate] of Object.entries(customFormats)) {
    ajv.addFormat(name, { type: 'string', validate });
  }
}

// Timestamps as exact instants: epoch microseconds in a bigint.
//
// CONTRACT section 2, "Timestamps": "Two timestamps are equal when they denote the same instant to
// the microsecond; JavaScript `Date` keeps only milliseconds, so comparisons must not go through it."
// So nothing here touches `Date`: parsing and formatting go through Temporal.Instant (nanoseconds,
// temporal-polyfill), whose calendar knows which dates exist; the pattern keeps the contract's shape.

import { Temporal } from 'temporal-polyfill';

/** An instant as whole microseconds since 1970-01-01T00:00:00Z. */
export type EpochMicroseconds = bigint;

/** SCH-02 and section 5: the mock answers with six fractional digits. */
export const ANSWER_FRACTION_DIGITS = 6;
/** Section 2: what a client sends, `YYYY-MM-DDTHH:mm:ss.SSSZ`, exactly three fractional digits. */
export const INPUT_FRACTION_DIGITS = 3;
/** SCH-02: a timestamp carries at most six fractional digits. */
export const MAX_FRACTION_DIGITS = 6;

export type FractionDigits = typeof INPUT_FRACTION_DIGITS | typeof ANSWER_FRACTION_DIGITS;

const NANOS_PER_MICRO = 1000n;

// UTC only, upper-case `T` and `Z`, a four-digit year, at most six fractional digits.
const TIMESTAMP_PATTERN = new RegExp(
  `^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:(?<second>\\d{2})(?:\\.\\d{1,${MAX_FRACTION_DIGITS}})?Z$`,
);

/**
 * Parses a UTC timestamp with zero to six fractional digits (`1955-07-06T00:00:00Z`,
 * `2024-07-17T11:34:42.195Z`, `2022-10-13T15:50:34.643724Z`) into its instant. Returns undefined
 * for anything else, including dates that do not exist: 30 February, month 13, hour 24, second 60.
 */
export function parseTimestamp(text: string): EpochMicroseconds | undefined {
  const second = TIMESTAMP_PATTERN.exec(text)?.groups?.['second'];
  // Temporal reads a leap second (:60) as :59; the contract has no such instant.
  if (second === undefined || Number(second) > 59) return undefined;
  try {
    return Temporal.Instant.from(text).epochNanoseconds / NANOS_PER_MICRO;
  } catch {
    return undefined; // a date or time that does not exist: 30 February, month 13, hour 24
  }
}

/**
 * Parses an input timestamp as section 2 defines it: `YYYY-MM-DDTHH:mm:ss.SSSZ`, exactly three
 * fractional digits. Section 5 makes a date form's `data` in any other shape a 422.
 */
export function parseInputTimestamp(text: string): EpochMicroseconds | undefined {
  const fraction = /\.(\d+)Z$/.exec(text)?.[1];
  if (fraction?.length !== INPUT_FRACTION_DIGITS) return undefined;
  return parseTimestamp(text);
}

/**
 * Writes an instant as UTC with `Z` and the given number of fractional digits. Three digits
 * truncate (the tolerant variant's millisecond answers); six are exact.
 */
export function formatTimestamp(instant: EpochMicroseconds, fractionDigits: FractionDigits): string {
  // `floor`, not Temporal's default `trunc`: an instant before 1970 keeps the digits it has.
  return Temporal.Instant.fromEpochNanoseconds(instant * NANOS_PER_MICRO).toString({
    fractionalSecondDigits: fractionDigits,
    roundingMode: 'floor',
  });
}

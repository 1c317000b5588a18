// Timestamps as exact instants: epoch microseconds in a bigint.
//
// CONTRACT section 2, "Timestamps": "Two timestamps are equal when they denote the same instant to
// the microsecond; JavaScript `Date` keeps only milliseconds, so comparisons must not go through it."
// So nothing here touches `Date`: parsing and formatting are string and integer arithmetic on the
// proleptic Gregorian calendar (the days-from-civil algorithm of H. Hinnant).

/** An instant as whole microseconds since 1970-01-01T00:00:00Z. */
export type EpochMicroseconds = bigint;

/** SCH-02 and section 5: the mock answers with six fractional digits. */
export const ANSWER_FRACTION_DIGITS = 6;
/** Section 2: what a client sends, `YYYY-MM-DDTHH:mm:ss.SSSZ`, exactly three fractional digits. */
export const INPUT_FRACTION_DIGITS = 3;
/** SCH-02: a timestamp carries at most six fractional digits. */
export const MAX_FRACTION_DIGITS = 6;

export type FractionDigits = typeof INPUT_FRACTION_DIGITS | typeof ANSWER_FRACTION_DIGITS;

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_DAY = 86_400n * MICROS_PER_SECOND;
const DAYS_FROM_0000_03_01_TO_EPOCH = 719_468;
const DAYS_PER_400_YEARS = 146_097;

// UTC only, upper-case `T` and `Z`, a four-digit year, at most six fractional digits.
const TIMESTAMP_PATTERN =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.(?<fraction>\d{1,6}))?Z$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - DAYS_FROM_0000_03_01_TO_EPOCH;
}

function civilFromDays(daysSinceEpoch: number): { year: number; month: number; day: number } {
  const days = daysSinceEpoch + DAYS_FROM_0000_03_01_TO_EPOCH;
  const era = Math.floor(days / DAYS_PER_400_YEARS);
  const dayOfEra = days - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function floorDivide(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n ? quotient - 1n : quotient;
}

/**
 * Parses a UTC timestamp with zero to six fractional digits (`1955-07-06T00:00:00Z`,
 * `2024-07-17T11:34:42.195Z`, `2022-10-13T15:50:34.643724Z`) into its instant. Returns undefined
 * for anything else, including dates that do not exist: 30 February, month 13, hour 24, second 60.
 */
export function parseTimestamp(text: string): EpochMicroseconds | undefined {
  const match = TIMESTAMP_PATTERN.exec(text);
  const parts = match?.groups;
  if (parts === undefined) return undefined;
  const year = Number(parts['year']);
  const month = Number(parts['month']);
  const day = Number(parts['day']);
  const hour = Number(parts['hour']);
  const minute = Number(parts['minute']);
  const second = Number(parts['second']);
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fractionMicros = BigInt((parts['fraction'] ?? '').padEnd(MAX_FRACTION_DIGITS, '0'));
  const secondsOfDay = BigInt(hour * 3600 + minute * 60 + second);
  return BigInt(daysFromCivil(year, month, day)) * MICROS_PER_DAY + secondsOfDay * MICROS_PER_SECOND + fractionMicros;
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
  const days = floorDivide(instant, MICROS_PER_DAY);
  const microsOfDay = instant - days * MICROS_PER_DAY;
  const { year, month, day } = civilFromDays(Number(days));
  const secondsOfDay = Number(microsOfDay / MICROS_PER_SECOND);
  const fraction = String(microsOfDay % MICROS_PER_SECOND).padStart(MAX_FRACTION_DIGITS, '0');
  const two = (value: number): string => String(value).padStart(2, '0');
  const date = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
  const time = `${two(Math.floor(secondsOfDay / 3600))}:${two(Math.floor(secondsOfDay / 60) % 60)}:${two(secondsOfDay % 60)}`;
  return `${date}T${time}.${fraction.slice(0, fractionDigits)}Z`;
}

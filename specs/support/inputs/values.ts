/**
 * Values of the other kinds of section 2, at their edges: input timestamps (exactly three fractional
 * digits, UTC), numeric answers (an integer in decimal digits), integers, and the free answers of
 * each form type. Every value is one the contract allows a client to send.
 */
import fc from 'fast-check';
import { NON_EMPTY_TEXT_KINDS, coveringTexts } from './text';

const MS_PER_DAY = 86_400_000;
/** 1900-01-01 and 2099-12-31: birthdates and answers a campaign stores, and the edges of both centuries. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2099, 11, 31, 23, 59, 59, 999);

/** Instants whose last digits or calendar place matter: DAT-02 compares them to the microsecond. */
export const EDGE_INSTANTS = [
  '1900-01-01T00:00:00.000Z', // the first instant of the range
  '1970-01-01T00:00:00.000Z', // the epoch, zero in many encodings
  '1969-12-31T23:59:59.999Z', // the last millisecond before it (negative epoch milliseconds)
  '2000-02-29T12:00:00.001Z', // a leap day of a century year
  '1999-12-31T23:59:59.999Z', // the last millisecond of a century
  '2038-01-19T03:14:07.999Z', // the last millisecond of 32-bit Unix time
  '2038-01-19T03:14:08.000Z', // the first after it
  '2099-12-31T23:59:59.999Z', // the last instant of the range
] as const;

/** An input timestamp: `YYYY-MM-DDTHH:mm:ss.SSSZ`, exactly three fractional digits (DAT-01). */
export const inputTimestamp: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_INSTANTS) },
  // noBias: fast-check would otherwise favour the first milliseconds of 1900.
  {
    weight: 3,
    arbitrary: fc.noBias(fc.integer({ min: EARLIEST, max: LATEST })).map((ms) => new Date(ms).toISOString()),
  },
);

/** A birthdate-like instant: a day at midnight or at a drawn time, in the range. */
export const birthdate: fc.Arbitrary<string> = fc.oneof(
  fc
    .integer({ min: EARLIEST / MS_PER_DAY, max: Math.floor(LATEST / MS_PER_DAY) })
    .map((day) => new Date(day * MS_PER_DAY).toISOString()),
  inputTimestamp,
);

/** Numeric answers at their edges, in decimal digits without a sign or leading zero. */
export const EDGE_NUMERIC_ANSWERS = ['0', '1', '9', '10', '2147483647', '2147483648', '9007199254740991'] as const;

/** A numeric answer (section 2: "an integer written in decimal digits"). */
export const numericAnswer: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EDGE_NUMERIC_ANSWERS),
  fc.noBias(fc.nat({ max: 1_000_000 })).map(String),
);

/** `age_category`: the docs give brackets 0–6 by default (customisable); 0 is the edge a falsy check loses. */
export const ageCategory: fc.Arbitrary<number> = fc.integer({ min: 0, max: 6 });

export type FreeType = 'text' | 'numeric' | 'date';

/**
 * `count` distinct answers to a free-input form of `type`, covering its edges: text over every
 * non-empty kind of text.ts, numeric with `0` and a number past 32 bits among them, dates with an edge
 * instant. An empty text answer is left out: whether a server keeps "" as an answer is not a rule.
 */
export function coveringAnswers(type: FreeType, count: number): fc.Arbitrary<string[]> {
  const distinct = (values: string[]) => new Set(values).size === values.length;
  if (type === 'text') return coveringTexts(count, NON_EMPTY_TEXT_KINDS);
  // Numeric: `0` (what a falsy check drops) and a number past 32 bits; dates: an edge instant.
  const edges: fc.Arbitrary<string[]> =
    type === 'numeric'
      ? fc.constantFrom('2147483648', '9007199254740991').map((big) => ['0', big].slice(0, count))
      : fc.constantFrom(...EDGE_INSTANTS).map((edge) => [edge]);
  const any = type === 'numeric' ? numericAnswer : inputTimestamp;
  return fc
    .tuple(edges, fc.array(any, { minLength: count, maxLength: count }))
    .chain(([forced, rest]) => {
      const values = [...forced, ...rest].slice(0, count);
      return fc.shuffledSubarray(values, { minLength: count, maxLength: count });
    })
    .filter(distinct);
}

/** One answer to a free-input form of `type`. */
export function freeAnswer(type: FreeType): fc.Arbitrary<string> {
  return coveringAnswers(type, 1).map((values) => values[0] as string);
}

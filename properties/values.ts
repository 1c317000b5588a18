/**
 * The free-input values the properties send (CONTRACT.md section 2: numeric data in decimal digits,
 * dates as input timestamps). Small pools on purpose: values repeat across commands, so a change
 * meets a value already there, and a shrunk counterexample reads like a sentence.
 */
import { SAMPLE_VALUES } from '../specs/support/forms';

/** Free-input values: the suite's samples and two more, so that four fit besides a changed one. */
export const FREE_VALUES: Record<'text' | 'numeric' | 'date', readonly string[]> = {
  text: [...SAMPLE_VALUES.text, 'Pilot', 'Farmer'],
  numeric: [...SAMPLE_VALUES.numeric, '7', '100'],
  // Input timestamps (DAT-01): exactly three fractional digits, UTC.
  date: [...SAMPLE_VALUES.date, '1970-01-01T00:00:00.000Z', '2038-01-19T03:14:07.999Z'],
};

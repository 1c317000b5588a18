/**
 * The free-input values the properties send (CONTRACT.md section 2: numeric data in decimal digits,
 * dates as input timestamps). Small pools on purpose: values repeat across commands, so a change
 * meets a value already there, and a shrunk counterexample reads like a sentence. The pools reach
 * across the input space all the same: text in other scripts, with combining marks, four-byte
 * characters, surrounding spaces and mixed case; numbers at 0 and past 32 bits; instants at edges.
 */
import { SAMPLE_VALUES } from '../specs/support/forms';
import { EDGE_INSTANTS } from '../specs/support/inputs/values';

export const FREE_VALUES: Record<'text' | 'numeric' | 'date', readonly string[]> = {
  text: [...SAMPLE_VALUES.text, ' Pilot ', 'Zoe\u0301', 'Юлия', '王芳 😀', 'McFARMER'],
  numeric: [...SAMPLE_VALUES.numeric, '2147483648', '9007199254740991'],
  // Input timestamps (DAT-01): exactly three fractional digits, UTC.
  date: [...SAMPLE_VALUES.date, EDGE_INSTANTS[2], EDGE_INSTANTS[6]],
};

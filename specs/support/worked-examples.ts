/**
 * The worked examples of CONTRACT.md section 4 ("Reading the entry rules"), as data: the specs
 * assert them against the target, and the properties' model is checked against them first.
 * Form T is a text form, R a radio form, C a checkbox form; a, b are text values, x, y radio
 * options, p, q checkbox options.
 */
import type { RuleId } from './rule-catalogue';

export type ExampleSymbol = 'T:a' | 'T:b' | 'R:x' | 'R:y' | 'C:p' | 'C:q';

export interface WorkedExample {
  /** The rule the row illustrates. */
  rule: RuleId;
  before: ExampleSymbol[];
  /** `null`: the list is left out of the payload. */
  payload: ExampleSymbol[] | null;
  replace: ExampleSymbol[];
  merge: ExampleSymbol[];
}

// One row each, in the table's order.
export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  { rule: 'ENT-03', before: ['T:a'], payload: ['T:a', 'T:b'], replace: ['T:a', 'T:b'], merge: ['T:a', 'T:b'] },
  // The row where the readings part: replace keeps the payload, merge appends to the active entries.
  { rule: 'ENT-06', before: ['T:a'], payload: ['T:b'], replace: ['T:b'], merge: ['T:a', 'T:b'] },
  { rule: 'ENT-04', before: ['R:x'], payload: ['R:x', 'R:y'], replace: ['R:y'], merge: ['R:y'] },
  { rule: 'ENT-04', before: ['R:x'], payload: ['R:y'], replace: ['R:y'], merge: ['R:y'] },
  { rule: 'ENT-05', before: ['C:p'], payload: ['C:q'], replace: ['C:q'], merge: ['C:p', 'C:q'] },
  // An option sent twice is kept once.
  { rule: 'ENT-05', before: ['C:p'], payload: ['C:p', 'C:q', 'C:q'], replace: ['C:p', 'C:q'], merge: ['C:p', 'C:q'] },
  { rule: 'ENT-07', before: ['T:a', 'R:x'], payload: null, replace: [], merge: [] },
];

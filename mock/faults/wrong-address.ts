// Wrong addresses for the fault zoo (section 2, change of 2026-12-02): each wraps the reference
// `renderContact` and gets one thing about the address wrong.

import { DIGIT_ONLY_MEMBERS } from '../rules/contact-shape';
import { renderContact } from '../rules/contacts';
import type { RuleSet } from '../rules/seams';

type RenderContact = RuleSet['renderContact'];

const DIGITS = /^[0-9]+$/;

/**
 * REP-01: a serializer that parses every digit-only member as a number, leading zeros and all:
 * "75001" -> 75001 is allowed, but "01000" -> 1000 loses a digit.
 */
export const parsingDigitOnlyMembersAsNumbers: RenderContact = (contact, behaviour) => {
  const rendered = renderContact(contact, behaviour);
  const address = rendered['address'] as Record<string, unknown> | null;
  if (address === null) return rendered;
  const parsed: Record<string, unknown> = { ...address };
  for (const member of DIGIT_ONLY_MEMBERS) {
    const text = parsed[member];
    if (typeof text === 'string' && DIGITS.test(text)) parsed[member] = Number(text);
  }
  return { ...rendered, address: parsed };
};

/**
 * SCH-01 only: a cleared address is written as the empty string (a column of text where the
 * address object should be). REP-02 counts "" as cleared, so only the shape is wrong.
 */
export const writingClearedAddressAsEmptyString: RenderContact = (contact, behaviour) => {
  const rendered = renderContact(contact, behaviour);
  return rendered['address'] === null ? { ...rendered, address: '' } : rendered;
};

/**
 * Arbitraries of a whole contact (CONTRACT.md section 2): every writable field, all 14 address
 * members, tags, and the two entry lists omitted or sent empty. The free-text fields together
 * cover every kind of text.ts in each draw; the structured ones (mail, phone, nationality) stay
 * values a real system accepts, since whether an invalid mail is refused is only an observation.
 */
import fc from 'fast-check';
import { ADDRESS_MEMBERS, BOOLEAN_FIELDS, DIGIT_ONLY_MEMBERS, type AddressMember, type ContactInput } from '../contact';
import { TEXT_KINDS, coveringTexts, text, type TextKind } from './text';
import { ageCategory, birthdate } from './values';

/** The string fields whose content is free text (names, places); the others have a shape of their own. */
export const FREE_TEXT_FIELDS = ['firstname', 'married_name', 'birth_city', 'birth_country'] as const;

const MAIL_DOMAINS = ['example.org', 'Example.com', 'exemple.fr', 'mail.example.net'];
const FIRST_NAMES = ['Ada', 'Grace', 'Katherine', 'Margaret', 'Hedy', 'Radia'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Johnson', 'Hamilton', 'Lamarr', 'Perlman'];

/** A valid mail with upper-case letters in it: a server that folds case changes it (REP-01). */
export const mail: fc.Arbitrary<string> = fc
  .record({
    first: fc.constantFrom(...FIRST_NAMES),
    last: fc.constantFrom(...LAST_NAMES),
    separator: fc.constantFrom('.', '_', '-', '+'),
    number: fc.option(fc.nat({ max: 99 }), { nil: undefined }),
    domain: fc.constantFrom(...MAIL_DOMAINS),
  })
  .map(({ first, last, separator, number, domain }) => `${first}${separator}${last}${number ?? ''}@${domain}`);

/** A French phone number as people type it: national (06 12 34 56 78) or international (+33 6 12 34 56 78), spaced or not. */
export const phone: fc.Arbitrary<string> = fc
  .record({
    international: fc.boolean(),
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
    spaced: fc.boolean(),
    mobile: fc.boolean(),
  })
  .map(({ international, digits, spaced, mobile }) => {
    const pairs = [0, 2, 4, 6].map((at) => `${digits[at]}${digits[at + 1]}`);
    const separator = spaced ? ' ' : '';
    const first = mobile ? '6' : '1';
    return [international ? `+33${separator}${first}` : `0${first}`, ...pairs].join(separator);
  });

export const nationality = fc.constantFrom('FR', 'DE', 'US', 'MA', 'JP', 'UA', 'fr');
export const birthDept = fc.constantFrom('01', '2A', '2B', '75', '971', '99', '');

/** Tags: distinct names across the kinds of text but empty (a tag without a name is not a tag). */
export const tags: fc.Arbitrary<{ name: string }[]> = fc
  .uniqueArray(text(TEXT_KINDS.filter((kind) => kind !== 'empty')), { minLength: 0, maxLength: 3 })
  .map((names) => names.map((name) => ({ name })));

export type Address = Partial<Record<AddressMember, string>>;

/**
 * Text of digits for the members that often hold digits only (DIGIT_ONLY_MEMBERS), leading zeros
 * among them: an answer may write such a member as a number, and REP-01 fails one that loses a
 * digit ("01000" -> 1000). French postal codes of the Ain or the Aisne start with 0.
 */
export const digitOnlyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('01000', '02100', '0', '007', '75001'),
  fc.stringMatching(/^[0-9]{1,5}$/),
);

/**
 * `address` with each of its digit-only members, where set, replaced by digit-only text about half
 * the time; a digit text already taken by another member is not used, so members stay distinct
 * (a server that swaps two members must show it).
 */
function withDigitOnlyMembers(address: fc.Arbitrary<Address>): fc.Arbitrary<Address> {
  // fc.option gives nil one time in `freq`: here, one member in two keeps its drawn text.
  const digits = fc.tuple(...DIGIT_ONLY_MEMBERS.map(() => fc.option(digitOnlyText, { nil: undefined, freq: 2 })));
  return fc.tuple(address, digits).map(([drawn, texts]) => {
    const out: Address = { ...drawn };
    DIGIT_ONLY_MEMBERS.forEach((member, index) => {
      const digitText = texts[index];
      if (digitText !== undefined && out[member] !== undefined && !Object.values(out).includes(digitText))
        out[member] = digitText;
    });
    return out;
  });
}

/** An address with every one of its 14 members set, none empty; its texts cover the other kinds, digits among them. */
export const fullAddress: fc.Arbitrary<Address> = withDigitOnlyMembers(
  coveringTexts(
    ADDRESS_MEMBERS.length,
    TEXT_KINDS.filter((kind) => kind !== 'empty'),
  ).map((values) => Object.fromEntries(ADDRESS_MEMBERS.map((member, index) => [member, values[index]])) as Address),
);

/** An address with some of its members (at least one, not all): what follows a full one in REP-02's partial case. */
export const partialAddress: fc.Arbitrary<Address> = withDigitOnlyMembers(
  fc
    .tuple(
      fc.shuffledSubarray([...ADDRESS_MEMBERS], { minLength: 1, maxLength: ADDRESS_MEMBERS.length - 1 }),
      coveringTexts(
        ADDRESS_MEMBERS.length,
        TEXT_KINDS.filter((kind) => kind !== 'empty'),
      ),
    )
    .map(
      ([members, values]) =>
        Object.fromEntries(members.map((member) => [member, values[ADDRESS_MEMBERS.indexOf(member)]])) as Address,
    ),
);

/** The kinds of text of the free-text fields: the empty string among them, so that it never masks an address member not stored. */
const FREE_TEXT_KINDS: readonly TextKind[] = ['empty', 'script', 'cased', 'spaced'];

/**
 * Every scalar field of a contact (no entry lists), `surname` carrying `marker` so that cleanup
 * finds the contact. The 14 address members cover every non-empty kind of text; the free-text
 * fields carry the one empty string and more scripts, spaces and case.
 */
export function everyScalarFieldArbitrary(marker: string): fc.Arbitrary<ContactInput> {
  return fc
    .record({
      free: coveringTexts(FREE_TEXT_FIELDS.length, FREE_TEXT_KINDS),
      address: fullAddress,
      surname: text(['cased', 'script', 'combining', 'astral'] satisfies TextKind[]),
      mail,
      phone,
      mobile: phone,
      nationality,
      birth_dept: birthDept,
      birthdate,
      age_category: ageCategory,
      booleans: fc.tuple(...BOOLEAN_FIELDS.map(() => fc.boolean())),
      tags,
    })
    .map(({ free, surname, booleans, ...rest }) => {
      const texts = Object.fromEntries(FREE_TEXT_FIELDS.map((field, index) => [field, free[index]]));
      const flags = Object.fromEntries(BOOLEAN_FIELDS.map((field, index) => [field, booleans[index]]));
      return { ...texts, ...rest, ...flags, surname: `${marker} ${surname}` } as ContactInput;
    });
}

/** How a payload carries an entry list it has nothing for: left out, or `[]` (ENT-07 and ENT-02 treat both as "no entries"). */
export type NoEntries = 'omitted' | 'empty';
export const noEntries: fc.Arbitrary<NoEntries> = fc.constantFrom('omitted', 'empty');

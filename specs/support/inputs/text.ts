/**
 * Strings across realistic text (issue 14): Latin with its case, other scripts, combining marks,
 * characters outside the BMP, white space, and the empty string. Every value is JSON-safe (no lone
 * surrogate, no control character a database refuses) and is one a client may send: REP-01 wants it
 * back exactly as sent, so a server may normalise nothing (no trim, no NFC, no case folding).
 */
import fc from 'fast-check';

/**
 * The kinds of text a field may carry; each names what a careless server would damage. In order of
 * what a few values must cover first (coveringTexts gives the first kinds to the first values).
 */
export const TEXT_KINDS = ['spaced', 'astral', 'combining', 'cased', 'empty', 'script'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

/** Kinds for a value that must not be empty (an answer to a text form, a tag name). */
export const NON_EMPTY_TEXT_KINDS: readonly TextKind[] = TEXT_KINDS.filter((kind) => kind !== 'empty');

const LATIN = ['Ada', 'Lovelace', 'rue', 'Rivoli', 'Grace', 'Hopper', 'Élodie', 'Saint-Étienne', 'Müller', 'Ørsted'];
/** Names and places in scripts other than Latin (precomposed, NFC). */
const SCRIPTS = ['Юлия', 'Ελένη', 'فاطمة', 'שרה', '王芳', 'अनन्या', 'สมชาย', '서울', 'Δήμος', 'Київ', '東京'];
/**
 * A base letter and a combining mark that NFC composes into one precomposed letter (é, à, ô, ñ, ü,
 * ç, å): sent decomposed (NFD), so a server that normalises to NFC changes them.
 */
const DECOMPOSED = ['e\u0301', 'a\u0300', 'o\u0302', 'n\u0303', 'u\u0308', 'c\u0327', 'a\u030a'];
/** Characters outside the BMP (surrogate pairs in UTF-16, four bytes in UTF-8). */
const ASTRAL = ['😀', '🇫🇷', '𝒜', '𠜎', '🏠', '𝔘', '👩‍💻', '🎉'];
/** White space a trim would remove, or a collapse would merge. */
const SPACES = [' ', '  ', '\t', '\u00a0', '\u2009'];

const latinWord = fc.constantFrom(...LATIN);

/** A Latin word with its letters in a drawn case, at least one letter changed from the word as written. */
const casedWord = fc
  .tuple(latinWord, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }))
  .map(([word, upper]) => {
    const cased = [...word]
      .map((letter, index) => (upper[index] ? letter.toUpperCase() : letter.toLowerCase()))
      .join('');
    // Always mixed case: a value all lower or all upper would hide a server that folds case.
    return cased === cased.toLowerCase() ? cased.charAt(0).toUpperCase() + cased.slice(1) : cased;
  })
  .map((word) => (word === word.toUpperCase() ? word.charAt(0) + word.slice(1).toLowerCase() : word));

const combined = fc
  .tuple(latinWord, fc.constantFrom(...DECOMPOSED), fc.boolean())
  .map(([word, letters, first]) => (first ? `${letters}${word.toLowerCase()}` : `${word}${letters}`));

const astral = fc
  .tuple(fc.constantFrom(...LATIN, ...SCRIPTS), fc.constantFrom(...ASTRAL), fc.boolean())
  .map(([word, char, before]) => (before ? `${char} ${word}` : `${word} ${char}`));

const spaced = fc
  .tuple(fc.constantFrom(...SPACES), fc.constantFrom(...LATIN, ...SCRIPTS), fc.constantFrom(...SPACES), latinWord)
  .map(([lead, word, inner, last]) => `${lead}${word}${inner}${last}${lead}`);

const BY_KIND: Record<TextKind, fc.Arbitrary<string>> = {
  cased: fc.array(casedWord, { minLength: 1, maxLength: 2 }).map((words) => words.join(' ')),
  script: fc.array(fc.constantFrom(...SCRIPTS), { minLength: 1, maxLength: 2 }).map((words) => words.join(' ')),
  combining: combined,
  astral,
  spaced,
  empty: fc.constant(''),
};

/** A string of one kind. */
export function textOf(kind: TextKind): fc.Arbitrary<string> {
  return BY_KIND[kind];
}

/** A string of any of `kinds`. */
export function text(kinds: readonly TextKind[] = TEXT_KINDS): fc.Arbitrary<string> {
  return fc.oneof(...kinds.map(textOf));
}

/**
 * `count` strings that together carry every kind of `kinds` (when count allows), in a drawn order:
 * one draw of a whole contact then always meets a trim, an NFC normalisation, a case fold or a
 * four-byte character, wherever they land. At most one is empty, and the others are distinct, so
 * that a swap between two fields shows.
 */
export function coveringTexts(count: number, kinds: readonly TextKind[] = TEXT_KINDS): fc.Arbitrary<string[]> {
  const filled = kinds.filter((kind) => kind !== 'empty');
  const assigned = Array.from(
    { length: count },
    (_, index) => (index < kinds.length ? kinds[index] : filled[index % filled.length]) as TextKind,
  );
  return fc
    .tuple(fc.tuple(...assigned.map(textOf)), fc.shuffledSubarray([...assigned.keys()], { minLength: count }))
    .map(([values, order]) => order.map((index) => values[index] as string))
    .filter((values) => values.every((value, index) => value === '' || values.indexOf(value) === index));
}

// The shared arbitraries (specs/support/inputs) draw only what CONTRACT.md section 2 allows, and
// cover what they promise in every draw: the specs rely on it to catch a fault with any seed.
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { isInputTimestamp } from '../../../schemas/formats';
import { ADDRESS_MEMBERS, DIGIT_ONLY_MEMBERS } from '../contact';
import { everyScalarFieldArbitrary, fullAddress, partialAddress } from '../inputs/contact';
import { optionsEndingBelowTheTop, optionsInAnyOrder } from '../inputs/entries';
import {
  CREDENTIAL_KINDS,
  TYPE_ERROR_POSITIONS,
  credentialHeader,
  credentialRecipe,
  typeErrorAt,
  withTypeError,
} from '../inputs/invalid';
import { derivedSeed } from '../inputs/seed';
import { coveringTexts } from '../inputs/text';
import { coveringAnswers, inputTimestamp } from '../inputs/values';
import type { Form } from '../forms';

const RUNS = 100;

test('derived seeds are stable for a run seed and a title, and differ between titles', () => {
  expect(derivedSeed(42, 'REP-01 a title')).toBe(derivedSeed(42, 'REP-01 a title'));
  expect(derivedSeed(42, 'REP-01 a title')).not.toBe(derivedSeed(42, 'REP-01 another title'));
  expect(derivedSeed(42, 'REP-01 a title', 0)).not.toBe(derivedSeed(42, 'REP-01 a title', 1));
  expect(derivedSeed(42, 'REP-01 a title')).not.toBe(derivedSeed(43, 'REP-01 a title'));
});

test('every draw of covering texts carries spaces, a four-byte character, an NFC-composable mark and mixed case, at most one empty', () => {
  fc.assert(
    fc.property(coveringTexts(18), (values) => {
      expect(values.some((value) => value !== value.trim())).toBe(true);
      expect(values.some((value) => /[\u{10000}-\u{10FFFF}]/u.test(value))).toBe(true);
      expect(values.some((value) => value !== value.normalize('NFC'))).toBe(true);
      expect(values.some((value) => /[A-Z]/.test(value) && /[a-z]/.test(value))).toBe(true);
      expect(values.filter((value) => value === '').length).toBeLessThanOrEqual(1);
      expect(new Set(values.filter(Boolean)).size).toBe(values.filter(Boolean).length);
      // JSON-safe: no lone surrogate survives a round trip.
      expect(JSON.parse(JSON.stringify(values))).toEqual(values);
      expect(
        values.every((value) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)),
      ).toBe(true);
    }),
    { numRuns: RUNS },
  );
});

test('a whole contact sets all 14 address members, and its mail has upper-case letters', () => {
  fc.assert(
    fc.property(everyScalarFieldArbitrary('qct-test'), (contact) => {
      expect(Object.keys(contact.address ?? {}).sort()).toEqual([...ADDRESS_MEMBERS].sort());
      expect(contact.mail).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/i);
      expect(contact.mail).toMatch(/[A-Z]/);
      expect(isInputTimestamp(contact.birthdate as string)).toBe(true);
    }),
    { numRuns: RUNS },
  );
});

test('a full address has no empty member, and a partial one leaves at least one out', () => {
  fc.assert(
    fc.property(fullAddress, partialAddress, (full, partial) => {
      expect(ADDRESS_MEMBERS.every((member) => full[member])).toBe(true);
      const sent = Object.keys(partial).length;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(sent).toBeLessThan(ADDRESS_MEMBERS.length);
    }),
    { numRuns: RUNS },
  );
});

test('digit-only address members are often digits with a leading zero, and the members of an address stay distinct', () => {
  const addresses = fc.sample(fc.oneof(fullAddress, partialAddress), { numRuns: 200, seed: 42 });
  const digitOnly = addresses.flatMap((address) => DIGIT_ONLY_MEMBERS.map((member) => address[member] ?? ''));
  expect(digitOnly.some((value) => /^0[0-9]+$/.test(value))).toBe(true);
  for (const address of addresses) {
    const values = Object.values(address);
    expect(new Set(values).size, JSON.stringify(address)).toBe(values.length);
  }
});

test('timestamps have exactly three fractional digits; numeric answers are decimal digits with 0 and a number past 32 bits', () => {
  fc.assert(
    fc.property(inputTimestamp, coveringAnswers('numeric', 4), (instant, numbers) => {
      expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(numbers.every((value) => /^(0|[1-9]\d*)$/.test(value))).toBe(true);
      expect(numbers).toContain('0');
      expect(numbers.some((value) => Number(value) > 2 ** 31 - 1)).toBe(true);
    }),
    { numRuns: RUNS },
  );
});

const checkbox: Form = {
  list: 'custom_fields',
  category: 'custom_fields',
  id: 1,
  label: 'Interests',
  type: 'checkbox',
  refvalues: [10, 11, 12, 13].map((id) => ({ id, value: `v${id}` })),
};

test('options come in an order that is never ascending; radio options never end on the highest id', () => {
  fc.assert(
    fc.property(optionsInAnyOrder(checkbox), optionsEndingBelowTheTop(checkbox), (any, radio) => {
      expect(any.every((option, at) => at === 0 || (any[at - 1] as number) < option)).toBe(false);
      expect(radio.at(-1)).not.toBe(3);
      expect([...radio].sort()).toEqual([0, 1, 2, 3]);
    }),
    { numRuns: RUNS },
  );
});

test('a type error lands at its path, with a value of another type than the position takes, never null', () => {
  const valid = { surname: 'qct', tags: [{ name: 'a' }], custom_fields: [{ form_id: 1, form_ref_id: 2, data: 'x' }] };
  for (const position of TYPE_ERROR_POSITIONS) {
    fc.assert(
      fc.property(typeErrorAt(position, valid), (error) => {
        expect(error.value).not.toBeNull();
        const body = withTypeError(valid, error);
        const at = error.path
          .split(/\.|\[(\d+)\]/)
          .filter((step) => step !== undefined && step !== '')
          .reduce<unknown>((node, step) => (node as Record<string, unknown>)[step], body);
        expect(at, `${position}: ${error.path}`).toEqual(error.value);
      }),
      { numRuns: 20 },
    );
  }
});

test('a broken credential is never the token, and what transcripts show never holds a part of it', () => {
  const token = 'Secret-Token-0123456789';
  for (const kind of CREDENTIAL_KINDS) {
    fc.assert(
      fc.property(credentialRecipe(kind, token), (recipe) => {
        const { value, shown } = credentialHeader(recipe, token, 'QOMON_TOKEN');
        expect(value).not.toBe(`Bearer ${token}`);
        expect(shown).not.toContain(token.slice(0, 6));
        expect(shown.toLowerCase()).not.toContain(token.slice(0, 6).toLowerCase());
      }),
      { numRuns: 20 },
    );
  }
});

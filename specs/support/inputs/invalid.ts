/**
 * Invalid requests from one generator (issue 14): every VAL and AUT test draws its invalid input
 * here. A type error can sit at every nested position of a contact (a field, an address member, a
 * tag, a list, an entry, an entry's member); an invalid entry can sit in one list beside valid
 * entries in the other; a credential can be the token unknown, truncated, extended, in another case,
 * under another scheme. `null` is never the wrong value: a server may read it as "clear".
 */
import fc from 'fast-check';
import {
  ADDRESS_MEMBERS,
  BOOLEAN_FIELDS,
  ENTRY_LISTS,
  STRING_FIELDS,
  type ContactInput,
  type EntryListName,
} from '../contact';

/** A JSON value of another type than the one the position takes (never null). */
const NOT_A_STRING = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.boolean(),
  fc.constant(['Ada']),
  fc.constant({ value: 'Ada' }),
);
const NOT_A_BOOLEAN = fc.oneof(fc.constantFrom('yes', 'true', 'false', ''), fc.constantFrom(0, 1), fc.constant([true]));
const NOT_AN_INTEGER = fc.oneof(
  fc.constantFrom('3', '0', 'three'),
  fc.boolean(),
  fc.constant([3]),
  fc.constant({ n: 3 }),
);
const NOT_A_TIMESTAMP = fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), fc.constant({ $date: 0 }));
const NOT_AN_OBJECT = fc.oneof(fc.constantFrom('rue de Rivoli', ''), fc.integer(), fc.constant(['rue de Rivoli']));
const NOT_AN_ARRAY = fc.oneof(fc.constant({}), fc.constantFrom('volunteer', ''), fc.integer({ min: 0, max: 9 }));

/** Where a type error sits; each VAL-02 test takes one position, so every position is covered in every run. */
export const TYPE_ERROR_POSITIONS = [
  // A number where text belongs, and an object where a list belongs, are what lenient binders
  // coerce (String(42), Object.values({})): each has a test of its own, so every run sends one.
  'a string field (a number)',
  'a string field (another type)',
  'a boolean field',
  'birthdate',
  'age_category',
  'address',
  'an address member',
  'tags',
  'a tag',
  'a tag name',
  'an entry list (an object)',
  'an entry list (another type)',
  'an entry',
  "an entry's form_id",
  "an entry's form_ref_id",
  "an entry's data",
  "an entry's date",
] as const;
export type TypeErrorPosition = (typeof TYPE_ERROR_POSITIONS)[number];

/** A wrong value at a path of the body, as a maintainer reads it. */
export interface TypeError {
  /** The JSON path below data.contact, e.g. `address.floor` or `formdatas[1].data`. */
  path: string;
  value: unknown;
}

const ENTRY_MEMBERS = {
  "an entry's form_id": 'form_id',
  "an entry's form_ref_id": 'form_ref_id',
  "an entry's data": 'data',
  "an entry's date": 'date',
} as const;

/** One type error at `position`, placed in `valid` (whose lists must hold an entry for the entry positions). */
export function typeErrorAt(position: TypeErrorPosition, valid: ContactInput): fc.Arbitrary<TypeError> {
  const listsWithEntries = ENTRY_LISTS.filter((list) => (valid[list]?.length ?? 0) > 0);
  const entryIn = (member: string | undefined, wrong: fc.Arbitrary<unknown>) =>
    fc
      .constantFrom(...(listsWithEntries.length ? listsWithEntries : ENTRY_LISTS))
      .chain((list) =>
        fc
          .tuple(fc.nat({ max: Math.max((valid[list]?.length ?? 1) - 1, 0) }), wrong)
          .map(([index, value]) => ({ path: `${list}[${index}]${member ? `.${member}` : ''}`, value })),
      );
  const at = (fields: readonly string[], wrong: fc.Arbitrary<unknown>) =>
    fc.tuple(fc.constantFrom(...fields), wrong).map(([path, value]) => ({ path, value }));
  switch (position) {
    case 'a string field (a number)':
      return at(STRING_FIELDS, fc.integer({ min: -1000, max: 100_000 }));
    case 'a string field (another type)':
      return at(STRING_FIELDS, fc.oneof(fc.boolean(), fc.constant(['Ada']), fc.constant({ value: 'Ada' })));
    case 'a boolean field':
      return at(BOOLEAN_FIELDS, NOT_A_BOOLEAN);
    case 'birthdate':
      return at(['birthdate'], NOT_A_TIMESTAMP);
    case 'age_category':
      return at(['age_category'], NOT_AN_INTEGER);
    case 'address':
      return at(['address'], NOT_AN_OBJECT);
    case 'an address member':
      return at(
        ADDRESS_MEMBERS.map((member) => `address.${member}`),
        NOT_A_STRING,
      );
    case 'tags':
      return at(['tags'], NOT_AN_ARRAY);
    case 'a tag':
      return fc
        .tuple(fc.nat({ max: Math.max((valid.tags?.length ?? 1) - 1, 0) }), NOT_AN_OBJECT)
        .map(([index, value]) => ({ path: `tags[${index}]`, value }));
    case 'a tag name':
      return fc
        .tuple(fc.nat({ max: Math.max((valid.tags?.length ?? 1) - 1, 0) }), NOT_A_STRING)
        .map(([index, value]) => ({ path: `tags[${index}].name`, value }));
    case 'an entry list (an object)':
      return at(ENTRY_LISTS, fc.constant({}));
    case 'an entry list (another type)':
      return at(ENTRY_LISTS, fc.oneof(fc.constantFrom('Architect', ''), fc.integer({ min: 0, max: 9 }), fc.boolean()));
    case 'an entry':
      return entryIn(undefined, fc.oneof(fc.constantFrom('Architect', '12519'), fc.integer({ min: 0, max: 99_999 })));
    case "an entry's form_id":
    case "an entry's form_ref_id":
      return entryIn(
        ENTRY_MEMBERS[position],
        fc.oneof(fc.integer({ min: 1, max: 99_999 }).map(String), fc.boolean(), fc.constant([1])),
      );
    case "an entry's data":
      return entryIn(
        ENTRY_MEMBERS[position],
        fc.oneof(fc.integer({ min: 0, max: 99 }), fc.boolean(), fc.constant(['Architect'])),
      );
    case "an entry's date":
      return entryIn(ENTRY_MEMBERS[position], NOT_A_TIMESTAMP);
  }
}

/**
 * The body with the wrong value set at `error.path`. Containers the path names that the valid
 * contact lacks are made (an address, a tag), so that the wrong value is the only fault.
 */
export function withTypeError(valid: ContactInput, error: TypeError): Record<string, unknown> {
  const body = structuredClone(valid) as Record<string, unknown>;
  const steps = error.path.split(/\.|\[(\d+)\]/).filter((step) => step !== undefined && step !== '');
  let container: Record<string, unknown> | unknown[] = body;
  steps.forEach((step, index) => {
    const key = /^\d+$/.test(step) ? Number(step) : step;
    if (index === steps.length - 1) {
      (container as Record<string | number, unknown>)[key] = error.value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(steps[index + 1] as string);
    const record = container as Record<string | number, unknown>;
    if (typeof record[key] !== 'object' || record[key] === null)
      record[key] = nextIsIndex ? [{ name: 'volunteer' }] : {};
    container = record[key] as Record<string, unknown>;
  });
  return body;
}

/** A sentence for a title or a message: `address.floor = 42`. */
export function describeTypeError(error: TypeError): string {
  return `${error.path} = ${JSON.stringify(error.value)}`;
}

/** An entry no server may accept in `list`: valid in shape, but with one member of the wrong type. */
export function invalidEntryIn(list: EntryListName, valid: ContactInput): fc.Arbitrary<TypeError> {
  const withEntries = {
    ...valid,
    [list]: valid[list]?.length ? valid[list] : [{ form_id: 0, form_ref_id: 0, data: '' }],
  };
  return fc
    .constantFrom<TypeErrorPosition>(
      "an entry's form_id",
      "an entry's form_ref_id",
      "an entry's data",
      "an entry's date",
      'an entry',
    )
    .chain((position) =>
      typeErrorAt(position, { ...withEntries, [ENTRY_LISTS.find((other) => other !== list) as EntryListName]: [] }),
    );
}

// ---------------------------------------------------------------------------------------------
// Credentials (AUT-02): each variant is a recipe, drawn and recorded without the token in it; the
// header is built from the recipe and the token only when the request is sent.

export type CredentialRecipe =
  | { kind: 'unknown'; token: string }
  | { kind: 'truncated'; drop: number }
  | { kind: 'extended'; suffix: string }
  | { kind: 'case-swapped' }
  | { kind: 'scheme'; scheme: 'Token' | 'Bearer Bearer' | 'none' }
  | { kind: 'basic' }
  | { kind: 'empty-bearer' };

/** Basic is a kind of its own: its header hides the token in base64, where the others carry it plain. */
export const CREDENTIAL_KINDS = [
  'unknown',
  'truncated',
  'extended',
  'case-swapped',
  'scheme',
  'basic',
  'empty-bearer',
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** A recipe of `kind`; `token` only decides the sizes (a truncation leaves at least one character). */
export function credentialRecipe(kind: CredentialKind, token: string): fc.Arbitrary<CredentialRecipe> {
  switch (kind) {
    case 'unknown':
      return fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/).map((random) => ({ kind, token: `qct-unknown-${random}` }));
    case 'truncated':
      return fc.integer({ min: 1, max: Math.max(1, Math.min(8, token.length - 1)) }).map((drop) => ({ kind, drop }));
    case 'extended':
      return fc.constantFrom('0', 'x', '=', '-', 'abc', ' x').map((suffix) => ({ kind, suffix }));
    case 'case-swapped':
      return fc.constant({ kind });
    case 'scheme':
      return fc.constantFrom('Token', 'Bearer Bearer', 'none').map((scheme) => ({ kind, scheme }) as CredentialRecipe);
    case 'basic':
      return fc.constant({ kind });
    case 'empty-bearer':
      return fc.constant({ kind });
  }
}

/** The Authorization header of a recipe, and what transcripts show instead (never a part of the token). */
export function credentialHeader(
  recipe: CredentialRecipe,
  token: string,
  variable: string,
): { value: string; shown: string; label: string } {
  const ref = `$${variable}`;
  switch (recipe.kind) {
    case 'unknown':
      return { value: `Bearer ${recipe.token}`, shown: `Bearer ${recipe.token}`, label: 'an unknown bearer token' };
    case 'truncated':
      return {
        value: `Bearer ${token.slice(0, token.length - recipe.drop)}`,
        shown: `Bearer \${${variable}:0:-${recipe.drop}}`,
        label: `the token without its last ${recipe.drop} character(s)`,
      };
    case 'extended':
      return {
        value: `Bearer ${token}${recipe.suffix}`,
        shown: `Bearer ${ref}${recipe.suffix}`,
        label: `the token followed by ${JSON.stringify(recipe.suffix)}`,
      };
    case 'case-swapped': {
      const swapped = [...token].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
      const value = swapped === token ? `${token}X` : swapped;
      return {
        value: `Bearer ${value}`,
        shown: `Bearer $(printf %s "${ref}" | tr a-zA-Z A-Za-z)`,
        label: 'the token with the case of its letters swapped',
      };
    }
    case 'basic':
      return {
        value: `Basic ${Buffer.from(`user:${token}`).toString('base64')}`,
        shown: `Basic $(printf 'user:%s' "${ref}" | base64 -w0)`,
        label: 'the token under the Basic scheme',
      };
    case 'scheme':
      if (recipe.scheme === 'none') return { value: token, shown: ref, label: 'the token without a scheme' };
      return {
        value: `${recipe.scheme} ${token}`,
        shown: `${recipe.scheme} ${ref}`,
        label: `the token under the scheme "${recipe.scheme}"`,
      };
    case 'empty-bearer':
      return { value: 'Bearer ', shown: 'Bearer ', label: 'the Bearer scheme with no token' };
  }
}

/**
 * The contact as the suite writes it (CONTRACT.md section 2): the writable fields, their kinds, and
 * a contact with every in-scope field set. Pure data; no requests.
 */
import type { JsonObject } from '../request-path/answer';

export type EntryListName = 'formdatas' | 'custom_fields';
export const ENTRY_LISTS: readonly EntryListName[] = ['formdatas', 'custom_fields'];

/** An entry in a request: `{form_id, form_ref_id, data, date?}` (`survey_id` may appear in formdatas). */
export interface EntryInput {
  form_id: number;
  form_ref_id: number;
  data: string;
  date?: string;
  survey_id?: number;
}

export const STRING_FIELDS = [
  'firstname',
  'surname',
  'married_name',
  'mail',
  'phone',
  'mobile',
  'nationality',
  'birth_city',
  'birth_country',
  'birth_dept',
] as const;
export const BOOLEAN_FIELDS = ['black_list', 'mobile_invalid', 'phone_invalid'] as const;
export const ADDRESS_MEMBERS = [
  'housenumber',
  'street',
  'postalcode',
  'citycode',
  'city',
  'county',
  'state',
  'country',
  'addition',
  'infos',
  'building',
  'floor',
  'door',
  'pollingstation',
] as const;

/**
 * The address members whose values are often digits only. Section 2: an answer may carry such a
 * member as a JSON number whose decimal text is exactly the string sent ("75001" -> 75001), as
 * Qomon's own examples do; "01000" -> 1000 loses a digit (REP-01).
 */
export const DIGIT_ONLY_MEMBERS = [
  'housenumber',
  'postalcode',
  'citycode',
  'floor',
] as const satisfies readonly (typeof ADDRESS_MEMBERS)[number][];

export type StringField = (typeof STRING_FIELDS)[number];
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];
export type AddressMember = (typeof ADDRESS_MEMBERS)[number];

export interface ContactInput extends Partial<Record<StringField, string>>, Partial<Record<BooleanField, boolean>> {
  birthdate?: string;
  age_category?: number;
  address?: Partial<Record<AddressMember, string>>;
  tags?: { name: string }[];
  formdatas?: EntryInput[];
  custom_fields?: EntryInput[];
}

/** Every writable, in-scope field of CONTRACT.md section 2 (REP-01, REP-02 range over these). */
export const WRITABLE_FIELDS = [
  ...STRING_FIELDS,
  'birthdate',
  'age_category',
  ...BOOLEAN_FIELDS,
  'address',
  'tags',
  'formdatas',
  'custom_fields',
] as const;
export type WritableField = (typeof WRITABLE_FIELDS)[number];

/** Scalar fields: every writable field but the two entry lists, which have rules of their own. */
export const SCALAR_FIELDS = WRITABLE_FIELDS.filter(
  (field): field is Exclude<WritableField, EntryListName> => field !== 'formdatas' && field !== 'custom_fields',
);

/**
 * A contact with every in-scope scalar field set to a value that is easy to recognise in a report.
 * `marker` makes the contact findable (and sweepable) as one of this run's.
 */
export function everyScalarField(marker: string): ContactInput {
  return {
    firstname: 'Ada',
    surname: `${marker} Lovelace`,
    married_name: 'King',
    mail: 'ada.lovelace@example.org',
    phone: '+33102030405',
    mobile: '+33607080910',
    nationality: 'FR',
    birth_city: 'Paris',
    birth_country: 'France',
    birth_dept: '75',
    birthdate: '1955-07-06T00:00:00.000Z',
    age_category: 3,
    black_list: true,
    mobile_invalid: true,
    phone_invalid: true,
    address: {
      housenumber: '12',
      street: 'rue de Rivoli',
      postalcode: '75001',
      citycode: '75101',
      city: 'Paris',
      county: 'Paris',
      state: 'Ile-de-France',
      country: 'France',
      addition: 'bis',
      infos: 'digicode 1234',
      building: 'B',
      floor: '3',
      door: '12',
      pollingstation: '101',
    },
    tags: [{ name: 'volunteer' }, { name: 'donor' }],
  };
}

/** The entries of a list in an answer: `custom_fields`, or the older `customfields` when only it is present. */
export function entriesOf(contact: JsonObject, list: EntryListName): JsonObject[] {
  const value = contact[list] ?? (list === 'custom_fields' ? contact.customfields : undefined);
  return Array.isArray(value) ? (value.filter((entry) => entry && typeof entry === 'object') as JsonObject[]) : [];
}

/** ENT-02: an entry is active unless a response lists it with `deleted_at` set. */
export function isActive(entry: JsonObject): boolean {
  return entry.deleted_at === undefined || entry.deleted_at === null;
}

export function activeEntriesOf(contact: JsonObject, list: EntryListName): JsonObject[] {
  return entriesOf(contact, list).filter(isActive);
}

// The contact's writable fields as CONTRACT section 2 lists them ("Contact (request, writable
// fields; current field names)"), in that order, which is also the order of the answer.

import type { EpochMicroseconds } from './timestamps';

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
export type StringField = (typeof STRING_FIELDS)[number];

export const BOOLEAN_FIELDS = ['black_list', 'mobile_invalid', 'phone_invalid'] as const;
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];

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
export type AddressMember = (typeof ADDRESS_MEMBERS)[number];

/** The members Qomon's examples write as JSON numbers (section 2): often digits only. */
export const DIGIT_ONLY_MEMBERS = [
  'housenumber',
  'postalcode',
  'citycode',
  'floor',
] as const satisfies readonly AddressMember[];

/** "out of scope for the rules below (OBSERVE only)": accepted, stored and echoed as sent. */
export const OUT_OF_SCOPE_FIELDS = ['action_ids', 'user_contact_id', 'notes'] as const;

export const ENTRY_LIST_FIELDS = ['formdatas', 'custom_fields'] as const;

/** Every property a request's contact may carry; anything else is refused. */
export const CONTACT_REQUEST_FIELDS: readonly string[] = [
  ...STRING_FIELDS,
  'birthdate',
  'age_category',
  ...BOOLEAN_FIELDS,
  'address',
  'tags',
  ...ENTRY_LIST_FIELDS,
  ...OUT_OF_SCOPE_FIELDS,
];

/** A stored address: a member not sent is `null`. */
export type Address = { readonly [member in AddressMember]: string | null };

export interface Tag {
  readonly name: string;
}

/** The writable state of a contact, every field present; `null`, `false` or `[]` when cleared. */
export type ContactFields = { readonly [field in StringField]: string | null } & {
  readonly [field in BooleanField]: boolean;
} & {
  readonly birthdate: EpochMicroseconds | null;
  readonly age_category: number | null;
  readonly address: Address | null;
  readonly tags: readonly Tag[];
  readonly action_ids: readonly number[];
  readonly user_contact_id: number | null;
  readonly notes: readonly unknown[];
};

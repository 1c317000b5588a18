// Form ids of space 1's catalogue (see catalogue.ts) and payloads built from them. Written out
// here, not imported, so the tests also check the catalogue the mock serves.

export const JOB = { form_id: 12519, form_ref_id: 19491 } as const; // custom_fields text
export const DATE_OF_FIRST_JOB = { form_id: 12520, form_ref_id: 19492 } as const; // custom_fields date
export const NUMBER_OF_CHILDREN = { form_id: 12521, form_ref_id: 19493 } as const; // custom_fields numeric
export const PREFERRED_CONTACT_TIME = {
  form_id: 12524,
  options: { morning: 19496, afternoon: 19497, evening: 19498 },
} as const; // custom_fields radio
export const INTERESTS = {
  form_id: 12525,
  options: { environment: 19499, education: 19500, health: 19501, housing: 19502 },
} as const; // custom_fields checkbox
export const LEVEL_OF_SUPPORT = {
  form_id: 11238,
  options: { elected_official: 17863, association: 17864, business: 17865, citizen: 17866, to_be_convinced: 17867 },
} as const; // formdatas radio
export const NEXT_STEPS = {
  form_id: 11236,
  options: { call_back: 17858, send_documentation: 17859, report: 17860, invite: 17861 },
} as const; // formdatas checkbox
export const COMMENTS = { form_id: 12518, form_ref_id: 19490 } as const; // formdatas text (survey)
export const HOUSEHOLD_SIZE = { form_id: 12526, form_ref_id: 19503 } as const; // formdatas numeric (survey)
export const DATE_OF_VISIT = { form_id: 12527, form_ref_id: 19504 } as const; // formdatas date (survey)

/** Space 2's "Job": the same form, ids shifted by 100000. */
export const OTHER_SPACE_JOB = { form_id: 112519, form_ref_id: 119491 } as const;

export function optionAnswer<Options extends Record<string, number>>(
  form: { form_id: number; options: Options },
  value: keyof Options & string,
): { form_id: number; form_ref_id: number; data: string } {
  return { form_id: form.form_id, form_ref_id: form.options[value] ?? -1, data: value };
}

/** A contact with every writable field set (CONTRACT section 2). */
export function everyFieldContact(): Record<string, unknown> {
  return {
    firstname: 'Ada',
    surname: 'Lovelace',
    married_name: 'King',
    mail: 'ada@example.org',
    phone: '+33100000000',
    mobile: '+33600000000',
    nationality: 'British',
    birth_city: 'London',
    birth_country: 'United Kingdom',
    birth_dept: 'Middlesex',
    birthdate: '1815-12-10T00:00:00.000Z',
    age_category: 6,
    black_list: true,
    mobile_invalid: true,
    phone_invalid: true,
    address: {
      housenumber: '12',
      street: 'St James Square',
      postalcode: '75001',
      citycode: '75101',
      city: 'Paris',
      county: 'Paris',
      state: 'Ile-de-France',
      country: 'France',
      addition: 'Bis',
      infos: 'Ring twice',
      building: 'A',
      floor: '2',
      door: 'Left',
      pollingstation: '0001',
    },
    tags: [{ name: 'mathematician' }, { name: 'volunteer' }],
    formdatas: [
      optionAnswer(LEVEL_OF_SUPPORT, 'citizen'),
      optionAnswer(NEXT_STEPS, 'call_back'),
      { ...COMMENTS, data: 'Met at the market', date: '2024-07-17T11:34:42.195Z', survey_id: 7 },
      { ...HOUSEHOLD_SIZE, data: '3' },
      { ...DATE_OF_VISIT, data: '2024-02-29T10:00:00.000Z' },
    ],
    custom_fields: [
      { ...JOB, data: 'Architect', date: '2024-07-17T11:34:42.195Z' },
      { ...NUMBER_OF_CHILDREN, data: '2' },
      { ...DATE_OF_FIRST_JOB, data: '1999-12-31T23:59:59.999Z' },
      optionAnswer(PREFERRED_CONTACT_TIME, 'evening'),
      optionAnswer(INTERESTS, 'housing'),
    ],
    action_ids: [1, 2],
    user_contact_id: 42,
    notes: [{ content: 'First visit', pinned: false }],
  };
}

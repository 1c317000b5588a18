// The forms each space offers, as `GET /v1/forms/type/{category}` lists them (CONTRACT section 2,
// "Form (discovery)"). Space 1 uses the ids of Qomon's own examples (qomon-api-notes.md 2.3) and
// adds what section 5 asks for: both lists need a text, numeric, date, radio (3+ options) and
// checkbox (3+ options) form. Space 2 has the same forms under ids shifted by 100000, so no id is
// shared and an answer naming the other space's form is refused.

export const FORM_CATEGORIES = [
  'custom_fields',
  'survey',
  'consent',
  'level_of_support',
  'presence_status',
  'tasks',
] as const;
export type FormCategory = (typeof FORM_CATEGORIES)[number];

export function isFormCategory(name: string): name is FormCategory {
  return (FORM_CATEGORIES as readonly string[]).includes(name);
}

/** The two lists of a contact that hold form answers. */
export type EntryList = 'formdatas' | 'custom_fields';
export const ENTRY_LISTS: readonly EntryList[] = ['formdatas', 'custom_fields'];

/** Section 1: `custom_fields` answers go in `custom_fields`, every other category in `formdatas`. */
export function entryListOf(category: FormCategory): EntryList {
  return category === 'custom_fields' ? 'custom_fields' : 'formdatas';
}

/** `range` is out of the contract's scope; the mock has one so the suite learns to ignore it. */
export type FormType = 'text' | 'numeric' | 'date' | 'radio' | 'checkbox' | 'range';

export interface RefValue {
  readonly id: number;
  readonly form_id: number;
  readonly label?: string;
  readonly value?: string;
}

export interface Form {
  readonly id: number;
  readonly type: FormType;
  readonly label: string;
  readonly category: FormCategory;
  readonly section?: string;
  readonly order: number;
  readonly mandatory: boolean;
  readonly refvalues: readonly RefValue[];
  /** Bounds of a `range` form; kept internal, the forms answer does not carry them. */
  readonly bounds?: { readonly min: number; readonly max: number };
}

export type GroupId = number;
export const SPACE_A_GROUP_ID: GroupId = 1;
export const SPACE_B_GROUP_ID: GroupId = 2;
const SPACE_B_ID_SHIFT = 100_000;

interface FormSketch {
  id: number;
  type: FormType;
  label: string;
  category: FormCategory;
  section?: string;
  mandatory?: boolean;
  /** Free-input forms: the one refvalue id. Choice forms: `[id, value, label]` per option. */
  refvalues: number | ReadonlyArray<readonly [number, string, string]>;
  bounds?: { min: number; max: number };
}

const SPACE_A_SKETCHES: readonly FormSketch[] = [
  // custom_fields (qomon-api-notes 2.3 up to 12523; 12524 and 12525 added for radio and checkbox)
  {
    id: 12519,
    type: 'text',
    label: 'Job',
    category: 'custom_fields',
    section: 'identity',
    mandatory: true,
    refvalues: 19491,
  },
  { id: 12520, type: 'date', label: 'Date of first job', category: 'custom_fields', refvalues: 19492 },
  { id: 12521, type: 'numeric', label: 'Number of children', category: 'custom_fields', refvalues: 19493 },
  { id: 12522, type: 'text', label: 'Member ID', category: 'custom_fields', refvalues: 19494 },
  { id: 12523, type: 'text', label: 'Door color', category: 'custom_fields', refvalues: 19495 },
  {
    id: 12524,
    type: 'radio',
    label: 'Preferred contact time',
    category: 'custom_fields',
    refvalues: [
      [19496, 'morning', 'Morning'],
      [19497, 'afternoon', 'Afternoon'],
      [19498, 'evening', 'Evening'],
    ],
  },
  {
    id: 12525,
    type: 'checkbox',
    label: 'Interests',
    category: 'custom_fields',
    refvalues: [
      [19499, 'environment', 'Environment'],
      [19500, 'education', 'Education'],
      [19501, 'health', 'Health'],
      [19502, 'housing', 'Housing'],
    ],
  },
  // survey (12515 to 12518 from the notes; 12526 numeric and 12527 date added)
  {
    id: 12515,
    type: 'range',
    label: 'How likely are you to vote?',
    category: 'survey',
    refvalues: 19477,
    bounds: { min: 0, max: 10 },
  },
  {
    id: 12516,
    type: 'checkbox',
    label: 'Which topics matter most to you?',
    category: 'survey',
    refvalues: [
      [19478, 'economy', 'Economy'],
      [19479, 'security', 'Security'],
      [19480, 'ecology', 'Ecology'],
      [19481, 'health', 'Health'],
      [19482, 'education', 'Education'],
      [19483, 'transport', 'Transport'],
    ],
  },
  {
    id: 12517,
    type: 'checkbox',
    label: 'How did you hear about us?',
    category: 'survey',
    refvalues: [
      [19484, 'door_to_door', 'Door to door'],
      [19485, 'phone', 'Phone'],
      [19486, 'social_media', 'Social media'],
      [19487, 'press', 'Press'],
      [19488, 'friends', 'Friends'],
      [19489, 'event', 'Event'],
    ],
  },
  { id: 12518, type: 'text', label: 'Comments', category: 'survey', refvalues: 19490 },
  { id: 12526, type: 'numeric', label: 'Household size', category: 'survey', refvalues: 19503 },
  { id: 12527, type: 'date', label: 'Date of visit', category: 'survey', refvalues: 19504 },
  // consent, level_of_support, presence_status, tasks (qomon-api-notes 2.3)
  {
    id: 11240,
    type: 'checkbox',
    label: 'Consents',
    category: 'consent',
    refvalues: [
      [17872, 'nomobile', 'No mobile'],
      [17873, 'stopsms', 'Stop SMS'],
      [17874, 'consent_email', 'Consent to email'],
      [17875, 'consent_mobile', 'Consent to mobile'],
      [17876, 'no_consent_email', 'No consent to email'],
      [17877, 'no_consent_mobile', 'No consent to mobile'],
      [17878, 'double_optin_sms', 'Double opt-in SMS'],
      [17879, 'yes', 'Yes'],
    ],
  },
  {
    id: 11238,
    type: 'radio',
    label: 'Level of support',
    category: 'level_of_support',
    refvalues: [
      [17863, 'elected_official', 'Elected official'],
      [17864, 'association', 'Association'],
      [17865, 'business', 'Business'],
      [17866, 'citizen', 'Citizen'],
      [17867, 'to_be_convinced', 'To be convinced'],
    ],
  },
  {
    id: 11239,
    type: 'radio',
    label: 'Presence status',
    category: 'presence_status',
    refvalues: [
      [17868, 'present', 'present'],
      [17869, 'absent', 'absent'],
      [17870, 'refus', 'refusal'],
      [17871, 'repasse', 'repasse'],
    ],
  },
  {
    id: 11236,
    type: 'checkbox',
    label: 'Next steps',
    category: 'tasks',
    refvalues: [
      [17858, 'call_back', 'Call back'],
      [17859, 'send_documentation', 'Send documentation'],
      [17860, 'report', 'Report'],
      [17861, 'invite', 'Invite'],
    ],
  },
  { id: 11237, type: 'text', label: 'Notes', category: 'tasks', refvalues: 17862 },
];

function buildForms(sketches: readonly FormSketch[], idShift: number): readonly Form[] {
  const formsSoFar = new Map<FormCategory, number>();
  return sketches.map((sketch) => {
    const order = (formsSoFar.get(sketch.category) ?? 0) + 1; // position within its category
    formsSoFar.set(sketch.category, order);
    const id = sketch.id + idShift;
    const refvalues: RefValue[] =
      typeof sketch.refvalues === 'number'
        ? [{ id: sketch.refvalues + idShift, form_id: id }]
        : sketch.refvalues.map(([refId, value, label]) => ({ id: refId + idShift, form_id: id, label, value }));
    return Object.freeze({
      id,
      type: sketch.type,
      label: sketch.label,
      category: sketch.category,
      ...(sketch.section === undefined ? {} : { section: sketch.section }),
      order,
      mandatory: sketch.mandatory ?? false,
      refvalues: Object.freeze(refvalues.map((refvalue) => Object.freeze(refvalue))),
      ...(sketch.bounds === undefined ? {} : { bounds: sketch.bounds }),
    });
  });
}

const FORMS_BY_SPACE: ReadonlyMap<GroupId, readonly Form[]> = new Map([
  [SPACE_A_GROUP_ID, buildForms(SPACE_A_SKETCHES, 0)],
  [SPACE_B_GROUP_ID, buildForms(SPACE_A_SKETCHES, SPACE_B_ID_SHIFT)],
]);

export function formsOfCategory(groupId: GroupId, category: FormCategory): readonly Form[] {
  return (FORMS_BY_SPACE.get(groupId) ?? []).filter((form) => form.category === category);
}

/** The form an entry of `list` may name: of the caller's space and of a category of that list. */
export function findForm(groupId: GroupId, list: EntryList, formId: number): Form | undefined {
  return (FORMS_BY_SPACE.get(groupId) ?? []).find((form) => form.id === formId && entryListOf(form.category) === list);
}

/** The forms answer: the public shape of section 2, without the internal `category` and `bounds`. */
export function renderForm(form: Form): Record<string, unknown> {
  return {
    id: form.id,
    type: form.type,
    label: form.label,
    ...(form.section === undefined ? {} : { section: form.section }),
    order: form.order,
    mandatory: form.mandatory,
    refvalues: form.refvalues.map((refvalue) => ({ ...refvalue })),
  };
}

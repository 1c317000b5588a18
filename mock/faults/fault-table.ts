// The fault zoo: named misimplementations of the contract, one table. Each breaks exactly one rule
// of CONTRACT.md section 3 by swapping one function of the mock's rule set (rules/seams.ts, RuleSet)
// for a wrong one (faults/wrong-*.ts), everything else unchanged, and carries a minimal example the
// reference and the fault answer differently (words in examples.ts). A mock started with
// `fault: name` (`MOCK_FAULT=name`, `--fault name`) is that misimplementation; `npm run selfcheck`
// proves the suite fails on each. Faults marked "across calls" or "at size" hide from a single small
// example. A new fault: a row here and its wrong rule in a wrong-*.ts module.

import type { ContractRuleId } from './contract-rule-ids';
import { REFERENCE_RULES } from '../rules/reference-rule-set';
import {
  entry,
  get,
  job,
  optionEntry,
  surveyEntry,
  overrunTheRateBucket,
  patch,
  post,
  tick,
  CONTACT,
  type Step,
} from './examples';
import type { RuleSet } from '../rules/seams';
import { eachOptionOnce, everyOne, theLastOne } from '../rules/entries';
import {
  answeringTheStaleUpdatedAt,
  patchingAcrossSpaces,
  patchingDeletedContacts,
  savingFieldsBeforeEntries,
} from './wrong-operations';
import {
  listingDeletedEntriesAsActive,
  writingEntryIdsAsStrings,
  writingMillisecondsAsMicroseconds,
  writingProblemStatusAsString,
  writingTimestampsWithoutZone,
} from './wrong-responses';
import {
  addingNewFreeInputValues,
  keepingListsLeftOut,
  keepingUnchangedEntries,
  keepingWith,
  recyclingFreedIds,
  replacingAnsweredFormsOnly,
  resurrectingDeletedValues,
  theFirstOne,
  theFirstThree,
} from './wrong-entries';
import {
  clearingOnTheSecondLeaveOut,
  droppingPollingStation,
  keepingAddressLeftOut,
  resettingCreatedAt,
  truncatingBirthdateToTheDay,
} from './wrong-fields';
import { parsingDigitOnlyMembersAsNumbers, writingClearedAddressAsEmptyString } from './wrong-address';
import {
  chargingTwice,
  chargingWritesOneToken,
  limitingAfterHandling,
  refusingWithoutRetryAfter,
} from './wrong-metering';
import {
  acceptingIdsBeyondInt64,
  answeringUnsupportedMethodsWith501,
  coercingNumbersToStrings,
  defaultingToTheFirstSpace,
  ignoringTheScheme,
  readingEntryObjectsAsLists,
  readingUnparsableBodiesAsEmpty,
  requiringMicrosecondEntryDates,
} from './wrong-requests';

import {
  droppingAstralCharacters,
  droppingZeroAnswers,
  lowerCasingMail,
  normalisingToNfc,
  storingNumericAnswersInInt32,
  trimmingStrings,
  trimmingTextAnswers,
} from './wrong-values';
import { mergingPartialAddresses, swappingFloorAndDoor } from './wrong-addresses';
import {
  deduplicatingOptionsInIdOrder,
  keepingOneFormPerType,
  keepingTheHighestRadioOption,
  redatingFormdatasEntries,
} from './wrong-forms';
import { keepingListsSentEmpty } from './wrong-lists';
import {
  coercingAddressMembersToText,
  coercingBooleansByTruthiness,
  coercingTagNamesToText,
  savingFormdatasBeforeCustomFields,
} from './wrong-rejections';
import { acceptingExtendedTokens, acceptingTruncatedTokens, comparingTokensWithoutCase } from './wrong-tokens';

export interface Fault {
  /** kebab-case, what the misimplementation does. */
  readonly name: string;
  /** The one rule of CONTRACT.md section 3 it breaks. */
  readonly rule: ContractRuleId;
  /** One line: the misimplementation, as its author would recognise it. */
  readonly description: string;
  /** The rule functions it swaps; called once per mock started, so a swap may keep state. */
  readonly swaps: () => Partial<RuleSet>;
  /** Its minimal example: requests the fault answers differently from the reference (faults.test.ts). */
  readonly example: readonly Step[];
}

export const FAULTS: readonly Fault[] = [
  // SCH: the shapes of answers
  {
    name: 'entry-id-as-string',
    rule: 'SCH-01',
    description: 'entry ids are written as strings ("3001"), an int64-as-string serializer setting',
    swaps: () => ({ renderContact: writingEntryIdsAsStrings }),
    example: [post({ custom_fields: [job('Architect')] })],
  },
  {
    name: 'timestamps-without-zone',
    rule: 'SCH-02',
    description: 'timestamps are written without their Z, by a naive local-time formatter',
    swaps: () => ({ renderContact: writingTimestampsWithoutZone }),
    example: [post({})],
  },
  {
    name: 'problem-status-as-string',
    rule: 'SCH-03',
    description: 'problem details carry status as a string ("404"), not the number of the HTTP status',
    swaps: () => ({ writeJson: writingProblemStatusAsString }),
    example: [get('/contacts/424242')],
  },
  {
    name: 'cleared-address-as-empty-string',
    rule: 'SCH-01',
    description:
      'a cleared address is written as "" instead of null or an object (REP-02 counts it as cleared: only the shape breaks)',
    swaps: () => ({ renderContact: writingClearedAddressAsEmptyString }),
    example: [post({})],
  },

  // REP: full replace
  {
    name: 'pollingstation-not-stored',
    rule: 'REP-01',
    description: "the address's pollingstation is not stored (a column the mapping forgot)",
    swaps: () => ({ applyContactWrite: droppingPollingStation }),
    example: [post({ address: { pollingstation: '7' } })],
  },
  {
    name: 'field-cleared-on-second-patch',
    rule: 'REP-02',
    description:
      'across calls: a field left out is cleared only by the second consecutive PATCH that leaves it out; the first keeps the old value',
    swaps: () => ({ applyContactWrite: clearingOnTheSecondLeaveOut() }),
    example: [post({ firstname: 'Ada' }), patch({})],
  },
  {
    name: 'address-kept-when-left-out',
    rule: 'REP-02',
    description: 'an address left out keeps the old one (the address table is written only when an address is sent)',
    swaps: () => ({ applyContactWrite: keepingAddressLeftOut }),
    example: [post({ address: { city: 'Paris' } }), patch({})],
  },
  {
    name: 'created-at-reset-on-patch',
    rule: 'REP-03',
    description: 'every PATCH sets CreatedAt again (an upsert that writes every column)',
    swaps: () => ({ applyContactWrite: resettingCreatedAt }),
    example: [post({}), tick, patch({})],
  },
  {
    name: 'patch-answer-stale-updated-at',
    rule: 'REP-04',
    description: 'the PATCH answer carries the UpdatedAt read before the write (the entity as loaded, not as saved)',
    swaps: () => ({ replaceContact: answeringTheStaleUpdatedAt }),
    example: [post({}), tick, patch({})],
  },
  {
    name: 'postalcode-leading-zero-lost',
    rule: 'REP-01',
    description:
      'digit-only address members are parsed as numbers by the serializer, so postal code "01000" comes back as 1000',
    swaps: () => ({ renderContact: parsingDigitOnlyMembersAsNumbers }),
    example: [post({ address: { postalcode: '01000' } })],
  },

  // ENT: entries
  {
    name: 'entry-id-recycled',
    rule: 'ENT-01',
    description:
      "across calls: a new entry takes the id of an entry soft-deleted by the previous write (freed ids reused one write late), so the third write reuses the first one's ids",
    swaps: () => ({ supersedeEntries: recyclingFreedIds }),
    example: [
      post({}),
      patch({ custom_fields: [job('a')] }),
      patch({ custom_fields: [job('a')] }),
      patch({ custom_fields: [job('a')] }),
    ],
  },
  {
    name: 'unchanged-entry-keeps-id',
    rule: 'ENT-01',
    description: 'an entry sent again unchanged keeps its id (a diff against the active entries, updated in place)',
    swaps: () => ({ supersedeEntries: keepingUnchangedEntries }),
    example: [post({ custom_fields: [job('a')] }), patch({ custom_fields: [job('a')] })],
  },
  {
    name: 'deleted-value-resurrected',
    rule: 'ENT-01',
    description: 'across calls: a value sent again after an earlier PATCH soft-deleted it is undeleted with its old id',
    swaps: () => ({ supersedeEntries: resurrectingDeletedValues }),
    example: [
      post({ custom_fields: [job('a')] }),
      patch({ custom_fields: [job('b')] }),
      patch({ custom_fields: [job('a')] }),
    ],
  },
  {
    name: 'left-out-form-stays-active',
    rule: 'ENT-02',
    description: 'only the forms the payload answers are replaced; the entries of a form left out stay active',
    swaps: () => ({ supersedeEntries: replacingAnsweredFormsOnly }),
    example: [
      post({ custom_fields: [job('a'), entry('Number of children', '2')] }),
      patch({ custom_fields: [entry('Number of children', '2')] }),
    ],
  },
  {
    name: 'deleted-entries-listed-as-active',
    rule: 'ENT-02',
    description: 'soft-deleted entries are listed without their deleted_at, so they look active',
    swaps: () => ({ renderContact: listingDeletedEntriesAsActive }),
    example: [post({ custom_fields: [job('a')] }), patch({})],
  },
  {
    name: 'text-answers-capped-at-three',
    rule: 'ENT-03',
    description:
      'at size: a text, numeric or date form keeps at most three answers of a payload; the fourth and later are dropped',
    swaps: () => ({ keepEntries: keepingWith({ text: theFirstThree, numeric: theFirstThree, date: theFirstThree }) }),
    example: [post({ custom_fields: [job('a'), job('b'), job('c'), job('d')] })],
  },
  {
    name: 'date-form-keeps-last-answer',
    rule: 'ENT-03',
    description: 'a date form keeps only the last answer of a payload, as if it were a radio',
    swaps: () => ({ keepEntries: keepingWith({ date: theLastOne }) }),
    example: [
      post({
        custom_fields: [
          entry('Date of first job', '2001-01-01T00:00:00.000Z'),
          entry('Date of first job', '2002-02-02T00:00:00.000Z'),
        ],
      }),
    ],
  },
  {
    name: 'radio-keeps-first-answer',
    rule: 'ENT-04',
    description: 'of several answers to a radio form in one payload, the first is kept instead of the last',
    swaps: () => ({ keepEntries: keepingWith({ radio: theFirstOne }) }),
    example: [
      post({
        custom_fields: [
          optionEntry('Preferred contact time', 'morning'),
          optionEntry('Preferred contact time', 'evening'),
        ],
      }),
    ],
  },
  {
    name: 'radio-keeps-every-option',
    rule: 'ENT-04',
    description: 'a radio form keeps each distinct option sent, as if it were a checkbox',
    swaps: () => ({ keepEntries: keepingWith({ radio: eachOptionOnce }) }),
    example: [
      post({
        custom_fields: [
          optionEntry('Preferred contact time', 'morning'),
          optionEntry('Preferred contact time', 'evening'),
        ],
      }),
    ],
  },
  {
    name: 'checkbox-keeps-duplicates',
    rule: 'ENT-05',
    description: 'a checkbox option sent twice in one payload is kept twice',
    swaps: () => ({ keepEntries: keepingWith({ checkbox: everyOne }) }),
    example: [post({ custom_fields: [optionEntry('Interests', 'health'), optionEntry('Interests', 'health')] })],
  },
  {
    name: 'checkbox-keeps-last-option-only',
    rule: 'ENT-05',
    description: 'a checkbox form keeps only the last option sent, as if it were a radio',
    swaps: () => ({ keepEntries: keepingWith({ checkbox: theLastOne }) }),
    example: [post({ custom_fields: [optionEntry('Interests', 'health'), optionEntry('Interests', 'education')] })],
  },
  {
    name: 'new-value-added-beside-old',
    rule: 'ENT-06',
    description:
      'across calls: a different value for a text, numeric or date form is added beside the old one, which stays active',
    swaps: () => ({ supersedeEntries: addingNewFreeInputValues }),
    example: [post({ custom_fields: [job('a')] }), patch({ custom_fields: [job('b')] })],
  },
  {
    name: 'list-left-out-kept',
    rule: 'ENT-07',
    description: 'a list left out (or sent empty) keeps its entries: the list is replaced only `if (list?.length)`',
    swaps: () => ({ supersedeEntries: keepingListsLeftOut }),
    example: [post({ custom_fields: [job('a')] }), patch({})],
  },

  // DAT: timestamps
  {
    name: 'entry-date-requires-microseconds',
    rule: 'DAT-01',
    description: "an entry's date is parsed with a microsecond layout, so millisecond input is refused with 422",
    swaps: () => ({ parseContactRequest: requiringMicrosecondEntryDates }),
    example: [post({ custom_fields: [job('a', '2024-07-17T11:34:42.195Z')] })],
  },
  {
    name: 'milliseconds-written-as-microseconds',
    rule: 'DAT-02',
    description:
      'the milliseconds are written in the microsecond places (.195 comes back .000195); right whenever they are zero',
    swaps: () => ({ renderContact: writingMillisecondsAsMicroseconds }),
    example: [post({ birthdate: '1955-07-06T10:20:30.456Z' })],
  },
  {
    name: 'birthdate-truncated-to-day',
    rule: 'DAT-02',
    description: 'birthdate is stored in a DATE column: the time of day is lost (invisible for a midnight birthdate)',
    swaps: () => ({ applyContactWrite: truncatingBirthdateToTheDay }),
    example: [post({ birthdate: '1955-07-06T10:20:30.456Z' })],
  },

  // AUT: authentication and isolation
  {
    name: 'missing-token-uses-default-space',
    rule: 'AUT-01',
    description: 'a request without Authorization is served as the first space (a development fallback left on)',
    swaps: () => ({ authenticate: defaultingToTheFirstSpace }),
    example: [get('/v1/forms/type/survey', 'anonymous')],
  },
  {
    name: 'scheme-not-checked',
    rule: 'AUT-02',
    description: 'the scheme is not checked: the last word of the Authorization header is taken as the token',
    swaps: () => ({ authenticate: ignoringTheScheme }),
    example: [get('/v1/forms/type/survey', { authorization: (tokens) => `Token ${tokens.space}` })],
  },
  {
    name: 'cross-space-patch-succeeds',
    rule: 'AUT-03',
    description:
      'the write looks the contact up by id alone, so a token of another space can patch it (reading stays isolated)',
    swaps: () => ({ replaceContact: patchingAcrossSpaces }),
    example: [post({ firstname: 'Ada' }), patch({ firstname: 'Mallory' }, 'otherSpace')],
  },

  // PTH: the path id
  {
    name: 'id-beyond-int64-is-404',
    rule: 'PTH-01',
    description: 'at size: any string of digits is a well-formed id, so one beyond int64 is a 404 instead of a 400/422',
    swaps: () => ({ parseContactId: acceptingIdsBeyondInt64 }),
    example: [get('/contacts/9223372036854775808')],
  },
  {
    name: 'deleted-contact-still-patchable',
    rule: 'PTH-02',
    description:
      'across calls: the write ignores deleted_at, so a PATCH of a deleted contact succeeds and brings it back',
    swaps: () => ({ replaceContact: patchingDeletedContacts }),
    example: [post({}), { method: 'DELETE', path: CONTACT }, patch({ firstname: 'Back' })],
  },

  // VAL: validation
  {
    name: 'unparsable-body-read-as-empty',
    rule: 'VAL-01',
    description: 'a body that is not JSON is read as {} (a swallowed parse error), so it is a 422, not a 400',
    swaps: () => ({ readJsonBody: readingUnparsableBodiesAsEmpty }),
    example: [post({}), { method: 'PATCH', path: CONTACT, rawBody: '{"data":' }],
  },
  {
    name: 'number-coerced-to-string',
    rule: 'VAL-02',
    description: 'a number sent for a string field is stored as its text (type coercion left on)',
    swaps: () => ({ parseContactRequest: coercingNumbersToStrings }),
    example: [post({ firstname: 42 })],
  },
  {
    name: 'entry-object-read-as-list',
    rule: 'VAL-02',
    description: 'an entry list sent as an object is read with Object.values, so formdatas: {} is an empty list',
    swaps: () => ({ parseContactRequest: readingEntryObjectsAsLists }),
    example: [post({ formdatas: {} })],
  },
  {
    name: 'fields-saved-before-entries-validated',
    rule: 'VAL-03',
    description:
      'the scalar fields are saved before the entries are validated, so a PATCH refused for a bad entry still changes them',
    swaps: () => ({ replaceContact: savingFieldsBeforeEntries }),
    example: [post({}), patch({ firstname: 'Mallory', custom_fields: [{ ...job('x'), form_ref_id: 'first' }] }), get()],
  },
  {
    name: 'unsupported-method-is-501',
    rule: 'VAL-04',
    description: 'a method a route does not support (OPTIONS) is answered 501 Not Implemented instead of a 4xx',
    swaps: () => ({ route: answeringUnsupportedMethodsWith501 }),
    example: [{ method: 'OPTIONS', path: CONTACT }],
  },

  // RAT: the rate limit
  {
    name: 'patch-costs-one-token',
    rule: 'RAT-01',
    description: 'a PATCH (and a POST) costs 1 token, like every other route',
    swaps: () => ({ meter: chargingWritesOneToken }),
    example: [post({})],
  },
  {
    name: 'patch-charged-twice',
    rule: 'RAT-01',
    description: 'every request is charged twice, by the gateway and by the handler: a PATCH costs 10',
    swaps: () => ({ meter: chargingTwice }),
    example: [post({})],
  },
  {
    name: 'rate-limited-patch-applied',
    rule: 'RAT-02',
    description: 'the limiter runs after the handler: a PATCH refused with 429 has already been applied',
    swaps: () => ({ meter: limitingAfterHandling }),
    example: overrunTheRateBucket,
  },
  {
    name: 'too-many-requests-without-retry-after',
    rule: 'RAT-02',
    description: 'the 429 carries no Retry-After',
    swaps: () => ({ meter: refusingWithoutRetryAfter }),
    example: overrunTheRateBucket,
  },

  // Breadth (issue 14): faults that show only for some of the inputs section 2 allows.
  // Values: text a server damages, answers at their edges.
  {
    name: 'strings-trimmed',
    rule: 'REP-01',
    description: 'every string field and address member is trimmed before it is stored (a @Trim on the DTO)',
    swaps: () => ({ applyContactWrite: trimmingStrings }),
    example: [post({ firstname: ' Ada ' })],
  },
  {
    name: 'astral-characters-dropped',
    rule: 'REP-01',
    description:
      'characters outside the BMP (emoji, 𝒜, 𠜎) are lost: a MySQL utf8 column holds three bytes a character',
    swaps: () => ({ applyContactWrite: droppingAstralCharacters }),
    example: [post({ firstname: 'Ada 😀' })],
  },
  {
    name: 'strings-normalised-to-nfc',
    rule: 'REP-01',
    description: 'every string is normalised to NFC before it is stored, so a decomposed e + ◌́ comes back é',
    swaps: () => ({ applyContactWrite: normalisingToNfc }),
    example: [post({ firstname: 'Zoe\u0301' })],
  },
  {
    name: 'mail-lower-cased',
    rule: 'REP-01',
    description: 'the mail is lower-cased before it is stored ("mails are case-insensitive")',
    swaps: () => ({ applyContactWrite: lowerCasingMail }),
    example: [post({ mail: 'Ada.Lovelace@Example.org' })],
  },
  {
    name: 'text-answers-trimmed',
    rule: 'ENT-03',
    description: 'a text answer is trimmed before it is stored, so " Pilot " comes back "Pilot"',
    swaps: () => ({ keepEntries: trimmingTextAnswers }),
    example: [post({ custom_fields: [job(' Pilot ')] })],
  },
  {
    name: 'numeric-zero-answer-dropped',
    rule: 'ENT-03',
    description: 'a numeric answer "0" is dropped: if (Number(data)) where data !== "" was meant',
    swaps: () => ({ keepEntries: droppingZeroAnswers }),
    example: [post({ custom_fields: [entry('Number of children', '0')] })],
  },
  {
    name: 'numeric-answers-stored-as-int32',
    rule: 'ENT-03',
    description: 'numeric answers are stored in a 32-bit column: "2147483648" comes back "-2147483648"',
    swaps: () => ({ keepEntries: storingNumericAnswersInInt32 }),
    example: [post({ custom_fields: [entry('Number of children', '2147483648')] })],
  },
  // Address: all 14 members, a partial address after a full one.
  {
    name: 'floor-and-door-swapped',
    rule: 'REP-01',
    description: "the address's floor and door are mapped crosswise (two columns swapped in the mapping)",
    swaps: () => ({ applyContactWrite: swappingFloorAndDoor }),
    example: [post({ address: { floor: '3', door: '12' } })],
  },
  {
    name: 'partial-address-merged',
    rule: 'REP-02',
    description: 'an address sent keeps the old values of the members it leaves out (an UPDATE of the members sent)',
    swaps: () => ({ applyContactWrite: mergingPartialAddresses }),
    example: [post({ address: { city: 'Paris', street: 'rue de Rivoli' } }), patch({ address: { city: 'Lyon' } })],
  },
  // Forms: several of one type, options in any order, dates in both lists.
  {
    name: 'one-form-per-type-kept',
    rule: 'ENT-03',
    description:
      'free answers are grouped by type, not by form: of several text forms of a list only the first keeps its answers',
    swaps: () => ({ keepEntries: keepingOneFormPerType }),
    example: [post({ custom_fields: [job('a'), entry('Member ID', 'b')] })],
  },
  {
    name: 'checkbox-dedup-assumes-id-order',
    rule: 'ENT-05',
    description:
      'duplicate options are removed by a "sorted unique" pass: an option with a lower id than the last kept is dropped',
    swaps: () => ({ keepEntries: deduplicatingOptionsInIdOrder }),
    example: [post({ custom_fields: [optionEntry('Interests', 'health'), optionEntry('Interests', 'education')] })],
  },
  {
    name: 'radio-keeps-highest-option-id',
    rule: 'ENT-04',
    description:
      'of several radio answers the one with the highest option id is kept (ORDER BY form_ref_id, not by position)',
    swaps: () => ({ keepEntries: keepingTheHighestRadioOption }),
    example: [
      post({
        custom_fields: [
          optionEntry('Preferred contact time', 'evening'),
          optionEntry('Preferred contact time', 'morning'),
        ],
      }),
    ],
  },
  {
    name: 'formdatas-entry-date-replaced',
    rule: 'DAT-02',
    description:
      "a formdatas entry's date is replaced by the write's instant: only the custom_fields mapping copies it",
    swaps: () => ({ supersedeEntries: redatingFormdatasEntries }),
    example: [post({ formdatas: [surveyEntry('Comments', 'a', '1999-12-31T23:59:59.999Z')] })],
  },
  // Lists: [] against a list left out.
  {
    name: 'empty-list-keeps-entries',
    rule: 'ENT-02',
    description: 'a list sent as [] keeps its active entries (read as "no change"); a list left out is soft-deleted',
    swaps: () => ({ replaceContact: keepingListsSentEmpty }),
    example: [post({ custom_fields: [job('a')] }), patch({ custom_fields: [] })],
  },
  // Rejections: type errors at nested positions, an invalid entry beside valid ones in the other list.
  {
    name: 'address-member-coerced-to-text',
    rule: 'VAL-02',
    description: 'an address member of another type (42, true) is stored as its text: the address binder coerces',
    swaps: () => ({ parseContactRequest: coercingAddressMembersToText }),
    example: [post({ address: { floor: 3 } })],
  },
  {
    name: 'tag-name-coerced-to-text',
    rule: 'VAL-02',
    description: 'a tag name of another type (42, true) is stored as its text',
    swaps: () => ({ parseContactRequest: coercingTagNamesToText }),
    example: [post({ tags: [{ name: 42 }] })],
  },
  {
    name: 'boolean-read-by-truthiness',
    rule: 'VAL-02',
    description: 'a boolean field of another type is read by its truthiness (!!value): "no" is true, 0 is false',
    swaps: () => ({ parseContactRequest: coercingBooleansByTruthiness }),
    example: [post({ black_list: 'no' })],
  },
  {
    name: 'formdatas-saved-before-custom-fields-validated',
    rule: 'VAL-03',
    description:
      'the lists are validated and saved one at a time, formdatas first: a bad custom_fields entry comes too late',
    swaps: () => ({ replaceContact: savingFormdatasBeforeCustomFields }),
    example: [
      post({}),
      patch({ formdatas: [surveyEntry('Comments', 'a')], custom_fields: [{ ...job('x'), data: 42 }] }),
      get(),
    ],
  },
  // Tokens: truncated, extended, another case.
  {
    name: 'truncated-token-accepted',
    rule: 'AUT-02',
    description:
      "tokens are looked up by prefix (LIKE 'sent%'): a truncated token of eight characters or more is accepted",
    swaps: () => ({ authenticate: acceptingTruncatedTokens }),
    example: [get('/v1/forms/type/survey', { authorization: (tokens) => `Bearer ${tokens.space.slice(0, -2)}` })],
  },
  {
    name: 'extended-token-accepted',
    rule: 'AUT-02',
    description: 'only as many characters as the known token has are compared (strncmp): anything may follow it',
    swaps: () => ({ authenticate: acceptingExtendedTokens }),
    example: [get('/v1/forms/type/survey', { authorization: (tokens) => `Bearer ${tokens.space}0` })],
  },
  {
    name: 'token-case-ignored',
    rule: 'AUT-02',
    description: 'tokens are compared without regard to case (a case-insensitive collation on the tokens column)',
    swaps: () => ({ authenticate: comparingTokensWithoutCase }),
    example: [get('/v1/forms/type/survey', { authorization: (tokens) => `Bearer ${tokens.space.toUpperCase()}` })],
  },
];

export const FAULT_NAMES: readonly string[] = FAULTS.map((fault) => fault.name);

export function isKnownFault(name: string): boolean {
  return FAULT_NAMES.includes(name);
}

export function faultNamed(name: string): Fault | undefined {
  return FAULTS.find((fault) => fault.name === name);
}

export function unknownFaultMessage(name: string): string {
  return `unknown fault "${name}" (${FAULTS.length} exist; list them with --list-faults)`;
}

/** The rule set of a mock: the reference one, with the named fault's functions swapped in. */
export function ruleSetWith(faultName: string | undefined): RuleSet {
  if (faultName === undefined) return REFERENCE_RULES;
  const fault = faultNamed(faultName);
  if (fault === undefined) throw new Error(unknownFaultMessage(faultName));
  return { ...REFERENCE_RULES, ...fault.swaps() };
}

/** The table as text, one fault a line: what `--list-faults` prints. */
export function faultList(): string {
  const width = Math.max(...FAULT_NAMES.map((name) => name.length));
  return FAULTS.map((fault) => `${fault.name.padEnd(width)}  ${fault.rule}  ${fault.description}`).join('\n') + '\n';
}

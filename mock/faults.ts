// The fault zoo: named misimplementations of the contract, one table. Each breaks exactly one rule
// of CONTRACT.md section 3 by swapping one function of the mock's rule set (rule-set.ts) for a
// wrong one (mock/wrong-rules/), everything else unchanged. A mock started with `fault: name`
// (`MOCK_FAULT=name`, `--fault name`) is that misimplementation; `npm run selfcheck` proves the
// suite fails on each. Faults marked "across calls" or "at size" hide from a single small example.

import type { ContractRuleId } from './contract-rules';
import { REFERENCE_RULES, type RuleSet } from './rule-set';
import { eachOptionOnce, everyOne, theLastOne } from './entries';
import {
  answeringTheStaleUpdatedAt,
  patchingAcrossSpaces,
  patchingDeletedContacts,
  savingFieldsBeforeEntries,
} from './wrong-rules/operations';
import {
  listingDeletedEntriesAsActive,
  writingEntryIdsAsStrings,
  writingMillisecondsAsMicroseconds,
  writingProblemStatusAsString,
  writingTimestampsWithoutZone,
} from './wrong-rules/answers';
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
} from './wrong-rules/entries';
import {
  clearingOnTheSecondLeaveOut,
  droppingPollingStation,
  keepingAddressLeftOut,
  resettingCreatedAt,
  truncatingBirthdateToTheDay,
} from './wrong-rules/fields';
import {
  chargingTwice,
  chargingWritesOneToken,
  limitingAfterHandling,
  refusingWithoutRetryAfter,
} from './wrong-rules/metering';
import {
  acceptingIdsBeyondInt64,
  answeringUnsupportedMethodsWith501,
  coercingNumbersToStrings,
  defaultingToTheFirstSpace,
  ignoringTheScheme,
  readingEntryObjectsAsLists,
  readingUnparsableBodiesAsEmpty,
  requiringMicrosecondEntryDates,
} from './wrong-rules/requests';

import {
  droppingAstralCharacters,
  droppingZeroAnswers,
  lowerCasingMail,
  normalisingToNfc,
  storingNumericAnswersInInt32,
  trimmingStrings,
  trimmingTextAnswers,
} from './wrong-rules/values';
import { mergingPartialAddresses, swappingFloorAndDoor } from './wrong-rules/addresses';
import {
  deduplicatingOptionsInIdOrder,
  keepingOneFormPerType,
  keepingTheHighestRadioOption,
  redatingFormdatasEntries,
} from './wrong-rules/forms';
import { keepingListsSentEmpty } from './wrong-rules/lists';
import {
  coercingAddressMembersToText,
  coercingBooleansByTruthiness,
  coercingTagNamesToText,
  savingFormdatasBeforeCustomFields,
} from './wrong-rules/rejections';
import { acceptingExtendedTokens, acceptingTruncatedTokens, comparingTokensWithoutCase } from './wrong-rules/tokens';

export interface Fault {
  /** kebab-case, what the misimplementation does. */
  readonly name: string;
  /** The one rule of CONTRACT.md section 3 it breaks. */
  readonly rule: ContractRuleId;
  /** One line: the misimplementation, as its author would recognise it. */
  readonly description: string;
  /** The rule functions it swaps; called once per mock started, so a swap may keep state. */
  readonly swaps: () => Partial<RuleSet>;
}

export const FAULTS: readonly Fault[] = [
  // SCH: the shapes of answers
  {
    name: 'entry-id-as-string',
    rule: 'SCH-01',
    description: 'entry ids are written as strings ("3001"), an int64-as-string serializer setting',
    swaps: () => ({ renderContact: writingEntryIdsAsStrings }),
  },
  {
    name: 'timestamps-without-zone',
    rule: 'SCH-02',
    description: 'timestamps are written without their Z, by a naive local-time formatter',
    swaps: () => ({ renderContact: writingTimestampsWithoutZone }),
  },
  {
    name: 'problem-status-as-string',
    rule: 'SCH-03',
    description: 'problem details carry status as a string ("404"), not the number of the HTTP status',
    swaps: () => ({ writeJson: writingProblemStatusAsString }),
  },

  // REP: full replace
  {
    name: 'pollingstation-not-stored',
    rule: 'REP-01',
    description: "the address's pollingstation is not stored (a column the mapping forgot)",
    swaps: () => ({ applyContactWrite: droppingPollingStation }),
  },
  {
    name: 'field-cleared-on-second-patch',
    rule: 'REP-02',
    description:
      'across calls: a field left out is cleared only by the second consecutive PATCH that leaves it out; the first keeps the old value',
    swaps: () => ({ applyContactWrite: clearingOnTheSecondLeaveOut() }),
  },
  {
    name: 'address-kept-when-left-out',
    rule: 'REP-02',
    description: 'an address left out keeps the old one (the address table is written only when an address is sent)',
    swaps: () => ({ applyContactWrite: keepingAddressLeftOut }),
  },
  {
    name: 'created-at-reset-on-patch',
    rule: 'REP-03',
    description: 'every PATCH sets CreatedAt again (an upsert that writes every column)',
    swaps: () => ({ applyContactWrite: resettingCreatedAt }),
  },
  {
    name: 'patch-answer-stale-updated-at',
    rule: 'REP-04',
    description: 'the PATCH answer carries the UpdatedAt read before the write (the entity as loaded, not as saved)',
    swaps: () => ({ replaceContact: answeringTheStaleUpdatedAt }),
  },

  // ENT: entries
  {
    name: 'entry-id-recycled',
    rule: 'ENT-01',
    description:
      "across calls: a new entry takes the id of an entry soft-deleted by the previous write (freed ids reused one write late), so the third write reuses the first one's ids",
    swaps: () => ({ supersedeEntries: recyclingFreedIds }),
  },
  {
    name: 'unchanged-entry-keeps-id',
    rule: 'ENT-01',
    description: 'an entry sent again unchanged keeps its id (a diff against the active entries, updated in place)',
    swaps: () => ({ supersedeEntries: keepingUnchangedEntries }),
  },
  {
    name: 'deleted-value-resurrected',
    rule: 'ENT-01',
    description: 'across calls: a value sent again after an earlier PATCH soft-deleted it is undeleted with its old id',
    swaps: () => ({ supersedeEntries: resurrectingDeletedValues }),
  },
  {
    name: 'left-out-form-stays-active',
    rule: 'ENT-02',
    description: 'only the forms the payload answers are replaced; the entries of a form left out stay active',
    swaps: () => ({ supersedeEntries: replacingAnsweredFormsOnly }),
  },
  {
    name: 'deleted-entries-listed-as-active',
    rule: 'ENT-02',
    description: 'soft-deleted entries are listed without their deleted_at, so they look active',
    swaps: () => ({ renderContact: listingDeletedEntriesAsActive }),
  },
  {
    name: 'text-answers-capped-at-three',
    rule: 'ENT-03',
    description:
      'at size: a text, numeric or date form keeps at most three answers of a payload; the fourth and later are dropped',
    swaps: () => ({ keepEntries: keepingWith({ text: theFirstThree, numeric: theFirstThree, date: theFirstThree }) }),
  },
  {
    name: 'date-form-keeps-last-answer',
    rule: 'ENT-03',
    description: 'a date form keeps only the last answer of a payload, as if it were a radio',
    swaps: () => ({ keepEntries: keepingWith({ date: theLastOne }) }),
  },
  {
    name: 'radio-keeps-first-answer',
    rule: 'ENT-04',
    description: 'of several answers to a radio form in one payload, the first is kept instead of the last',
    swaps: () => ({ keepEntries: keepingWith({ radio: theFirstOne }) }),
  },
  {
    name: 'radio-keeps-every-option',
    rule: 'ENT-04',
    description: 'a radio form keeps each distinct option sent, as if it were a checkbox',
    swaps: () => ({ keepEntries: keepingWith({ radio: eachOptionOnce }) }),
  },
  {
    name: 'checkbox-keeps-duplicates',
    rule: 'ENT-05',
    description: 'a checkbox option sent twice in one payload is kept twice',
    swaps: () => ({ keepEntries: keepingWith({ checkbox: everyOne }) }),
  },
  {
    name: 'checkbox-keeps-last-option-only',
    rule: 'ENT-05',
    description: 'a checkbox form keeps only the last option sent, as if it were a radio',
    swaps: () => ({ keepEntries: keepingWith({ checkbox: theLastOne }) }),
  },
  {
    name: 'new-value-added-beside-old',
    rule: 'ENT-06',
    description:
      'across calls: a different value for a text, numeric or date form is added beside the old one, which stays active',
    swaps: () => ({ supersedeEntries: addingNewFreeInputValues }),
  },
  {
    name: 'list-left-out-kept',
    rule: 'ENT-07',
    description: 'a list left out (or sent empty) keeps its entries: the list is replaced only `if (list?.length)`',
    swaps: () => ({ supersedeEntries: keepingListsLeftOut }),
  },

  // DAT: timestamps
  {
    name: 'entry-date-requires-microseconds',
    rule: 'DAT-01',
    description: "an entry's date is parsed with a microsecond layout, so millisecond input is refused with 422",
    swaps: () => ({ parseContactRequest: requiringMicrosecondEntryDates }),
  },
  {
    name: 'milliseconds-written-as-microseconds',
    rule: 'DAT-02',
    description:
      'the milliseconds are written in the microsecond places (.195 comes back .000195); right whenever they are zero',
    swaps: () => ({ renderContact: writingMillisecondsAsMicroseconds }),
  },
  {
    name: 'birthdate-truncated-to-day',
    rule: 'DAT-02',
    description: 'birthdate is stored in a DATE column: the time of day is lost (invisible for a midnight birthdate)',
    swaps: () => ({ applyContactWrite: truncatingBirthdateToTheDay }),
  },

  // AUT: authentication and isolation
  {
    name: 'missing-token-uses-default-space',
    rule: 'AUT-01',
    description: 'a request without Authorization is served as the first space (a development fallback left on)',
    swaps: () => ({ authenticate: defaultingToTheFirstSpace }),
  },
  {
    name: 'scheme-not-checked',
    rule: 'AUT-02',
    description: 'the scheme is not checked: the last word of the Authorization header is taken as the token',
    swaps: () => ({ authenticate: ignoringTheScheme }),
  },
  {
    name: 'cross-space-patch-succeeds',
    rule: 'AUT-03',
    description:
      'the write looks the contact up by id alone, so a token of another space can patch it (reading stays isolated)',
    swaps: () => ({ replaceContact: patchingAcrossSpaces }),
  },

  // PTH: the path id
  {
    name: 'id-beyond-int64-is-404',
    rule: 'PTH-01',
    description: 'at size: any string of digits is a well-formed id, so one beyond int64 is a 404 instead of a 400/422',
    swaps: () => ({ parseContactId: acceptingIdsBeyondInt64 }),
  },
  {
    name: 'deleted-contact-still-patchable',
    rule: 'PTH-02',
    description:
      'across calls: the write ignores deleted_at, so a PATCH of a deleted contact succeeds and brings it back',
    swaps: () => ({ replaceContact: patchingDeletedContacts }),
  },

  // VAL: validation
  {
    name: 'unparsable-body-read-as-empty',
    rule: 'VAL-01',
    description: 'a body that is not JSON is read as {} (a swallowed parse error), so it is a 422, not a 400',
    swaps: () => ({ readJsonBody: readingUnparsableBodiesAsEmpty }),
  },
  {
    name: 'number-coerced-to-string',
    rule: 'VAL-02',
    description: 'a number sent for a string field is stored as its text (type coercion left on)',
    swaps: () => ({ parseContactRequest: coercingNumbersToStrings }),
  },
  {
    name: 'entry-object-read-as-list',
    rule: 'VAL-02',
    description: 'an entry list sent as an object is read with Object.values, so formdatas: {} is an empty list',
    swaps: () => ({ parseContactRequest: readingEntryObjectsAsLists }),
  },
  {
    name: 'fields-saved-before-entries-validated',
    rule: 'VAL-03',
    description:
      'the scalar fields are saved before the entries are validated, so a PATCH refused for a bad entry still changes them',
    swaps: () => ({ replaceContact: savingFieldsBeforeEntries }),
  },
  {
    name: 'unsupported-method-is-501',
    rule: 'VAL-04',
    description: 'a method a route does not support (OPTIONS) is answered 501 Not Implemented instead of a 4xx',
    swaps: () => ({ route: answeringUnsupportedMethodsWith501 }),
  },

  // RAT: the rate limit
  {
    name: 'patch-costs-one-token',
    rule: 'RAT-01',
    description: 'a PATCH (and a POST) costs 1 token, like every other route',
    swaps: () => ({ meter: chargingWritesOneToken }),
  },
  {
    name: 'patch-charged-twice',
    rule: 'RAT-01',
    description: 'every request is charged twice, by the gateway and by the handler: a PATCH costs 10',
    swaps: () => ({ meter: chargingTwice }),
  },
  {
    name: 'rate-limited-patch-applied',
    rule: 'RAT-02',
    description: 'the limiter runs after the handler: a PATCH refused with 429 has already been applied',
    swaps: () => ({ meter: limitingAfterHandling }),
  },
  {
    name: 'too-many-requests-without-retry-after',
    rule: 'RAT-02',
    description: 'the 429 carries no Retry-After',
    swaps: () => ({ meter: refusingWithoutRetryAfter }),
  },

  // Breadth (issue 14): faults that show only for some of the inputs section 2 allows.
  // Values: text a server damages, answers at their edges.
  {
    name: 'strings-trimmed',
    rule: 'REP-01',
    description: 'every string field and address member is trimmed before it is stored (a @Trim on the DTO)',
    swaps: () => ({ applyContactWrite: trimmingStrings }),
  },
  {
    name: 'astral-characters-dropped',
    rule: 'REP-01',
    description:
      'characters outside the BMP (emoji, 𝒜, 𠜎) are lost: a MySQL utf8 column holds three bytes a character',
    swaps: () => ({ applyContactWrite: droppingAstralCharacters }),
  },
  {
    name: 'strings-normalised-to-nfc',
    rule: 'REP-01',
    description: 'every string is normalised to NFC before it is stored, so a decomposed e + ◌́ comes back é',
    swaps: () => ({ applyContactWrite: normalisingToNfc }),
  },
  {
    name: 'mail-lower-cased',
    rule: 'REP-01',
    description: 'the mail is lower-cased before it is stored ("mails are case-insensitive")',
    swaps: () => ({ applyContactWrite: lowerCasingMail }),
  },
  {
    name: 'text-answers-trimmed',
    rule: 'ENT-03',
    description: 'a text answer is trimmed before it is stored, so " Pilot " comes back "Pilot"',
    swaps: () => ({ keepEntries: trimmingTextAnswers }),
  },
  {
    name: 'numeric-zero-answer-dropped',
    rule: 'ENT-03',
    description: 'a numeric answer "0" is dropped: if (Number(data)) where data !== "" was meant',
    swaps: () => ({ keepEntries: droppingZeroAnswers }),
  },
  {
    name: 'numeric-answers-stored-as-int32',
    rule: 'ENT-03',
    description: 'numeric answers are stored in a 32-bit column: "2147483648" comes back "-2147483648"',
    swaps: () => ({ keepEntries: storingNumericAnswersInInt32 }),
  },
  // Address: all 14 members, a partial address after a full one.
  {
    name: 'floor-and-door-swapped',
    rule: 'REP-01',
    description: "the address's floor and door are mapped crosswise (two columns swapped in the mapping)",
    swaps: () => ({ applyContactWrite: swappingFloorAndDoor }),
  },
  {
    name: 'partial-address-merged',
    rule: 'REP-02',
    description: 'an address sent keeps the old values of the members it leaves out (an UPDATE of the members sent)',
    swaps: () => ({ applyContactWrite: mergingPartialAddresses }),
  },
  // Forms: several of one type, options in any order, dates in both lists.
  {
    name: 'one-form-per-type-kept',
    rule: 'ENT-03',
    description:
      'free answers are grouped by type, not by form: of several text forms of a list only the first keeps its answers',
    swaps: () => ({ keepEntries: keepingOneFormPerType }),
  },
  {
    name: 'checkbox-dedup-assumes-id-order',
    rule: 'ENT-05',
    description:
      'duplicate options are removed by a "sorted unique" pass: an option with a lower id than the last kept is dropped',
    swaps: () => ({ keepEntries: deduplicatingOptionsInIdOrder }),
  },
  {
    name: 'radio-keeps-highest-option-id',
    rule: 'ENT-04',
    description:
      'of several radio answers the one with the highest option id is kept (ORDER BY form_ref_id, not by position)',
    swaps: () => ({ keepEntries: keepingTheHighestRadioOption }),
  },
  {
    name: 'formdatas-entry-date-replaced',
    rule: 'DAT-02',
    description:
      "a formdatas entry's date is replaced by the write's instant: only the custom_fields mapping copies it",
    swaps: () => ({ supersedeEntries: redatingFormdatasEntries }),
  },
  // Lists: [] against a list left out.
  {
    name: 'empty-list-keeps-entries',
    rule: 'ENT-02',
    description: 'a list sent as [] keeps its active entries (read as "no change"); a list left out is soft-deleted',
    swaps: () => ({ replaceContact: keepingListsSentEmpty }),
  },
  // Rejections: type errors at nested positions, an invalid entry beside valid ones in the other list.
  {
    name: 'address-member-coerced-to-text',
    rule: 'VAL-02',
    description: 'an address member of another type (42, true) is stored as its text: the address binder coerces',
    swaps: () => ({ parseContactRequest: coercingAddressMembersToText }),
  },
  {
    name: 'tag-name-coerced-to-text',
    rule: 'VAL-02',
    description: 'a tag name of another type (42, true) is stored as its text',
    swaps: () => ({ parseContactRequest: coercingTagNamesToText }),
  },
  {
    name: 'boolean-read-by-truthiness',
    rule: 'VAL-02',
    description: 'a boolean field of another type is read by its truthiness (!!value): "no" is true, 0 is false',
    swaps: () => ({ parseContactRequest: coercingBooleansByTruthiness }),
  },
  {
    name: 'formdatas-saved-before-custom-fields-validated',
    rule: 'VAL-03',
    description:
      'the lists are validated and saved one at a time, formdatas first: a bad custom_fields entry comes too late',
    swaps: () => ({ replaceContact: savingFormdatasBeforeCustomFields }),
  },
  // Tokens: truncated, extended, another case.
  {
    name: 'truncated-token-accepted',
    rule: 'AUT-02',
    description:
      "tokens are looked up by prefix (LIKE 'sent%'): a truncated token of eight characters or more is accepted",
    swaps: () => ({ authenticate: acceptingTruncatedTokens }),
  },
  {
    name: 'extended-token-accepted',
    rule: 'AUT-02',
    description: 'only as many characters as the known token has are compared (strncmp): anything may follow it',
    swaps: () => ({ authenticate: acceptingExtendedTokens }),
  },
  {
    name: 'token-case-ignored',
    rule: 'AUT-02',
    description: 'tokens are compared without regard to case (a case-insensitive collation on the tokens column)',
    swaps: () => ({ authenticate: comparingTokensWithoutCase }),
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

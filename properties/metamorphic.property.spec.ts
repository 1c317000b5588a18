/**
 * Metamorphic properties: relations between two answers of the target, with no model in between,
 * so they hold for any server that honours the contract whatever it chooses where the docs are
 * silent. Payloads are generated over the forms discovered (radio answers and checkbox options may
 * repeat; a text, numeric or date answer never travels twice in one payload, which is an observation).
 */
import type { TestInfo } from '@playwright/test';
import fc from 'fast-check';
import type { Answer, Api } from '../specs/request-path/api';
import { ENTRY_LISTS, type ContactInput, type EntryInput } from '../specs/support/contact';
import type { RunConfig } from '../specs/request-path/config';
import { test, type Contacts, type Forms } from '../specs/support/test';
import type { Transcript } from '../specs/request-path/transcript';
import { MAX_ENTRIES_PER_LIST, describePayload, payloadArbitrary } from './arbitraries';
import { entryIdsIn, expectNewEntryIds, expectSameState, payloadReadFrom } from './checks';
import { byId, formsUnderTest, type NamedForm } from './forms-under-test';
import { patchAccepted, readAccepted } from './requests';
import {
  CONTACT_LIFECYCLE_COST,
  PATCH_AND_READ_COST,
  PropertyRecorder,
  assertProperty,
  checkedRules,
  planSize,
  propertyTimeout,
  type Size,
} from './runner';

/** Runs of each property on the mock when FC_NUM_RUNS is unset. */
const DEFAULT_RUNS = 10;
/** The three properties share half of the properties' budget on a live target. */
const SHARE_EACH = 0.5 / 3;

interface Setting {
  answered: NamedForm[];
  size: Size;
  recorder: PropertyRecorder;
  unchecked: Api;
  /** The fields every payload starts from: a full contact with this run's marker. */
  base: ContactInput;
}

/** What each property needs, sized from the environment; skips when the target offers no form or the budget no run. */
function setUp(
  fixtures: { transcript: Transcript; api: Api; contacts: Contacts; forms: Forms; runConfig: RunConfig },
  testInfo: TestInfo,
  costOfRun: number,
): Setting {
  const { transcript, api, contacts, forms, runConfig } = fixtures;
  const answered = formsUnderTest(forms.catalogue);
  test.skip(answered.length === 0, 'the target offers no text, numeric, date, radio or checkbox form to answer');
  const size = planSize(
    runConfig,
    {
      numRuns: DEFAULT_RUNS,
      maxCommands: 0,
      minCommands: 0,
      shareOfProperties: SHARE_EACH,
      costOfRun: () => costOfRun,
    },
    testInfo,
  );
  test.skip(
    size.numRuns < 1,
    `QOMON_TOKEN_BUDGET leaves this property ${size.tokens} tokens; one run costs ${costOfRun} and as much again is kept for shrinking: raise the budget to run it`,
  );
  test.setTimeout(propertyTimeout(runConfig));
  // Soft schema checks (SCH-*, VAL-04) would not stop fast-check and would repeat on every shrink; the specs check them.
  return {
    answered,
    size,
    recorder: new PropertyRecorder(testInfo, transcript, size, costOfRun),
    unchecked: api.withoutChecks(),
    base: contacts.everyField(),
  };
}

/** The ids every answer so far listed, with where: ENT-01 compares the next PATCH with them. */
function idsSeen(...answers: [Answer, string][]): Map<number, string> {
  return new Map(answers.flatMap(([answer, where]) => entryIdsIn(answer, where)));
}

test(
  'REP-01 ENT-01 DAT-02 reading a contact and sending it back changes nothing but entry ids and UpdatedAt',
  checkedRules('REP-01', 'ENT-01', 'DAT-02'),
  async ({ transcript, api, contacts, forms, runConfig }, testInfo) => {
    const cost = CONTACT_LIFECYCLE_COST + 2 * PATCH_AND_READ_COST;
    const { answered, size, recorder, unchecked, base } = setUp(
      { transcript, api, contacts, forms, runConfig },
      testInfo,
      cost,
    );
    const allForms = byId(forms.catalogue.forms);

    const property = fc.asyncProperty(payloadArbitrary(base, answered), (payload) =>
      recorder.run(async () => {
        const { id } = await contacts.create(contacts.everyField(), unchecked);
        const patched = await patchAccepted(unchecked, id, payload, 'REP-01', 'the generated payload');
        const read = await readAccepted(unchecked, id, 'REP-01', 'after the generated payload');
        const sentBack = payloadReadFrom(read, allForms);
        await patchAccepted(unchecked, id, sentBack, 'REP-01', 'the contact as read, sent back');
        const readAgain = await readAccepted(unchecked, id, 'REP-01', 'after sending the contact back');
        expectSameState(
          readAgain,
          read,
          'REP-01 sending back the contact as read changes nothing but entry ids and UpdatedAt (received: after; expected: before)',
        );
        expectNewEntryIds(
          readAgain,
          'a GET after sending the contact back',
          idsSeen([patched, 'the answer to the first PATCH'], [read, 'a GET after the first PATCH']),
        );
      }),
    );
    await test.step(`${size.numRuns} runs: PATCH a generated contact, read it, send it back (${runConfig.entryReading} reading)`, () =>
      assertProperty({
        testInfo,
        runConfig,
        size,
        recorder,
        property,
        modelBased: false,
        describe: ([payload]) => [
          `PATCH ${describePayload(payload, base, answered)}`,
          'GET, then PATCH the contact as read',
        ],
      }));
  },
);

/**
 * `entries` in the order of `keys`, but the answers to each radio form keep their relative order:
 * ENT-04 keeps "the last one sent", so among them order is the one thing that matters.
 */
function reorder(
  entries: readonly EntryInput[],
  keys: readonly number[],
  radioForms: ReadonlySet<number>,
): EntryInput[] {
  const key = (index: number) => keys[index % keys.length] ?? 0;
  const shuffled = entries
    .map((_, index) => index)
    .sort((a, b) => key(a) - key(b) || a - b)
    .map((index) => entries[index] as EntryInput);
  for (const formId of radioForms) {
    const inOrder = entries.filter((entry) => entry.form_id === formId);
    let next = 0;
    for (const [position, entry] of shuffled.entries())
      if (entry.form_id === formId) shuffled[position] = inOrder[next++] as EntryInput;
  }
  return shuffled;
}

test(
  'ENT-03 ENT-04 ENT-05 the order of the entries in a payload does not change the result, but among the answers to one radio form',
  checkedRules('ENT-03', 'ENT-04', 'ENT-05'),
  async ({ transcript, api, contacts, forms, runConfig }, testInfo) => {
    const cost = 2 * (CONTACT_LIFECYCLE_COST + 2 * PATCH_AND_READ_COST);
    const { answered, size, recorder, unchecked, base } = setUp(
      { transcript, api, contacts, forms, runConfig },
      testInfo,
      cost,
    );
    const radioForms = new Set(answered.filter((form) => form.type === 'radio').map((form) => form.id));
    const reordered = (payload: ContactInput, keys: readonly number[]): ContactInput => {
      const out: ContactInput = { ...payload };
      for (const list of ENTRY_LISTS) if (payload[list]) out[list] = reorder(payload[list], keys, radioForms);
      return out;
    };

    const property = fc.asyncProperty(
      payloadArbitrary(base, answered),
      payloadArbitrary(base, answered),
      fc.array(fc.nat(), { minLength: MAX_ENTRIES_PER_LIST, maxLength: MAX_ENTRIES_PER_LIST }),
      (before, payload, keys) =>
        recorder.run(async () => {
          const states: Answer[] = [];
          for (const [which, sent] of [
            ['as generated', payload],
            ['reordered', reordered(payload, keys)],
          ] as const) {
            const { id } = await contacts.create(contacts.everyField(), unchecked);
            await patchAccepted(unchecked, id, before, 'ENT-03', 'the state before');
            await patchAccepted(unchecked, id, sent, 'ENT-03', `the payload ${which}`);
            states.push(await readAccepted(unchecked, id, 'ENT-03', `after the payload ${which}`));
          }
          const [asGenerated, asReordered] = states as [Answer, Answer];
          expectSameState(
            asReordered,
            asGenerated,
            'ENT-03 ENT-04 ENT-05 the same entries in another order (the answers to each radio form in theirs) leave the same state (received: reordered, "after"; expected: as generated, "before")',
          );
        }),
    );
    await test.step(`${size.numRuns} runs: the same state, then a payload in two orders, on two contacts (${runConfig.entryReading} reading)`, () =>
      assertProperty({
        testInfo,
        runConfig,
        size,
        recorder,
        property,
        modelBased: false,
        describe: ([before, payload, keys]) => [
          `PATCH ${describePayload(before, base, answered)}`,
          `PATCH ${describePayload(payload, base, answered)}`,
          `versus PATCH ${describePayload(reordered(payload, keys), base, answered)}`,
        ],
      }));
  },
);

test(
  'ENT-01 ENT-02 ENT-03 ENT-04 ENT-05 ENT-07 REP-01 REP-02 applying the same PATCH twice ends in the same state, with new entry ids',
  checkedRules('ENT-01', 'ENT-02', 'ENT-03', 'ENT-04', 'ENT-05', 'ENT-07', 'REP-01', 'REP-02'),
  async ({ transcript, api, contacts, forms, runConfig }, testInfo) => {
    const cost = CONTACT_LIFECYCLE_COST + 3 * PATCH_AND_READ_COST;
    const { answered, size, recorder, unchecked, base } = setUp(
      { transcript, api, contacts, forms, runConfig },
      testInfo,
      cost,
    );

    const property = fc.asyncProperty(
      payloadArbitrary(base, answered),
      payloadArbitrary(base, answered),
      (before, payload) =>
        recorder.run(async () => {
          const { id } = await contacts.create(contacts.everyField(), unchecked);
          const first = await patchAccepted(unchecked, id, before, 'ENT-01', 'the state before');
          const once = await patchAccepted(unchecked, id, payload, 'ENT-01', 'the payload, once');
          const readOnce = await readAccepted(unchecked, id, 'ENT-01', 'after the payload, once');
          await patchAccepted(unchecked, id, payload, 'ENT-01', 'the payload, twice');
          const readTwice = await readAccepted(unchecked, id, 'ENT-01', 'after the payload, twice');
          expectSameState(
            readTwice,
            readOnce,
            'ENT-03 ENT-04 ENT-05 REP-01 REP-02 the same PATCH applied twice ends in the state it left once (received: twice, "after"; expected: once, "before")',
          );
          expectNewEntryIds(
            readTwice,
            'a GET after the same PATCH twice',
            idsSeen(
              [first, 'the answer to the state before'],
              [once, 'the answer to the payload, once'],
              [readOnce, 'a GET after the payload, once'],
            ),
          );
        }),
    );
    await test.step(`${size.numRuns} runs: a state, then one payload twice (${runConfig.entryReading} reading)`, () =>
      assertProperty({
        testInfo,
        runConfig,
        size,
        recorder,
        property,
        modelBased: false,
        describe: ([before, payload]) => [
          `PATCH ${describePayload(before, base, answered)}`,
          `PATCH ${describePayload(payload, base, answered)}`,
          'the same PATCH again',
        ],
      }));
  },
);

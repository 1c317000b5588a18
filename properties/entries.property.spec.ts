/**
 * Model-based property of the entry and full-replace rules: fast-check generates sequences of
 * client operations on one contact (set or leave out fields, answer forms of every type, re-send,
 * drop a list, read back); each sends one PATCH with the whole contact and checks its answer, and the
 * sequence a GET at its end, against properties/model.ts, under the reading named by QOMON_ENTRY_READING.
 * A failure is shrunk to the fewest commands and printed with the command that replays it.
 */
import fc from 'fast-check';
import { PATCH_COST } from '../specs/request-path/prices';
import { test } from '../specs/support/test';
import { commandArbitrary } from './arbitraries';
import { ContactUnderTest } from './contact-under-test';
import { byId, formsUnderTest } from './forms-under-test';
import { ContactModel, scalarFieldsOf } from './model';
import {
  CONTACT_LIFECYCLE_COST,
  PropertyRecorder,
  READ_COST_ESTIMATE,
  assertProperty,
  checkedRules,
  planSize,
  propertyTimeout,
} from './runner';

/** Runs when FC_NUM_RUNS is unset; `npm run bench:properties` shows each entry fault caught well within them. */
const DEFAULT_RUNS = 40;
/** Longest sequence. Long enough for answers to pile up on one form; the recycled-id fault needs three PATCHes. */
const MAX_COMMANDS = 8;
/** A small live budget shortens sequences first, but not below the three PATCHes an id reused across calls needs. */
const MIN_COMMANDS = 3;

test(
  'ENT-01 ENT-02 ENT-03 ENT-04 ENT-05 ENT-06 ENT-07 REP-01 REP-02 REP-03 DAT-02 any sequence of field operations keeps the state of the model',
  checkedRules(
    'ENT-01',
    'ENT-02',
    'ENT-03',
    'ENT-04',
    'ENT-05',
    'ENT-06',
    'ENT-07',
    'REP-01',
    'REP-02',
    'REP-03',
    'DAT-02',
  ),
  async ({ transcript, api, contacts, forms, runConfig }, testInfo) => {
    const answered = formsUnderTest(forms.catalogue);
    test.skip(answered.length === 0, 'the target offers no text, numeric, date, radio or checkbox form to answer');
    // One GET per sequence, at its end (ContactUnderTest.finish), not one per command.
    const costOfRun = (maxCommands: number) => CONTACT_LIFECYCLE_COST + READ_COST_ESTIMATE + maxCommands * PATCH_COST;
    const size = planSize(
      runConfig,
      {
        numRuns: DEFAULT_RUNS,
        maxCommands: MAX_COMMANDS,
        minCommands: MIN_COMMANDS,
        shareOfProperties: 0.5,
        costOfRun,
      },
      testInfo,
    );
    test.skip(
      size.numRuns < 1,
      `QOMON_TOKEN_BUDGET leaves this property ${size.tokens} tokens; one run of ${MIN_COMMANDS} commands costs ${costOfRun(MIN_COMMANDS)} and as much again is kept for shrinking: raise the budget to run it`,
    );
    test.setTimeout(propertyTimeout(runConfig));

    const recorder = new PropertyRecorder(testInfo, transcript, size, costOfRun(size.maxCommands));
    // The schema checks of every answer (SCH-*, VAL-04) are soft: they would not stop fast-check and
    // would repeat on every shrink. The specs check them; here every check is a hard one.
    const unchecked = api.withoutChecks();
    const property = fc.asyncProperty(
      fc.commands([commandArbitrary(answered)], {
        maxCommands: size.maxCommands,
        size: 'max',
        ...(runConfig.fastCheck.replayPath ? { replayPath: runConfig.fastCheck.replayPath } : {}),
      }),
      async (commands) => {
        await recorder.run(async () => {
          const draft = contacts.everyField();
          const { id, created } = await contacts.create(draft, unchecked);
          const model = new ContactModel(runConfig.entryReading, byId(answered), scalarFieldsOf(draft));
          const real = new ContactUnderTest(unchecked, id, created, draft, recorder.countCommand);
          await fc.asyncModelRun(() => ({ model, real }), commands);
          await real.finish(model);
        });
      },
    );

    await test.step(`${size.numRuns} runs of up to ${size.maxCommands} commands (${runConfig.entryReading} reading)`, () =>
      assertProperty({ testInfo, runConfig, size, recorder, property, modelBased: true }));
  },
);

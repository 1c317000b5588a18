/**
 * The suite's fixtures. Tests get authenticated APIs, the discovered forms and contacts of their
 * own that are deleted afterwards, passed or failed; every request lands in a redacted transcript
 * that is attached to the report when the test fails.
 */
import { test as base } from '@playwright/test';
import { Api, type Answer } from '../request-path/api';
import { checkEveryAnswer } from './every-answer';
import { ContactCleanup } from '../request-path/cleanup';
import { loadRunConfig, type RunConfig } from '../request-path/config';
import { everyScalarField, type ContactInput, type EntryListName } from './contact';
import { CATEGORIES_OF, FormCatalogue, type Form, type FormType } from './forms';
import { LeftoverLedger } from '../request-path/leftovers';
import { RUN_MARKER } from '../request-path/run';
import { outsideTests, requestPathOf, type RequestPath } from '../request-path/request-path';
import { spendAnnotation, spendOf } from '../request-path/spend';
import { BudgetRefusal } from '../request-path/traffic';
import { Transcript } from '../request-path/transcript';
import { replayNote } from './inputs/draw';
import { planVerdict } from '../plan/current';
import { EXCHANGE_ATTACHMENT, sampleOf } from './exchange-sample';

export interface CreatedContact {
  id: number;
  /** The answer to the POST that created it. */
  created: Answer;
  /** What was sent to create it. */
  sent: ContactInput;
}

export interface Contacts {
  /** POSTs a contact (by default the minimal one) and deletes it after the test. */
  create(contact?: ContactInput, as?: Api): Promise<CreatedContact>;
  /** The smallest contact that carries this run's marker (in `surname`), so that cleanup can find it. */
  minimal(overrides?: ContactInput): ContactInput;
  /** A contact with every scalar field set, carrying this run's marker so that cleanup can find it. */
  everyField(overrides?: ContactInput): ContactInput;
}

export interface Forms {
  catalogue: FormCatalogue;
  /** The form of `type` for `list`; skips the calling test, saying why, when the target has none. */
  pick(list: EntryListName, type: FormType): Form;
  /** A form of `type` in either list (custom_fields first), for rules that hold in both; skips, saying why, when neither has one. */
  anyOf(type: FormType): Form;
}

interface WorkerFixtures {
  runConfig: RunConfig;
  /** The way to the wire of this worker: guard, budget, redaction, timeout, run-wide stop. */
  requestPath: RequestPath;
  forms: Forms;
}

interface TestFixtures {
  /** Skips every test once the target could not be talked to: the run stops early (run-stop.ts). */
  targetReachable: void;
  /** Automatic: skips a test the run's plan leaves out for the budget, saying why (specs/plan). */
  planned: void;
  transcript: Transcript;
  api: Api;
  anonymousApi: Api;
  otherSpaceApi: Api;
  /** The token whose bucket the rate-limit checks may spend (RAT-01b, RAT-02). */
  rateApi: Api;
  contacts: Contacts;
  /** Automatic: a failed test that drew inputs (inputs/draw.ts) prints the seed and the command that replays them. */
  replayDraws: void;
}

export { RUN_ID, RUN_MARKER } from '../request-path/run';

export const test = base.extend<TestFixtures, WorkerFixtures>({
  runConfig: [async ({}, use) => use(loadRunConfig()), { scope: 'worker' }],

  requestPath: [
    async ({ runConfig }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error(`project ${workerInfo.project.name} has no baseURL (playwright.config.ts)`);
      await use(requestPathOf(runConfig, { baseURL, shard: workerInfo.config.shard }));
    },
    { scope: 'worker' },
  ],

  forms: [
    async ({ runConfig, requestPath }, use) => {
      // Discovery goes through the same path as every request, outside any test's transcript.
      const discovery = new Api(outsideTests(requestPath), new Transcript(requestPath.redactor), {
        kind: 'token',
        token: runConfig.token,
        variable: 'QOMON_TOKEN',
      });
      const answers = [];
      // Discovery spends tokens too; a worker fixture cannot skip a test, so pick() does it instead.
      let unaffordable: string | undefined;
      for (const list of Object.keys(CATEGORIES_OF) as EntryListName[]) {
        for (const category of CATEGORIES_OF[list]) {
          if (unaffordable || requestPath.stop?.reason()) continue;
          try {
            const answer = await discovery.listForms(category);
            answers.push({ list, category, status: answer.status, body: answer.json });
          } catch (error) {
            if (error instanceof BudgetRefusal) unaffordable = error.message;
            else if (!requestPath.stop?.reason()) throw error; // a stopped run skips its tests instead
          }
        }
      }
      const catalogue = FormCatalogue.fromAnswers(answers);
      const skipIfUnaffordable = () => {
        if (!unaffordable) return;
        base.info().annotations.push({ type: 'budget', description: unaffordable });
        base.info().skip(true, unaffordable);
      };
      await use({
        catalogue,
        pick(list, type) {
          skipIfUnaffordable();
          const form = catalogue.find(list, type);
          if (!form) base.info().skip(true, catalogue.whyMissing(list, type));
          return form as Form;
        },
        anyOf(type) {
          skipIfUnaffordable();
          const form = catalogue.findAny(type);
          if (!form) {
            base.info().skip(true, `${catalogue.whyMissing('custom_fields', type)}, nor among formdatas`);
          }
          return form as Form;
        },
      });
    },
    { scope: 'worker' },
  ],

  targetReachable: [
    async ({ requestPath }, use, testInfo) => {
      const stopped = requestPath.stop?.reason();
      testInfo.skip(stopped !== undefined, `not run: ${stopped?.message}`);
      await use();
    },
    { auto: true },
  ],

  replayDraws: [
    async ({}, use, testInfo) => {
      await use();
      const note = testInfo.status !== testInfo.expectedStatus ? replayNote(testInfo) : undefined;
      if (note) {
        await testInfo.attach('replay the drawn inputs', { body: note.short, contentType: 'text/plain' });
        await testInfo.attach('drawn inputs, whole', { body: note.whole, contentType: 'text/plain' });
      }
    },
    { auto: true },
  ],

  planned: [
    async ({}, use, testInfo) => {
      const verdict = planVerdict(testInfo.testId);
      if (!verdict.run) {
        testInfo.annotations.push({ type: 'budget', description: verdict.reason });
        testInfo.skip(true, verdict.reason);
      }
      await use();
    },
    { auto: true },
  ],

  transcript: async ({ requestPath }, use, testInfo) => {
    const transcript = new Transcript(requestPath.redactor);
    await use(transcript);
    // What the test cost the target, for the conformance matrix (scripts/reporters).
    testInfo.annotations.push(spendAnnotation(spendOf(transcript.exchanges)));
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('transcript (token redacted)', { body: transcript.toText(), contentType: 'text/plain' });
    } else if (testInfo.status === 'passed') {
      // One real exchange for the rule book (scripts/reporters/rule-book.ts), small and redacted.
      const sample = sampleOf(transcript);
      if (sample)
        await testInfo.attach(EXCHANGE_ATTACHMENT, { body: JSON.stringify(sample), contentType: 'application/json' });
    }
  },

  api: async ({ requestPath, transcript, runConfig }, use) => {
    await use(
      new Api(
        requestPath,
        transcript,
        { kind: 'token', token: runConfig.token, variable: 'QOMON_TOKEN' },
        checkEveryAnswer,
        {
          retryOn429: true,
        },
      ),
    );
  },

  anonymousApi: async ({ requestPath, transcript }, use) => {
    await use(new Api(requestPath, transcript, { kind: 'none' }, checkEveryAnswer));
  },

  otherSpaceApi: async ({ requestPath, transcript, runConfig }, use, testInfo) => {
    testInfo.skip(
      !runConfig.otherSpaceToken,
      'QOMON_TOKEN_OTHER_SPACE is unset: set it to a token of a second space to check isolation (AUT-03)',
    );
    await use(
      new Api(
        requestPath,
        transcript,
        {
          kind: 'token',
          token: runConfig.otherSpaceToken ?? '',
          variable: 'QOMON_TOKEN_OTHER_SPACE',
        },
        checkEveryAnswer,
      ),
    );
  },

  rateApi: async ({ requestPath, transcript, runConfig }, use) => {
    const credential = runConfig.rateToken
      ? { kind: 'token' as const, token: runConfig.rateToken, variable: 'QOMON_RATE_TOKEN' }
      : { kind: 'token' as const, token: runConfig.token, variable: 'QOMON_TOKEN' };
    await use(new Api(requestPath, transcript, credential, checkEveryAnswer));
  },

  contacts: async ({ api, runConfig }, use, testInfo) => {
    const { target } = runConfig;
    const ledger = target.kind === 'live' ? LeftoverLedger.inReportsDir() : undefined; // the embedded mock's store ends with the run
    const cleanup = new ContactCleanup(
      api.forCleanup(),
      ledger,
      target.kind === 'live' ? target.baseURL : 'embedded mock',
      {
        leftover: (description) => testInfo.annotations.push({ type: 'leftover', description }),
      },
    );
    let count = 0;
    const minimal = (overrides: ContactInput = {}): ContactInput => {
      count += 1;
      return { surname: `${RUN_MARKER}-${count}`, ...overrides };
    };
    const everyField = (overrides: ContactInput = {}): ContactInput => {
      count += 1;
      return { ...everyScalarField(`${RUN_MARKER}-${count}`), ...overrides };
    };
    await use({
      everyField,
      minimal,
      async create(contact = minimal(), as = api) {
        const answer = await cleanup.creating(as.createContact(contact));
        const id = answer.contact.id;
        if (answer.status !== 200 && answer.status !== 201) {
          throw new Error(
            `fixture: POST /contacts answered ${answer.status}, so there is no contact to test on\n${answer.describe()}`,
          );
        }
        if (typeof id !== 'number')
          throw new Error(`fixture: POST /contacts answered without a numeric data.contact.id\n${answer.describe()}`);
        return { id, created: answer, sent: contact };
      },
    });
    // Cleanup runs whatever the outcome; a contact already deleted by its test answers 404, which is fine.
    await cleanup.deleteAll();
  },
});

export { expect } from './expect';

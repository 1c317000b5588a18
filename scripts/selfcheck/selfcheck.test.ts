/**
 * The self-check's own logic, on hand-made Playwright reports: which tests failed and which rules
 * they name, what a fault's runs prove, which files a rule's run loads, and what the report says.
 */
import { expect, test } from '@playwright/test';
import { readJsonReport, rulesNamedBy, type TestOutcome } from './json-report';
import { faultResult, markdownOf, selfCheckReport } from './report';
import { argumentsFor, suiteMapOf } from './suite-map';
import { referencePassed, selfCheckFails, verdictOf, type RunSummary } from './verdict';

/** A Playwright JSON report with the shape of `--reporter=json`: nested suites, specs, tests, results. */
const REPORT = {
  suites: [
    {
      file: 'specs/entries/entry-rules.spec.ts',
      specs: [
        {
          title: 'ENT-04 formdatas: of several answers sent to a radio form, only the last one sent is active',
          tags: ['must', 'ENT-04'],
          tests: [
            {
              projectName: 'conformance',
              results: [
                {
                  status: 'failed',
                  error: {
                    message: '\u001b[31mError: ENT-04 formdatas: radio keeps only citizen\u001b[39m\n\nexpected …',
                  },
                },
              ],
            },
          ],
        },
        {
          title: 'ENT-04 custom_fields: a radio answer sent after another one replaces it',
          tags: ['must', 'ENT-04'],
          tests: [{ projectName: 'conformance', results: [{ status: 'interrupted' }] }],
        },
      ],
      suites: [
        {
          specs: [
            {
              title: 'ENT-05 nested in a describe',
              file: 'specs/entries/entry-rules.spec.ts',
              tags: ['must', 'ENT-05'],
              tests: [{ projectName: 'conformance', results: [{ status: 'passed' }] }],
            },
          ],
        },
      ],
    },
    {
      file: 'properties/entries.property.spec.ts',
      specs: [
        {
          title: 'ENT-01 ENT-04 REP-02 any sequence keeps the state of the model',
          tags: ['must', 'ENT-01', 'ENT-04', 'REP-02'],
          tests: [
            {
              projectName: 'conformance',
              results: [{ status: 'timedOut', error: { message: 'Test timeout of 120000ms exceeded.' } }],
            },
          ],
        },
        {
          title: 'ENT-03 ENT-04 ENT-05 the order of the entries does not matter',
          tags: ['must', 'ENT-03', 'ENT-04', 'ENT-05'],
          tests: [
            {
              projectName: 'conformance',
              results: [
                {
                  status: 'failed',
                  error: { message: 'Error: ENT-05 every distinct checkbox option sent is active, once' },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      file: 'specs/rate-limit/rate-limit.spec.ts',
      specs: [
        {
          title: 'RAT-01 a PATCH costs 5 tokens',
          tags: ['must', 'RAT-01'],
          tests: [{ projectName: 'rate-limit', results: [] }],
        },
        {
          title: 'OBSERVE whether a refused PATCH is charged tokens',
          tags: ['observe'],
          tests: [{ projectName: 'rate-limit', results: [{ status: 'skipped' }] }],
        },
      ],
    },
  ],
  errors: [{ message: 'Error: Process from config.webServer was not able to start. Exit code: 2\nmore' }],
};

function outcome(title: string, status: TestOutcome['status'], rules: string[]): TestOutcome {
  return {
    title,
    file: 'specs/x.spec.ts',
    project: 'conformance',
    status,
    rules,
    blamed: status === 'failed' ? rules : [],
  };
}

function run(failed: TestOutcome[], errors: string[] = [], testsRun = 3): RunSummary {
  return { scope: 'own rule (specs)', command: 'npx playwright test', seconds: 2, testsRun, failed, errors };
}

test('rule ids come from the tags and the title, each once, and OBSERVE names none', () => {
  expect(rulesNamedBy('ENT-04 a radio form keeps the last', ['must', 'ENT-04']), 'a spec names its rule once').toEqual([
    'ENT-04',
  ]);
  expect(
    rulesNamedBy('ENT-01 ENT-04 a property', ['@must']),
    'a property named only in its title names every rule',
  ).toEqual(['ENT-01', 'ENT-04']);
  expect(rulesNamedBy('OBSERVE the reading', ['observe']), 'an observation names no rule').toEqual([]);
});

test('a JSON report becomes tests with a status, their rules, and the first line of the error', () => {
  const { outcomes, errors } = readJsonReport(REPORT);

  expect(
    outcomes.map((test) => [test.status, test.rules.join(' '), test.file]),
    'every spec, nested ones included, with its file',
  ).toEqual([
    ['failed', 'ENT-04', 'specs/entries/entry-rules.spec.ts'],
    ['interrupted', 'ENT-04', 'specs/entries/entry-rules.spec.ts'],
    ['passed', 'ENT-05', 'specs/entries/entry-rules.spec.ts'],
    ['failed', 'ENT-01 ENT-04 REP-02', 'properties/entries.property.spec.ts'],
    ['failed', 'ENT-03 ENT-04 ENT-05', 'properties/entries.property.spec.ts'],
    ['skipped', 'RAT-01', 'specs/rate-limit/rate-limit.spec.ts'],
    ['skipped', '', 'specs/rate-limit/rate-limit.spec.ts'],
  ]);
  expect(outcomes[0]?.error, 'the error without colours, first line only').toBe(
    'Error: ENT-04 formdatas: radio keeps only citizen',
  );
  expect(outcomes[3]?.error, 'a timeout is a failure with its message').toBe('Test timeout of 120000ms exceeded.');
  expect(
    outcomes.map((test) => test.blamed.join(' ')),
    'a failure is charged to the rule its message names, among those of its test',
  ).toEqual(['ENT-04', '', '', 'ENT-01 ENT-04 REP-02', 'ENT-05', '', '']);
  expect(errors, 'errors outside tests, first line').toEqual([
    'Error: Process from config.webServer was not able to start. Exit code: 2',
  ]);
});

test("a rule's run loads only the files that hold its tests, in their projects, without the teardown", () => {
  const suite = suiteMapOf(readJsonReport(REPORT).outcomes);

  expect(argumentsFor('ENT-04', suite.specsOf('ENT-04')), 'ENT-04 specs').toEqual([
    '--no-deps',
    '--project=conformance',
    '--grep',
    'ENT-04',
    'specs/entries/entry-rules.spec.ts',
  ]);
  expect(suite.propertiesOf('ENT-04').files, 'ENT-04 properties').toEqual(['properties/entries.property.spec.ts']);
  expect(argumentsFor('RAT-01', suite.specsOf('RAT-01')), 'the rate-limit rules run in their own project').toEqual([
    '--no-deps',
    '--project=rate-limit',
    '--grep',
    'RAT-01',
    'specs/rate-limit/rate-limit.spec.ts',
  ]);
  expect(suite.propertiesOf('RAT-01').files, 'no property checks RAT-01').toEqual([]);
});

test("a fault is caught by its own rule's failure, a warning when only other rules fail, survived when none does", () => {
  const own = outcome('ENT-04 …', 'failed', ['ENT-04']);
  const other = outcome('REP-04 …', 'failed', ['REP-04']);

  expect(verdictOf('ENT-04', [run([own])]), 'a failing ENT-04 test catches an ENT-04 fault').toBe('caught');
  expect(verdictOf('ENT-04', [run([]), run([other])]), 'only REP-04 failed').toBe('caught by other rules');
  expect(verdictOf('ENT-04', [run([]), run([])]), 'nothing failed').toBe('survived');
  expect(verdictOf('ENT-04', [run([], ['the web server did not start'])]), 'a broken run proves nothing').toBe('error');
  expect(
    verdictOf('ENT-04', [run([own], ['stopped after 240 s'])]),
    'a failure of the own rule is a catch even if the run broke later',
  ).toBe('caught');
});

test('the self-check fails on a red or empty reference, a survivor or a broken run, not on a warning', () => {
  const green = run([], [], 140);

  expect(referencePassed(green), 'no failure, no error, tests ran').toBe(true);
  expect(referencePassed(run([], [], 0)), 'a reference that ran nothing is not green').toBe(false);
  expect(selfCheckFails(green, ['caught', 'caught by other rules']), 'a warning alone passes').toBe(false);
  expect(selfCheckFails(green, ['caught', 'survived']), 'a survivor fails').toBe(true);
  expect(selfCheckFails(green, ['error']), 'a broken run fails').toBe(true);
  expect(selfCheckFails(run([outcome('SCH-01 …', 'failed', ['SCH-01'])]), ['caught']), 'a red reference fails').toBe(
    true,
  );
});

test('the report counts the kill rate and draws the matrix, ● for the own rule and ○ for another', () => {
  const caught = faultResult(
    { name: 'radio-keeps-first-answer', rule: 'ENT-04', level: 'MUST', description: 'the first is kept' },
    [run([outcome('ENT-04 …', 'failed', ['ENT-04', 'ENT-01'])])],
  );
  const warned = faultResult({ name: 'stale', rule: 'REP-04', level: 'MUST', description: 'stale UpdatedAt' }, [
    run([]),
    run([outcome('REP-03 …', 'failed', ['REP-03'])]),
  ]);
  const report = selfCheckReport(run([], [], 140), [caught, warned], 61.2, new Date('2026-01-01T00:00:00Z'));

  expect(report.killRate, 'one of two faults caught by its own rule').toBe(0.5);
  expect(report.counts, 'the counts by verdict').toEqual({ faults: 2, caught: 1, warnings: 1, survived: 0, errors: 0 });
  expect(warned.seconds, 'a fault takes the time of all its runs').toBe(4);
  const markdown = markdownOf(report, ['ENT-01', 'ENT-04', 'REP-03', 'REP-04']);
  expect(markdown, 'the kill rate line').toContain(
    '**Kill rate**: 50% — 1 of 2 faults caught by a test of their own rule; 1 caught only by other rules',
  );
  expect(markdown, 'the matrix row of the caught fault').toContain('| `radio-keeps-first-answer` | ○ | ● |  |  |');
  expect(markdown, 'the matrix row of the warning').toContain('| `stale` |  |  | ○ |  |');
});

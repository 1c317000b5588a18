/**
 * Where each rule's tests are: Playwright lists the suite once (`--list`, nothing runs), and a
 * fault's runs then load only the files that hold its rule's tests, which saves most of a run's
 * start-up on a small machine.
 */
import type { TestOutcome } from './json-report';

export interface RuleTests {
  /** Projects that hold them (`conformance`, or `rate-limit` for RAT-*). */
  readonly projects: readonly string[];
  readonly files: readonly string[];
}

export interface SuiteMap {
  /** The spec files (specs/) with a test that names `rule`. */
  specsOf(rule: string): RuleTests;
  /** The property files (properties/) with a test that names `rule`. */
  propertiesOf(rule: string): RuleTests;
}

const PROPERTY_FILE = /^properties\//;

export function suiteMapOf(listed: readonly TestOutcome[]): SuiteMap {
  const select = (rule: string, properties: boolean): RuleTests => {
    const tests = listed.filter((test) => test.rules.includes(rule) && PROPERTY_FILE.test(test.file) === properties);
    return {
      projects: [...new Set(tests.map((test) => test.project))],
      files: [...new Set(tests.map((test) => test.file))],
    };
  };
  return { specsOf: (rule) => select(rule, false), propertiesOf: (rule) => select(rule, true) };
}

/**
 * The arguments of `playwright test` that run the tests of one rule in these files and nothing
 * else: `--no-deps`, so that the teardown project (rate-limit) of `conformance` stays out.
 */
export function argumentsFor(rule: string, tests: RuleTests): string[] {
  return ['--no-deps', ...tests.projects.map((project) => `--project=${project}`), '--grep', rule, ...tests.files];
}

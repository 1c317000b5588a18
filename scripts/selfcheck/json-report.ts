/**
 * Reading Playwright's JSON report (`--reporter=json`): every test with its status and the rule ids
 * it names, from its tags (`@ENT-04`) and its title (`ENT-04 a radio form …`; a property may name
 * several). Pure: no files, no processes.
 */

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'interrupted';

export interface TestOutcome {
  readonly title: string;
  readonly file: string;
  readonly project: string;
  readonly status: TestStatus;
  /** Rule ids of CONTRACT.md section 3 the test names, in order of appearance, without repeats. */
  readonly rules: readonly string[];
  /**
   * For a failed test, the rules its failure is charged to. A test that names several rules (a
   * property) is charged with those its error message names, since every message starts with the
   * rule it checks; a test that names one rule, or whose message names none of its rules, with all.
   */
  readonly blamed: readonly string[];
  /** The first line of the first error, for the report. */
  readonly error?: string;
}

export interface ReadReport {
  readonly outcomes: readonly TestOutcome[];
  /** Errors outside any test: a config that throws, a web server that does not start. */
  readonly errors: readonly string[];
}

interface JsonResult {
  status?: string;
  error?: { message?: string };
  errors?: { message?: string }[];
}
interface JsonTest {
  projectName?: string;
  status?: string;
  results?: JsonResult[];
}
interface JsonSpec {
  title?: string;
  file?: string;
  tags?: string[];
  tests?: JsonTest[];
}
interface JsonSuite {
  file?: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
interface JsonReport {
  suites?: JsonSuite[];
  errors?: { message?: string }[];
}

const RULE_ID = /\b[A-Z]{3}-\d{2}\b/g;

/** Rule ids in tags and title, each once: `['must', 'ENT-04']` and `ENT-04 …` give `['ENT-04']`. */
export function rulesNamedBy(title: string, tags: readonly string[]): string[] {
  const fromTags = tags.map((tag) => tag.replace(/^@/, '')).filter((tag) => /^[A-Z]{3}-\d{2}$/.test(tag));
  return [...new Set([...fromTags, ...(title.match(RULE_ID) ?? [])])];
}

/**
 * A test failed when one of its results failed or timed out. A test stopped by `--max-failures`
 * is `interrupted`, one that never started `skipped`: neither is a finding.
 */
function statusOf(test: JsonTest): TestStatus {
  const statuses = (test.results ?? []).map((result) => result.status);
  if (statuses.some((status) => status === 'failed' || status === 'timedOut')) return 'failed';
  if (statuses.includes('interrupted')) return 'interrupted';
  if (statuses.length === 0 || statuses.every((status) => status === 'skipped')) return 'skipped';
  return 'passed';
}

function firstLine(text: string | undefined): string | undefined {
  // Error messages carry ANSI colours; the report is plain text.
  return text
    ?.replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
}

function blamedRules(rules: readonly string[], error: string | undefined): string[] {
  if (rules.length <= 1) return [...rules];
  const named = (error?.match(RULE_ID) ?? []).filter((rule) => rules.includes(rule));
  return named.length > 0 ? [...new Set(named)] : [...rules];
}

function specsOf(suite: JsonSuite): JsonSpec[] {
  return [
    ...(suite.specs ?? []).map((spec) => ({ ...spec, file: spec.file ?? suite.file })),
    ...(suite.suites ?? []).flatMap(specsOf),
  ];
}

export function readJsonReport(report: unknown): ReadReport {
  const { suites = [], errors = [] } = (report ?? {}) as JsonReport;
  const outcomes = suites.flatMap(specsOf).flatMap((spec) =>
    (spec.tests ?? []).map((test): TestOutcome => {
      const status = statusOf(test);
      const failedResult = (test.results ?? []).find(
        (result) => result.status === 'failed' || result.status === 'timedOut',
      );
      const error = firstLine(failedResult?.error?.message ?? failedResult?.errors?.[0]?.message);
      const rules = rulesNamedBy(spec.title ?? '', spec.tags ?? []);
      return {
        title: spec.title ?? '',
        file: spec.file ?? '',
        project: test.projectName ?? '',
        status,
        rules,
        blamed: status === 'failed' ? blamedRules(rules, error) : [],
        ...(status === 'failed' && error !== undefined ? { error } : {}),
      };
    }),
  );
  return { outcomes, errors: errors.map((error) => firstLine(error.message) ?? 'an error without a message') };
}

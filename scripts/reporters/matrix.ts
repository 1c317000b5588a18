/**
 * The conformance matrix as data: one row per rule of the catalogue, in catalogue order, with the
 * verdict its tests earn. Pure, so that the verdicts can be unit-tested without running a suite.
 *
 * Verdicts (CONTRACT.md, "Levels"): a rule fails when any of its tests failed; a failing SHOULD
 * rule is a warning-level failure, listed with its own marker; a rule passes when at least one
 * test passed and none failed; it is skipped when every test that ran was skipped, and "not run"
 * when the run selected none of its tests (a --grep, a --project).
 */
import { RULES, RULE_IDS, ruleIdsIn, type Level, type RuleId } from '../../specs/support/rule-catalogue';
import type { Spend } from '../../specs/request-path/spend';
import type { SchemaBreak } from '../../specs/support/schema-breaks';

export type TestStatus = 'passed' | 'failed' | 'skipped';
export type Verdict = 'pass' | 'fail' | 'warning' | 'skipped' | 'not run';
export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'warning', 'skipped', 'not run'];

/** What the matrix needs to know about one test of the run. */
export interface TestRecord {
  title: string;
  /** The rules the test names (its `@ENT-04` tags, else the ids in its title). */
  ruleIds: RuleId[];
  status: TestStatus;
  /** Why it was skipped (its `skip` annotation), or the first line of its error when it failed. */
  why?: string;
  /** `what: seen` of each observation the test recorded. */
  observations: string[];
  /**
   * For a failed test that checks several rules (a property): the rules whose checks broke. The
   * other rules it names are neither passed nor failed by it.
   */
  failedRules?: RuleId[];
  /**
   * The schema breaks the test saw in answers (specs/support/schema-breaks.ts): each fails the SCH
   * rule it names, whatever the test's own verdict; the test's own rules keep that verdict.
   */
  schemaBreaks?: SchemaBreak[];
  /** The reading of the entry rules the probe found, when this test is the probe. */
  reading?: string;
  spend: Spend;
  /** For a property that ran: the commands (model-based) or PATCHes it sent (scripts/reporters/depth.ts). */
  propertyCommands?: number;
}

export interface RuleRow {
  id: RuleId;
  level: Level;
  area: string;
  text: string;
  doc: string;
  verdict: Verdict;
  /**
   * The rule's own tests, then one line per distinct schema break that tests of other rules saw
   * (`seenBy`: how many tests saw it); a break line fails the rule but is not one of its tests.
   */
  tests: { title: string; status: TestStatus; why?: string; seenBy?: number }[];
  /** For a skipped rule: the distinct skip reasons of its tests. */
  skipReasons: string[];
}

/** The rule ids a test covers: its rule tags (`@ENT-04`), else the ids its title names. */
export function rulesOf(tags: readonly string[], title: string): RuleId[] {
  const known = (id: string): id is RuleId => id in RULES;
  const tagged = tags.map((tag) => tag.replace(/^@/, '')).filter(known);
  return [...new Set(tagged.length > 0 ? tagged : ruleIdsIn(title).filter(known))];
}

export function verdictOf(level: Level, statuses: readonly TestStatus[]): Verdict {
  if (statuses.length === 0) return 'not run';
  if (statuses.includes('failed')) return level === 'SHOULD' ? 'warning' : 'fail';
  return statuses.includes('passed') ? 'pass' : 'skipped';
}

/** What broke `id` in `record`'s answers, in short (the requirement, the request, the first violation); undefined when nothing did. */
function schemaBreakOf(record: TestRecord, id: RuleId): string | undefined {
  const found = record.schemaBreaks?.find((schemaBreak) => schemaBreak.rule === id);
  return found?.message.split('\n').slice(0, 2).join('; ');
}

/** Whether `record` names `id` for its own outcome (a failed property names the rules it broke). */
function namesRule(record: TestRecord, id: RuleId): boolean {
  return record.ruleIds.includes(id) && (record.failedRules === undefined || record.failedRules.includes(id));
}

/** A test's own line in the row of `id`: its outcome, or a failure when an answer it saw breaks `id`. */
function ownLine(record: TestRecord, id: RuleId): RuleRow['tests'][number] {
  const broken = schemaBreakOf(record, id);
  if (broken !== undefined) return { title: record.title, status: 'failed', why: broken };
  const { title, status, why } = record;
  return { title, status, ...(why === undefined ? {} : { why }) };
}

/** Breaks told apart by what broke, not by which contact: `/contacts/1042` and `/contacts/1043` are one break. */
function breakKey(message: string): string {
  return message.replace(/\/contacts\/\d+/g, '/contacts/{id}');
}

/**
 * The lines of the tests of other rules that saw an answer breaking the SCH rule `id`: one line per
 * distinct break, naming how many tests saw it and the first few, so that one wrong shape seen by
 * a hundred tests reads as one finding (the tests keep their own verdicts in their own rows).
 */
function breakLines(records: readonly TestRecord[], id: RuleId): RuleRow['tests'] {
  const seen = new Map<string, { why: string; titles: string[] }>();
  for (const record of records) {
    const broken = namesRule(record, id) ? undefined : schemaBreakOf(record, id);
    if (broken === undefined) continue;
    const group = seen.get(breakKey(broken)) ?? { why: broken, titles: [] };
    group.titles.push(record.title);
    seen.set(breakKey(broken), group);
  }
  return [...seen.values()].map(({ why, titles }) => ({
    title:
      titles.length === 1
        ? `${titles[0]} (saw an answer that breaks ${id})`
        : `${titles.length} tests of other rules saw an answer that breaks ${id}: ${titles.slice(0, 3).join('; ')}${titles.length > 3 ? `; and ${titles.length - 3} more` : ''}`,
    status: 'failed' as const,
    why,
    seenBy: titles.length,
  }));
}

export function buildMatrix(records: readonly TestRecord[]): RuleRow[] {
  return RULE_IDS.map((id) => {
    const { level, area, text, doc } = RULES[id];
    const tests = [
      ...records.filter((record) => namesRule(record, id)).map((record) => ownLine(record, id)),
      ...breakLines(records, id),
    ];
    const verdict = verdictOf(
      level,
      tests.map((test) => test.status),
    );
    const skipReasons = verdict === 'skipped' ? [...new Set(tests.map((test) => test.why ?? 'no reason given'))] : [];
    return { id, level, area, text, doc, verdict, tests, skipReasons };
  });
}

/** How many rules earned each verdict. */
export function countVerdicts(rows: readonly RuleRow[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const row of rows) counts[row.verdict] += 1;
  return counts;
}

/**
 * `1 failed, 7 passed · 140 tests of other rules saw a break`: the statuses of a rule's own tests,
 * most telling first, then how many tests of other rules saw an answer breaking it, so that the
 * counts add up to the rule's tests and a break seen a hundred times is not a hundred failures.
 */
export function countStatuses(tests: readonly { status: TestStatus; seenBy?: number }[]): string {
  const own = tests.filter((test) => test.seenBy === undefined);
  const order: TestStatus[] = ['failed', 'passed', 'skipped'];
  const statuses = order
    .map((status) => [status, own.filter((test) => test.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const seen = tests.reduce((sum, test) => sum + (test.seenBy ?? 0), 0);
  const sawBreak = seen === 0 ? '' : `${seen} test${seen === 1 ? '' : 's'} of other rules saw a break`;
  return [statuses, sawBreak].filter((part) => part !== '').join(' · ');
}

/** The header of the matrix: what was tested, how, and what it cost. */
export interface RunFacts {
  /** `embedded mock (reference)` or the live host; never a URL with a token, never a token. */
  target: string;
  /** Why the run stopped early (`target unreachable: …`): its failed requests judged no rule. */
  error?: string;
  configuredReading: string;
  /** What the reading probe found; undefined when the probe did not run. */
  probedReading?: string;
  seed?: number;
  observations: string[];
  spend: Spend;
  durationMs: number;
  startedAt: Date;
  tests: number;
}

export function factsOf(
  records: readonly TestRecord[],
  run: Omit<RunFacts, 'probedReading' | 'observations' | 'spend' | 'tests'>,
): RunFacts {
  const probedReading = records.find((record) => record.reading !== undefined)?.reading;
  return {
    ...run,
    ...(probedReading === undefined ? {} : { probedReading }),
    observations: records.flatMap((record) => record.observations).sort(),
    spend: records.reduce(
      (sum, { spend }) => ({ requests: sum.requests + spend.requests, tokens: sum.tokens + spend.tokens }),
      { requests: 0, tokens: 0 },
    ),
    tests: records.length,
  };
}

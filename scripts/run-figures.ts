/**
 * What a run gave, read from Playwright's JSON report: rules with a verdict, tests run, property
 * commands, tokens (the mock's price list: 5 per POST or PATCH of a contact, 1 otherwise), and the
 * tests the budget skipped. Shared by `npm run bench` and `npm run nightly:mock`.
 */
import type { JSONReport, JSONReportSpec, JSONReportSuite } from '@playwright/test/reporter';
import { isProperty } from '../specs/plan/plan';
import type { Spend } from '../specs/request-path/spend';
import { RULE_IDS, type RuleId } from '../specs/support/rule-catalogue';
import { rulesOf } from './reporters/matrix';
import { spendIn } from './reporters/test-record';

export interface MeasuredTest {
  project: string;
  file: string;
  title: string;
  rules: RuleId[];
  status: 'passed' | 'failed' | 'skipped';
  why: string | undefined;
  spend: Spend;
  workerIndex: number | undefined;
  /** For a property: commands (model-based) or PATCHes sent. */
  propertyCommands: number | undefined;
}

function specsOf(suite: JSONReportSuite): JSONReportSpec[] {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

export function measuredOf(report: JSONReport): MeasuredTest[] {
  return report.suites.flatMap(specsOf).flatMap((spec) =>
    spec.tests.map((one) => {
      const result = one.results.at(-1);
      const annotations = result?.annotations ?? [];
      const spend = spendIn(annotations);
      const figures = annotations.find((annotation) => annotation.type === 'property-figures')?.description;
      const parsed = figures ? (JSON.parse(figures) as { commands?: number; patches?: number }) : undefined;
      const status = one.status === 'skipped' ? 'skipped' : one.status === 'expected' ? 'passed' : 'failed';
      return {
        project: one.projectName,
        file: spec.file,
        title: spec.title,
        rules: rulesOf(spec.tags, spec.title),
        status,
        why: annotations.find((annotation) => annotation.type === 'skip')?.description,
        spend,
        workerIndex: result?.workerIndex,
        propertyCommands: parsed ? parsed.commands || parsed.patches || 0 : undefined,
      } satisfies MeasuredTest;
    }),
  );
}

export interface RunFigures {
  rulesWithVerdict: number;
  rulesWithoutVerdict: RuleId[];
  testsRun: number;
  failed: number;
  skippedForBudget: number;
  /** Commands of the model-based property (the property that checks the most rules). */
  modelCommands: number;
  /** Commands or PATCHes of every property together. */
  propertyCommands: number;
  tokens: number;
}

export function figuresOf(tests: readonly MeasuredTest[]): RunFigures {
  const ran = tests.filter((one) => one.status !== 'skipped');
  const judged = new Set(ran.flatMap((one) => one.rules));
  const properties = ran.filter(isProperty).sort((a, b) => b.rules.length - a.rules.length);
  return {
    rulesWithVerdict: judged.size,
    rulesWithoutVerdict: RULE_IDS.filter((id) => !judged.has(id)),
    testsRun: ran.length,
    failed: tests.filter((one) => one.status === 'failed').length,
    skippedForBudget: tests.filter(
      (one) => one.status === 'skipped' && /^(not in the plan at |token budget exhausted)/.test(one.why ?? ''),
    ).length,
    modelCommands: properties[0]?.propertyCommands ?? 0,
    propertyCommands: properties.reduce((sum, one) => sum + (one.propertyCommands ?? 0), 0),
    tokens: tests.reduce((sum, one) => sum + one.spend.tokens, 0),
  };
}

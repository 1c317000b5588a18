/**
 * How deep each rule was checked (issue 13): its verdict says whether; its depth says how much,
 * in tests that ran (passed or failed) and commands its properties sent. With the tests the budget
 * skipped, and why, a thin run cannot pass for a thorough one. Pure, like matrix.ts.
 */
import { RULE_IDS, type RuleId } from '../../specs/support/rule-catalogue';
import type { RuleRow, TestRecord } from './matrix';

export interface RuleDepth {
  id: RuleId;
  /** Tests of the rule that ran to an outcome (passed or failed). */
  testsRun: number;
  /** Commands (model-based) or PATCHes (other properties) sent by the properties that check the rule. */
  propertyCommands: number;
}

/** A skip for want of tokens: left out by the plan, or refused by the ledger (specs/request-path/traffic.ts). */
export function isBudgetSkip(record: Pick<TestRecord, 'status' | 'why'>): boolean {
  return record.status === 'skipped' && /^(not in the plan at |token budget exhausted)/.test(record.why ?? '');
}

export function depthOf(records: readonly TestRecord[]): RuleDepth[] {
  return RULE_IDS.map((id) => {
    const ran = records.filter((record) => record.ruleIds.includes(id) && record.status !== 'skipped');
    return {
      id,
      testsRun: ran.length,
      propertyCommands: ran.reduce((sum, record) => sum + (record.propertyCommands ?? 0), 0),
    };
  });
}

/** `3 tests + 46 commands`: one rule's depth. */
export function depthText(depth: RuleDepth): string {
  const tests = `${depth.testsRun} test${depth.testsRun === 1 ? '' : 's'}`;
  return depth.propertyCommands > 0 ? `${tests} + ${depth.propertyCommands} commands` : tests;
}

/** The lines printed before the summary line: each rule's verdict and depth, and what the budget skipped. */
export function depthLines(rows: readonly RuleRow[], records: readonly TestRecord[]): string[] {
  const depths = new Map(depthOf(records).map((depth) => [depth.id, depth]));
  const perRule = rows
    .map((row) => {
      const depth = depths.get(row.id);
      return `${row.id} ${row.verdict} ${depth ? `${depth.testsRun}${depth.propertyCommands ? `+${depth.propertyCommands}c` : ''}` : '0'}`;
    })
    .join(' · ');
  const skipped = records.filter(isBudgetSkip);
  const byReason = new Map<string, number>();
  for (const record of skipped) {
    // One reason per phase-2 priority would be one line per test: group on the words before the numbers.
    const reason = (record.why ?? '').replace(/priority \d+.*$/, 'priority …').replace(/: .*$/, '');
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  return [
    `depth (tests run + property commands): ${perRule}`,
    `skipped for the budget: ${skipped.length} test(s)${[...byReason].map(([reason, count]) => `; ${count} ${reason}`).join('')}${skipped.length ? ' (the matrix lists each, with its reason)' : ''}`,
  ];
}

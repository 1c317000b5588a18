/**
 * How a conformance test reads in Allure: epic = contract area, feature = rule id, story = rule
 * text, severity from the level, a link to the Qomon doc page, the run's target, reading and seed
 * as parameters, and a description with the rule, what the test observed and what it spent.
 * Pure: derived from the rule catalogue and the test's record, unit-tested beside it.
 */
import type { Label, Link, Parameter } from 'allure-js-commons';
import { RULES, type Level } from '../../specs/support/rule-catalogue';
import type { TestRecord } from './matrix';
import type { RunContext } from './run-context';

/** CONTRACT.md levels as Allure severities: a MUST failure is critical, an observation minor. */
export const SEVERITY_OF: Record<Level, string> = { MUST: 'critical', SHOULD: 'normal', OBSERVE: 'minor' };

/** The body of an Allure runtime `metadata` message. */
export interface AllureMetadata {
  labels: Label[];
  links: Link[];
  parameters: Parameter[];
  description: string;
}

function labelsOf(record: TestRecord, observation: boolean): Label[] {
  if (record.ruleIds.length === 0) {
    if (!observation) return [];
    return [
      { name: 'epic', value: 'Observations' },
      { name: 'feature', value: 'OBSERVE' },
      { name: 'story', value: record.title.replace(/^OBSERVE /, '') },
      { name: 'severity', value: SEVERITY_OF.OBSERVE },
    ];
  }
  const rules = record.ruleIds.map((id) => RULES[id]);
  const strongest: Level = rules.some((rule) => rule.level === 'MUST') ? 'MUST' : 'SHOULD';
  return [
    ...[...new Set(rules.map((rule) => rule.area))].map((area) => ({ name: 'epic', value: area })),
    ...record.ruleIds.map((id) => ({ name: 'feature', value: id })),
    ...rules.map((rule) => ({ name: 'story', value: rule.text })),
    { name: 'severity', value: SEVERITY_OF[strongest] },
  ];
}

function descriptionOf(record: TestRecord, observation: boolean): string {
  const rules = record.ruleIds.map(
    (id) => `**${id}** (${RULES[id].level}, ${RULES[id].area}): ${RULES[id].text} [Qomon docs](${RULES[id].doc})`,
  );
  const kind =
    observation && rules.length === 0
      ? ['**OBSERVE**: the docs are silent; the suite records what the target does and never fails on it.']
      : [];
  const observed =
    record.observations.length > 0 ? ['Observed:', '', ...record.observations.map((seen) => `- ${seen}`)] : [];
  const spent = [`Spent ${record.spend.requests} requests, ${record.spend.tokens} rate-limit tokens.`];
  return [...rules, ...kind, ...observed, ...spent].join('\n\n');
}

export function allureMetadataOf(record: TestRecord, tags: readonly string[], context: RunContext): AllureMetadata {
  const observation = tags.includes('@observe');
  const docs = [...new Set(record.ruleIds.map((id) => RULES[id].doc))];
  return {
    labels: labelsOf(record, observation),
    links: docs.map((url) => ({ url, name: 'Qomon docs', type: 'link' })),
    parameters: [
      { name: 'target', value: context.target },
      { name: 'reading', value: context.configuredReading },
      // A seed chosen per run must not split a test's history into one entry per seed.
      ...(context.seed === undefined ? [] : [{ name: 'seed', value: String(context.seed), excluded: true }]),
    ],
    description: descriptionOf(record, observation),
  };
}

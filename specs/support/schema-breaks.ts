/**
 * A schema break (SCH-01, SCH-02, SCH-03) seen by a test of another rule. Every answer of every
 * test is checked against the schemas as it arrives (every-answer.ts), but one difference of shape
 * must not fail every rule whose test happened to see it: the test records the break as an
 * annotation, and the conformance matrix charges it to the SCH rule it breaks (scripts/reporters).
 * The SCH specs (specs/schema/) assert the same schemas themselves, so those rules fail there too.
 */
import type { RuleId } from './rule-catalogue';

/** The annotation type a test records a schema break under; its description is `<SCH-0x> <message>`. */
export const SCHEMA_BREAK_ANNOTATION = 'schema-break';

export type SchemaRuleId = Extract<RuleId, 'SCH-01' | 'SCH-02' | 'SCH-03'>;

export interface SchemaBreak {
  rule: SchemaRuleId;
  /** What broke: the requirement, the request, the violations. */
  message: string;
}

export function schemaBreakAnnotation({ rule, message }: SchemaBreak): { type: string; description: string } {
  return { type: SCHEMA_BREAK_ANNOTATION, description: `${rule} ${message}` };
}

/** The break an annotation's description records; undefined when it names no SCH rule. */
export function parseSchemaBreak(description: string | undefined): SchemaBreak | undefined {
  const match = /^(SCH-0[123]) ([\s\S]*)$/.exec(description ?? '');
  return match ? { rule: match[1] as SchemaRuleId, message: match[2] as string } : undefined;
}

/**
 * docs/RULES.md: the rule catalogue (specs/support/rule-catalogue.ts) as a page that travels with
 * the repository, so a reader needs nothing outside it. Generated, never edited by hand; a unit
 * test fails when it is stale. `npm run rules:doc` rewrites it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES, RULE_IDS } from '../specs/support/rule-catalogue';

export const RULES_DOC = path.resolve(__dirname, '..', 'docs', 'RULES.md');

export function renderRulesDoc(): string {
  const areas = [...new Set(RULE_IDS.map((id) => RULES[id].area))];
  const lines = [
    '# The rules of PATCH /contacts/{contactId}',
    '',
    '<!-- Generated from specs/support/rule-catalogue.ts by `npm run rules:doc`; do not edit. -->',
    '',
    'The rules the suite checks, word for word as the contract states them. **MUST**: stated by',
    "Qomon's docs, a failure is a conformance failure. **SHOULD**: strongly implied, a failure is a",
    "warning. `grep -rn <id>` finds a rule's tests (specs/, properties/), its schema, the line of the",
    "mock that applies it (mock/) and the faults that break it (mock's fault zoo).",
    '',
  ];
  for (const area of areas) {
    lines.push(`## ${area}`, '', '| Id | Level | Rule | Source |', '|---|---|---|---|');
    for (const id of RULE_IDS.filter((rule) => RULES[rule].area === area)) {
      const { level, text, doc } = RULES[id];
      lines.push(`| ${id} | ${level} | ${text.replace(/\|/g, '\\|')} | [docs](${doc}) |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (require.main === module) {
  writeFileSync(RULES_DOC, renderRulesDoc());
  process.stdout.write(`wrote ${path.relative(process.cwd(), RULES_DOC)}\n`);
}

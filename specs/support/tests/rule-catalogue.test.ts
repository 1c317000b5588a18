/**
 * The rule catalogue is the contract's table, and every rule has a test: a rule without a test, or
 * a title that names a rule the contract does not have, fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { RULES, RULE_IDS, ruleIdsIn } from '../rule-catalogue';
import { RULES_DOC, renderRulesDoc } from '../../../scripts/rules-doc';

const CONTRACT = path.resolve(__dirname, '../../../../shared/contract/CONTRACT.md');

interface ListedSuite {
  specs?: { title: string }[];
  suites?: ListedSuite[];
}

function titlesIn(suite: ListedSuite): string[] {
  return [...(suite.specs ?? []).map((spec) => spec.title), ...(suite.suites ?? []).flatMap(titlesIn)];
}

/** The titles of every conformance test, as Playwright lists them (no request is sent). */
function conformanceTitles(): string[] {
  const output = execFileSync(
    process.execPath,
    [
      require.resolve('@playwright/test/cli'),
      'test',
      '--list',
      '--reporter=json',
      '--project=conformance',
      '--project=rate-limit',
    ],
    {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: '' },
    },
  );
  const report = JSON.parse(output) as { suites: ListedSuite[] };
  return report.suites.flatMap(titlesIn);
}

test('the rule catalogue is the rules table of CONTRACT.md: id, level and text, row by row', () => {
  // In CI the contract lies beside the checkout (shared/): its absence there is a failure, not a skip.
  test.skip(
    !existsSync(CONTRACT) && !process.env.CI,
    `${CONTRACT} is not beside this checkout: nothing to compare the catalogue with (CI fails here instead)`,
  );
  expect(existsSync(CONTRACT), `${CONTRACT} must lie beside the checkout in CI`).toBe(true);
  const rows = [...readFileSync(CONTRACT, 'utf8').matchAll(/^\| ([A-Z]{3}-\d{2}) \| (MUST|SHOULD) \| (.*) \|$/gm)].map(
    (match) => `${match[1]} ${match[2]} ${match[3]}`,
  );
  const catalogue = RULE_IDS.map((id) => `${id} ${RULES[id].level} ${RULES[id].text}`);
  expect(
    catalogue,
    'specs/support/rule-catalogue.ts holds the rules of CONTRACT.md section 3 with their levels and texts, word for word',
  ).toEqual(rows);
});

test('docs/RULES.md is the catalogue as generated now (npm run rules:doc rewrites it)', () => {
  expect(readFileSync(RULES_DOC, 'utf8'), 'docs/RULES.md is stale: run npm run rules:doc').toBe(renderRulesDoc());
});

test('every rule of the catalogue is named by at least one conformance test, and every named rule exists', () => {
  const titles = conformanceTitles();
  const named = new Set(titles.flatMap(ruleIdsIn));
  const untested = RULE_IDS.filter((id) => !named.has(id));
  const unknown = [...named].filter((id) => !(RULE_IDS as string[]).includes(id));
  expect(untested, `rules without a test among ${titles.length} conformance tests`).toEqual([]);
  expect(unknown, 'rule ids named in titles that CONTRACT.md does not have').toEqual([]);
});

test('every conformance test title starts with its rule id or OBSERVE', () => {
  const titles = conformanceTitles();
  const unnamed = titles.filter((title) => !/^([A-Z]{3}-\d{2}|OBSERVE) /.test(title));
  expect(unnamed, 'titles are `<id> <the requirement as a sentence>`').toEqual([]);
});

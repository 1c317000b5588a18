/**
 * The second half of `npm run report`, after `allure generate` and the analytics strip: packs the
 * single-file Allure report (pack-report.ts), renders the rule book again from the last run's data,
 * and prints the path of everything it wrote.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packReport } from './pack-report';
import { RULE_BOOK_FILES, renderRuleBookFiles } from './reporters/rule-book';

const reports = process.env.REPORTS_DIR || 'reports';
const allure = path.join(reports, 'allure-report', 'index.html');

const html = packReport(readFileSync(allure, 'utf8'));
if (html === undefined) {
  process.stderr.write(`report: ${allure} is not the single-file report pack-report.ts expects; left as it is\n`);
} else writeFileSync(allure, html);
const written = [`allure     ${allure} (${statSync(allure).size} bytes)`];

if (existsSync(path.join(reports, RULE_BOOK_FILES.data))) {
  const book = renderRuleBookFiles(reports);
  written.push(`rule book  ${book.html} · ${book.markdown}`);
} else {
  written.push(
    `rule book  not written: ${path.join(reports, RULE_BOOK_FILES.data)} is missing (run the conformance suite first)`,
  );
}
process.stdout.write(`report: wrote\n${written.map((line) => `  ${line}`).join('\n')}\n`);

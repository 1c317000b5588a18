/**
 * The matrix as a standalone page: inline CSS, no script, no external asset, so that it opens from
 * a file, a CI artifact or a mail attachment. Rows carry `data-rule` and `data-verdict` so that the
 * browser check (scripts/browser-check.ts) can find them.
 */
import { depthOf, depthText, isBudgetSkip } from './depth';
import { countStatuses, type RuleRow, type RunFacts, type TestRecord } from './matrix';
import { readingLine, seconds, testLine, VERDICT_LABEL, verdictTally } from './render-markdown';

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.5rem; margin-bottom: .5rem; }
  h1 code { font-size: 1.3rem; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1.5rem; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #d0d7de; padding: .4rem .6rem; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; }
  td.rule { width: 40%; }
  td.rule a { font-weight: 600; white-space: nowrap; }
  td.level, td.verdict { width: 1%; white-space: nowrap; }
  td.verdict { font-weight: 600; }
  tr[data-verdict="pass"] td.verdict { background: #dafbe1; }
  tr[data-verdict="fail"] td.verdict { background: #ffd8d3; }
  tr[data-verdict="warning"] td.verdict { background: #fff1c2; }
  tr[data-verdict="skipped"] td.verdict, tr[data-verdict="not run"] td.verdict { background: #eaeef2; }
  tr[data-verdict="fail"] { outline: 2px solid #cf222e; outline-offset: -2px; }
  tr[data-verdict="warning"] { outline: 2px solid #bf8700; outline-offset: -2px; }
  details summary { cursor: pointer; }
  ul.tests { margin: .3rem 0 .4rem; padding-left: 1.1rem; }
  div.failed-tests { font-weight: 600; color: #cf222e; }
  div.failed-tests li { font-weight: normal; }
  li.failed { color: #cf222e; }
  li.skipped { color: #656d76; }
`;

function testList(tests: RuleRow['tests']): string {
  return `<ul class="tests">${tests.map((test) => `<li class="${test.status}">${escape(testLine(test))}</li>`).join('')}</ul>`;
}

/** Failed tests in sight, with their first line; the others behind their counts. */
function testsCell(row: RuleRow): string {
  const failed = row.tests.filter((test) => test.status === 'failed');
  const others = row.tests.filter((test) => test.status !== 'failed');
  const failures =
    failed.length > 0 ? `<div class="failed-tests">${escape(countStatuses(failed))}${testList(failed)}</div>` : '';
  const rest =
    others.length > 0
      ? `<details><summary>${escape(countStatuses(others))}</summary>${testList(others)}</details>`
      : '';
  return failures + rest;
}

function ruleRow(row: RuleRow, depth = ''): string {
  const verdict =
    row.verdict === 'skipped' ? `${VERDICT_LABEL.skipped}: ${row.skipReasons.join('; ')}` : VERDICT_LABEL[row.verdict];
  return [
    `<tr data-rule="${row.id}" data-verdict="${row.verdict}">`,
    `<td class="rule"><a href="${escape(row.doc)}">${row.id}</a> ${escape(row.text)}</td>`,
    `<td class="level">${row.level}</td>`,
    `<td class="verdict">${escape(verdict)}</td>`,
    `<td class="depth">${escape(depth)}</td>`,
    `<td>${testsCell(row)}</td>`,
    '</tr>',
  ].join('');
}

export function renderHtml(rows: readonly RuleRow[], facts: RunFacts, records: readonly TestRecord[] = []): string {
  const depths = new Map(depthOf(records).map((depth) => [depth.id, depthText(depth)]));
  const budgetSkips = records.filter(isBudgetSkip);
  const skipped =
    budgetSkips.length > 0
      ? budgetSkips.map((record) => `<li>${escape(record.title)}: ${escape(record.why ?? '')}</li>`).join('')
      : '<li>none: every test the run selected ran</li>';
  const fact = (term: string, value: string) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`;
  const observations =
    facts.observations.length > 0
      ? facts.observations.map((observation) => `<li>${escape(observation)}</li>`).join('')
      : '<li>none recorded in this run</li>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conformance of PATCH /contacts/{contactId} on ${escape(facts.target)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Conformance of <code>PATCH /contacts/{contactId}</code></h1>
<dl class="facts">
${fact('Target', facts.target)}
${facts.error === undefined ? '' : fact('Error', `${facts.error} (the run stopped; no rule was judged on it)`)}
${fact('Rules', verdictTally(rows))}
${fact('Entry reading', readingLine(facts))}
${facts.seed === undefined ? '' : fact('fast-check seed', `FC_SEED=${facts.seed}`)}
${fact('Spent', `${facts.tests} tests · ${facts.spend.requests} requests · ${facts.spend.tokens} rate-limit tokens`)}
${fact('Duration', `${seconds(facts.durationMs)}, started ${facts.startedAt.toISOString()}`)}
</dl>
<table id="rules">
<thead><tr><th>Rule</th><th>Level</th><th>Verdict</th><th>Depth</th><th>Tests</th></tr></thead>
<tbody>
${rows.map((row) => ruleRow(row, depths.get(row.id))).join('\n')}
</tbody>
</table>
<h2>Skipped for the budget</h2>
<ul id="budget-skips">${skipped}</ul>
<h2>Observations</h2>
<p>Where the docs are silent the suite records what the target did (OBSERVE: never failing).</p>
<ul id="observations">${observations}</ul>
</body>
</html>
`;
}

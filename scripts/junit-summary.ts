/**
 * The JUnit results of a run as Markdown, for the run's checks on GitHub (the nightly appends it to
 * $GITHUB_STEP_SUMMARY): the totals, then each failed or errored test with the first line of its
 * message. `node --require tsx/cjs scripts/junit-summary.ts [reports/junit.xml]` prints it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface JunitCase {
  name: string;
  suite: string;
  outcome: 'passed' | 'failed' | 'error' | 'skipped';
  message?: string;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const value = tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  return value === undefined ? undefined : unescapeXml(value);
}

/** The test cases of a JUnit file, as Playwright's junit reporter writes it. */
export function junitCases(xml: string): JunitCase[] {
  const cases: JunitCase[] = [];
  for (const match of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const [, attributes = '', , body = ''] = match;
    const failure = body.match(/<(failure|error)\b([^>]*)>/);
    const outcome = failure
      ? failure[1] === 'error'
        ? 'error'
        : 'failed'
      : /<skipped\b/.test(body)
        ? 'skipped'
        : 'passed';
    const message = failure ? attribute(failure[2] ?? '', 'message') : undefined;
    cases.push({
      name: attribute(attributes, 'name') ?? '(unnamed)',
      suite: attribute(attributes, 'classname') ?? '',
      outcome,
      ...(message === undefined ? {} : { message }),
    });
  }
  return cases;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function junitSummary(cases: readonly JunitCase[]): string {
  const count = (outcome: JunitCase['outcome']) => cases.filter((one) => one.outcome === outcome).length;
  const bad = cases.filter((one) => one.outcome === 'failed' || one.outcome === 'error');
  return [
    '## JUnit results',
    '',
    `${cases.length} tests: ${count('passed')} passed, ${count('failed')} failed, ${count('error')} errors, ${count('skipped')} skipped`,
    '',
    ...(bad.length === 0
      ? ['No test failed.']
      : [
          '| Test | File | Outcome | Message |',
          '|---|---|---|---|',
          ...bad.map(
            (one) =>
              `| ${cell(one.name)} | ${cell(one.suite)} | ${one.outcome} | ${cell((one.message ?? '').split('\n')[0]!.slice(0, 200))} |`,
          ),
        ]),
    '',
  ].join('\n');
}

if (require.main === module) {
  const file = process.argv[2] ?? path.join(process.env.REPORTS_DIR || 'reports', 'junit.xml');
  process.stdout.write(junitSummary(junitCases(readFileSync(file, 'utf8'))));
}

/**
 * The self-check's report, as data (selfcheck.json) and as a page a maintainer reads
 * (selfcheck.md): the reference run, the fault × rule matrix, the kill rate and the time per fault.
 */
import { referencePassed, rulesThatFailed, verdictOf, type RunSummary, type Verdict } from './verdict';

export interface FaultResult {
  readonly name: string;
  readonly rule: string;
  readonly level: string;
  readonly description: string;
  readonly verdict: Verdict;
  readonly rulesFailed: readonly string[];
  readonly seconds: number;
  readonly runs: readonly RunSummary[];
}

export interface SelfCheckReport {
  readonly generatedAt: string;
  readonly totalSeconds: number;
  /** Share of faults caught by a test of their own rule, 0 to 1. */
  readonly killRate: number;
  readonly counts: Readonly<Record<'faults' | 'caught' | 'warnings' | 'survived' | 'errors', number>>;
  readonly reference: RunSummary & { readonly passed: boolean };
  readonly faults: readonly FaultResult[];
}

export function faultResult(
  fault: { name: string; rule: string; level: string; description: string },
  runs: readonly RunSummary[],
): FaultResult {
  return {
    ...fault,
    verdict: verdictOf(fault.rule, runs),
    rulesFailed: rulesThatFailed(runs),
    seconds: runs.reduce((total, run) => total + run.seconds, 0),
    runs,
  };
}

export function selfCheckReport(
  reference: RunSummary,
  faults: readonly FaultResult[],
  totalSeconds: number,
  now = new Date(),
): SelfCheckReport {
  const count = (verdict: Verdict) => faults.filter((fault) => fault.verdict === verdict).length;
  return {
    generatedAt: now.toISOString(),
    totalSeconds,
    killRate: faults.length === 0 ? 0 : count('caught') / faults.length,
    counts: {
      faults: faults.length,
      caught: count('caught'),
      warnings: count('caught by other rules'),
      survived: count('survived'),
      errors: count('error'),
    },
    reference: { ...reference, passed: referencePassed(reference) },
    faults,
  };
}

export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

/** One line per fault for the console, as each finishes. */
export function faultLine(fault: FaultResult): string {
  const others = fault.rulesFailed.filter((rule) => rule !== fault.rule);
  const by =
    fault.verdict === 'caught'
      ? `by ${fault.rule}${others.length ? ` (also ${others.join(', ')})` : ''}`
      : fault.verdict === 'caught by other rules'
        ? `WARNING: no ${fault.rule} test failed; caught only by ${others.join(', ')}`
        : fault.verdict === 'survived'
          ? 'SURVIVED: no test failed'
          : `ERROR: ${fault.runs.flatMap((run) => run.errors).join('; ')}`;
  return `${fault.verdict === 'caught' ? 'caught  ' : fault.verdict === 'caught by other rules' ? 'warning ' : 'FAILED  '} ${fault.name} (${fault.rule}) ${by}, ${seconds(fault.seconds)}`;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  caught: 'caught',
  'caught by other rules': '**warning**: caught by other rules only',
  survived: '**survived**',
  error: '**error**',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownOf(report: SelfCheckReport, ruleIds: readonly string[]): string {
  const { reference, counts } = report;
  const lines = [
    '# Self-check: does the suite catch every misimplementation?',
    '',
    `Generated ${report.generatedAt} by \`npm run selfcheck\` in ${seconds(report.totalSeconds)}.`,
    '',
    `- **Reference mock**: ${reference.passed ? 'green' : '**RED**'}, ${reference.testsRun} tests, ${reference.failed.length} failed, ${seconds(reference.seconds)} (\`${reference.command}\`)`,
    ...reference.failed.map(
      (outcome) => `  - failed: ${cell(outcome.title)}${outcome.error ? ` — ${cell(outcome.error)}` : ''}`,
    ),
    ...reference.errors.map((error) => `  - error: ${cell(error)}`),
    `- **Kill rate**: ${percent(report.killRate)} — ${counts.caught} of ${counts.faults} faults caught by a test of their own rule; ${counts.warnings} caught only by other rules (warnings); ${counts.survived} survived; ${counts.errors} errors.`,
    '',
    '## Faults',
    '',
    'Each fault is run first against the tests of its own rule (`--grep <rule>`, specs, then the',
    'properties), stopping at the first failure; only a fault that survives that is run against the',
    'whole suite. "Rules whose tests failed" lists what those runs saw, not every rule that would notice.',
    '',
    '| Fault | Rule | What it does | Verdict | Rules whose tests failed | Time |',
    '|---|---|---|---|---|---|',
    ...report.faults.map(
      (fault) =>
        `| \`${fault.name}\` | ${fault.rule} (${fault.level}) | ${cell(fault.description)} | ${VERDICT_WORDS[fault.verdict]} | ${fault.rulesFailed.join(', ') || '—'} | ${seconds(fault.seconds)} |`,
    ),
    '',
    '## Matrix',
    '',
    "● a test of the fault's own rule failed · ○ a test of another rule failed · blank: no test of that rule failed (or none ran).",
    '',
    `| Fault | ${ruleIds.join(' | ')} |`,
    `|---|${ruleIds.map(() => ':-:').join('|')}|`,
    ...report.faults.map(
      (fault) =>
        `| \`${fault.name}\` | ${ruleIds.map((rule) => (fault.rulesFailed.includes(rule) ? (rule === fault.rule ? '●' : '○') : '')).join(' | ')} |`,
    ),
    '',
    '## The failing test that caught each fault',
    '',
    ...report.faults.flatMap((fault) => {
      const first = fault.runs.flatMap((run) => run.failed)[0];
      const lastRun = fault.runs[fault.runs.length - 1];
      return [
        `- \`${fault.name}\`: ${first ? `${cell(first.title)}${first.error ? ` — ${cell(first.error)}` : ''}` : 'no test failed'}`,
        ...(lastRun ? [`  - replay: \`${lastRun.command}\``] : []),
      ];
    }),
    '',
  ];
  return lines.join('\n');
}

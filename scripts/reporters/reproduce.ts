/**
 * One command per failing test that reruns exactly it, and its request sequence for the terminal
 * (issue 15). The command carries the run's variables as specs/support/rerun-variables.ts writes
 * them (by name, never by value; the seed, variant and fault by value), and ends with
 * `npx playwright test file:line`.
 */
import path from 'node:path';
import type { TestCase } from '@playwright/test/reporter';
import { MESSAGE_BODY_CHARS, shellQuote, shortenMiddle } from '../../specs/request-path/transcript';
import { rerunVariables } from '../../specs/support/rerun-variables';

export const TRANSCRIPT_ATTACHMENT = 'transcript (token redacted)';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `QOMON_BASE_URL= MOCK_FAULT=… npx playwright test specs/…spec.ts:140 --project=conformance --no-deps -g '…'`.
 * `-g` always: a loop declares several tests at one line (one per entry list, say), and a run that
 * selected one of them cannot tell.
 */
export function rerunCommand(test: TestCase, env: NodeJS.ProcessEnv, root: string): string {
  const project = test.parent.project()?.name;
  return [
    ...rerunVariables(env, root),
    'npx playwright test',
    shellQuote(where(test, root)),
    // Only this test's project, and not the rate-limit project that tears the conformance one down.
    ...(project === undefined ? [] : [`--project=${shellQuote(project)}`, '--no-deps']),
    '-g',
    shellQuote(escapeRegExp(test.title)),
  ].join(' ');
}

/** The failed test's transcript for a terminal: whole, with each over-long line shortened in the middle. */
export function terminalTranscript(test: TestCase, redact: (text: string) => string): string | undefined {
  const attachment = test.results.at(-1)?.attachments.find((candidate) => candidate.name === TRANSCRIPT_ATTACHMENT);
  if (attachment?.body === undefined) return undefined;
  return redact(attachment.body.toString('utf8'))
    .split('\n')
    .map((line) => shortenMiddle(line, MESSAGE_BODY_CHARS))
    .join('\n');
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
}

/** What the rerun commands of a run depend on. */
export interface RerunContext {
  env: NodeJS.ProcessEnv;
  /** The config's rootDir: commands name files relative to it. */
  root: string;
  redact: (text: string) => string;
}

/** `specs/entries/entry-rules.spec.ts:143` */
function where(test: TestCase, root: string): string {
  return `${path.relative(root, test.location.file).split(path.sep).join('/')}:${test.location.line}`;
}

/**
 * The block printed for each failing test, then one line on the curl lines: they name the port of
 * a mock that ended with the run, and the command that serves that port again.
 */
export function failureBlocks(failed: readonly TestCase[], { env, root, redact }: RerunContext): string {
  if (failed.length === 0) return '';
  const blocks = failed.map((test) => {
    const transcript = terminalTranscript(test, redact);
    return [
      `✘ ${redact(test.title)} (${where(test, root)})`,
      `  rerun: ${rerunCommand(test, env, root)}`,
      ...(transcript === undefined
        ? []
        : [
            `  requests (tokens redacted, lines over ${MESSAGE_BODY_CHARS} characters shortened in the middle):`,
            indent(transcript, '    '),
          ]),
    ].join('\n');
  });
  const port = env.MOCK_PORT;
  const onMock = !env.QOMON_BASE_URL?.trim();
  const mockFlags = [
    ...(env.MOCK_VARIANT?.trim() ? [`--variant ${shellQuote(env.MOCK_VARIANT.trim())}`] : []),
    ...(env.MOCK_FAULT?.trim() ? [`--fault ${shellQuote(env.MOCK_FAULT.trim())}`] : []),
  ];
  const curlNote =
    onMock && port
      ? [
          `The curl lines name the mock of this run, which stopped with it; to replay them by hand, start the same mock on that port: npm run mock -- --port ${port}${mockFlags.map((flag) => ` ${flag}`).join('')} (it prints the token to export as QOMON_TOKEN)`,
        ]
      : [];
  return [
    `${failed.length} failing test${failed.length === 1 ? '' : 's'}, each with the command that reruns it alone:`,
    '',
    ...blocks.flatMap((block) => [block, '']),
    ...curlNote,
  ].join('\n');
}

/** `<REPORTS_DIR>/reruns.md`: each failing test and its rerun command, for the nightly's issue. */
export const RERUNS_FILE = 'reruns.md';

export function rerunsMarkdown(failed: readonly TestCase[], { env, root, redact }: RerunContext): string {
  const lines = failed.flatMap((test) => {
    const error = test.results.at(-1)?.error;
    const first = redact((error?.message ?? error?.value ?? '').replace(/\u001b\[[0-9;]*m/g, '')).split('\n')[0];
    return [
      `- **${redact(test.title)}** (\`${where(test, root)}\`)${first ? `: ${first.slice(0, 300)}` : ''}`,
      '',
      '  ```sh',
      `  ${rerunCommand(test, env, root)}`,
      '  ```',
      '',
    ];
  });
  return [
    '## Rerun commands',
    '',
    failed.length === 0
      ? 'No test failed.'
      : 'Each command reruns one failing test alone; the variables are named, never given (set them as for the run).',
    '',
    ...lines,
  ].join('\n');
}

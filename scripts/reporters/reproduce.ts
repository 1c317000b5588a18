/**
 * One command per failing test that reruns exactly it, and its request sequence for the terminal
 * (issue 15). The command names the run's variables (never their values: `QOMON_TOKEN=$QOMON_TOKEN`),
 * gives the seed and the mock's variant and fault by value (they are not secret and they are what
 * made the failure), and ends with `npx playwright test file:line`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestCase } from '@playwright/test/reporter';
import { parse as parseDotenv } from 'dotenv';
import { MESSAGE_BODY_CHARS, shortenMiddle } from '../../specs/request-path/transcript';

/** The variables of a run that may hold a secret or name the target: written by name only. */
export const NAMED_VARIABLES = [
  'QOMON_BASE_URL',
  'QOMON_ALLOWED_HOSTS',
  'QOMON_TOKEN',
  'QOMON_TOKEN_OTHER_SPACE',
  'QOMON_RATE_TOKEN',
  'QOMON_RATE_CAPACITY',
  'QOMON_TOKEN_BUDGET',
  'QOMON_ENTRY_READING',
] as const;

/** The variables that say which server and which case: written with their value. */
export const VALUE_VARIABLES = ['MOCK_VARIANT', 'MOCK_FAULT', 'FC_SEED', 'FC_NUM_RUNS'] as const;

export const TRANSCRIPT_ATTACHMENT = 'transcript (token redacted)';

/**
 * Names of the variables `.env` gives, with the value it gives them: a rerun loads `.env` again,
 * and writing `NAME=$NAME` for them would set them empty in a shell that does not export them,
 * which hides the file's value (dotenv never overrides a variable that is set).
 */
function fromDotenv(root: string, env: NodeJS.ProcessEnv): Set<string> {
  const file = path.join(root, '.env');
  if (!existsSync(file)) return new Set();
  const parsed = parseDotenv(readFileSync(file));
  return new Set(Object.keys(parsed).filter((name) => env[name] === parsed[name]));
}

function shellWord(text: string): string {
  return /^[\w./:@%+,=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The variables a rerun needs, as shell assignments. */
export function rerunVariables(env: NodeJS.ProcessEnv, root: string): string[] {
  const dotenv = fromDotenv(root, env);
  const set = (name: string) => Boolean(env[name]?.trim()) && !dotenv.has(name);
  const onMock = !env.QOMON_BASE_URL?.trim();
  return [
    // On the mock, an empty QOMON_BASE_URL keeps a .env that names a live target out of the rerun.
    ...(onMock ? ['QOMON_BASE_URL='] : []),
    ...NAMED_VARIABLES.filter((name) => set(name) && !(onMock && name === 'QOMON_BASE_URL')).map(
      (name) => `${name}="$${name}"`,
    ),
    ...VALUE_VARIABLES.filter(set).map((name) => `${name}=${shellWord(env[name]!.trim())}`),
  ];
}

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
    shellWord(where(test, root)),
    // Only this test's project, and not the rate-limit project that tears the conformance one down.
    ...(project === undefined ? [] : [`--project=${shellWord(project)}`, '--no-deps']),
    '-g',
    shellWord(escapeRegExp(test.title)),
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
    ...(env.MOCK_VARIANT?.trim() ? [`--variant ${shellWord(env.MOCK_VARIANT.trim())}`] : []),
    ...(env.MOCK_FAULT?.trim() ? [`--fault ${shellWord(env.MOCK_FAULT.trim())}`] : []),
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

// The standalone entry point: what it prints, how it stops, and how it refuses a bad configuration.

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseCommandLine, UsageError } from '../http/cli-arguments';
import { FAULTS } from '../faults/fault-table';
import { expect, test } from './fixtures';

const REPOSITORY = resolve(__dirname, '..', '..');
const CLI = ['--import', 'tsx', 'mock/http/cli.ts'];
/** What a test runner waits for (webServer.wait.stdout). */
const LISTENING = /mock listening on http:\/\/127\.0\.0\.1:(?<mock_port>\d+)/;

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with a clean MOCK_* environment plus `env`; `onStdout` may stop it. */
function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  onStdout?: (stdout: string, stop: () => void) => void,
): Promise<Finished> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MOCK_')));
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: REPOSITORY, env: { ...inherited, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(stdout, () => child.kill('SIGTERM'));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    }),
  );
}

test('the CLI prints where it listens, the three tokens and the variant, then stops cleanly on SIGTERM', async () => {
  let answeredStatus = 0;
  const finished = await runCli(['--port', '0'], { MOCK_RATE_CAPACITY: '25' }, (stdout, stop) => {
    if (!stdout.includes('variant:')) return;
    const port = LISTENING.exec(stdout)?.groups?.['mock_port'];
    void fetch(`http://127.0.0.1:${port}/v1/forms/type/survey`, {
      headers: { Authorization: 'Bearer mock-token-space-a' },
    })
      .then((response) => (answeredStatus = response.status))
      .finally(stop);
  });

  const lines = finished.stdout.trimEnd().split('\n');
  expect(lines[0], 'the first line is what runners wait for').toMatch(new RegExp(`^${LISTENING.source}$`));
  expect(lines.slice(1), 'then one line per token and the variant').toEqual([
    'token (space 1, group_id 1): mock-token-space-a',
    'token (space 2, group_id 2): mock-token-space-b',
    'token (space 1, own small bucket of 25 for the rate-limit exhaustion check): mock-token-rate',
    'variant: reference',
  ]);
  expect(answeredStatus, 'the printed token works on the printed port').toBe(200);
  expect(finished.code, 'SIGTERM stops the mock with status 0').toBe(0);
  expect(finished.stderr, 'nothing on stderr').toBe('');
});

// Each bad value is refused naming the flag or variable the user wrote.
const BAD_CONFIGURATIONS: readonly { title: string; args: string[]; env?: Record<string, string>; names: string }[] = [
  { title: 'an unknown flag', args: ['--verbose'], names: '--verbose' },
  { title: 'a flag without a value', args: ['--port'], names: '--port' },
  { title: 'a port that is not a number', args: ['--port', 'http'], names: '--port' },
  { title: 'a port beyond 65535', args: ['--port=70000'], names: '--port' },
  { title: 'an unknown variant flag', args: ['--variant', 'lenient'], names: '--variant' },
  { title: 'an unknown variant in MOCK_VARIANT', args: [], env: { MOCK_VARIANT: 'lenient' }, names: 'MOCK_VARIANT' },
  // A fault name that faults/fault-table.ts does not have.
  { title: 'an unknown fault flag', args: ['--fault', 'radio-keeps-first'], names: '--fault' },
  { title: 'an unknown fault in MOCK_FAULT', args: [], env: { MOCK_FAULT: 'radio-keeps-first' }, names: 'MOCK_FAULT' },
  {
    title: 'a rate capacity that is not a number',
    args: [],
    env: { MOCK_RATE_CAPACITY: 'forty' },
    names: 'MOCK_RATE_CAPACITY',
  },
  { title: 'a rate capacity below one PATCH', args: [], env: { MOCK_RATE_CAPACITY: '4' }, names: 'MOCK_RATE_CAPACITY' },
  { title: 'a token with a space', args: [], env: { MOCK_TOKEN: 'two words' }, names: 'MOCK_TOKEN' },
  { title: 'two equal tokens', args: [], env: { MOCK_RATE_TOKEN: 'mock-token-space-a' }, names: 'MOCK_RATE_TOKEN' },
];

for (const row of BAD_CONFIGURATIONS) {
  test(`the command line refuses ${row.title}, naming ${row.names} on one line`, () => {
    let refusal: unknown;
    try {
      parseCommandLine(row.args, row.env ?? {});
    } catch (error) {
      refusal = error;
    }

    expect(refusal, `${row.title} is a usage error`).toBeInstanceOf(UsageError);
    const message = refusal instanceof Error ? refusal.message : '';
    expect(message, `the message names ${row.names}`).toContain(row.names);
    expect(message.includes('\n'), 'the message fits on one line').toBe(false);
  });
}

test('flags win over the environment, and an empty variable counts as unset', () => {
  const commandLine = parseCommandLine(['--variant', 'reference', '--port=0'], {
    MOCK_VARIANT: 'tolerant',
    MOCK_TOKEN: '',
    MOCK_RATE_CAPACITY: '12',
  });

  expect(commandLine, 'the flag --variant wins; MOCK_TOKEN="" keeps the default token').toEqual({
    kind: 'run',
    options: {
      port: 0,
      variant: 'reference',
      rateCapacity: 12,
      tokens: { space: 'mock-token-space-a', otherSpace: 'mock-token-space-b', rate: 'mock-token-rate' },
    },
  });
});

test('without flags or variables the mock listens on 8787 with the default tokens', () => {
  expect(parseCommandLine([], {}), 'the defaults of the brief').toEqual({
    kind: 'run',
    options: {
      port: 8787,
      tokens: { space: 'mock-token-space-a', otherSpace: 'mock-token-space-b', rate: 'mock-token-rate' },
    },
  });
});

test('a fault of the zoo is taken from --fault or MOCK_FAULT, and --list-faults asks for the list', () => {
  const [first, second] = FAULTS;
  expect(
    parseCommandLine(['--fault', first?.name ?? ''], { MOCK_FAULT: second?.name ?? '' }),
    'the flag wins over MOCK_FAULT',
  ).toMatchObject({ kind: 'run', options: { fault: first?.name } });
  expect(parseCommandLine([], { MOCK_FAULT: second?.name ?? '' }), 'MOCK_FAULT alone names the fault').toMatchObject({
    kind: 'run',
    options: { fault: second?.name },
  });
  expect(parseCommandLine(['--list-faults'], {}), '--list-faults prints the table instead of starting').toEqual({
    kind: 'list faults',
  });
});

test('the CLI process refuses a bad value with one stderr line and exit status 2', async () => {
  const finished = await runCli(['--port', '0', '--fault', 'radio-keeps-first']);

  expect(finished.code, 'a bad value: exit status 2').toBe(2);
  expect(finished.stderr, 'one line naming the flag').toBe(
    `mock: --fault: unknown fault "radio-keeps-first" (${FAULTS.length} exist; list them with --list-faults)\n`,
  );
  expect(finished.stdout, 'nothing on stdout').toBe('');
});

// The mock on its own: `npx tsx mock/http/cli.ts --port 8787`.
//
// Flags (they win over the environment): --port N (0 = a free port; default 8787),
// --variant reference|tolerant, --fault NAME (a misimplementation of faults/fault-table.ts); --list-faults prints them.
// Environment: MOCK_TOKEN, MOCK_TOKEN_OTHER_SPACE, MOCK_RATE_TOKEN, MOCK_RATE_CAPACITY,
// MOCK_VARIANT, MOCK_FAULT. A bad value: one line on stderr naming it, exit status 2.
// The first stdout line is exactly `mock listening on http://127.0.0.1:<port>`: runners wait for it.

import { parseCommandLine, USAGE, UsageError, type CommandLine } from './cli-arguments';
import { faultList } from '../faults/fault-table';
import { DEFAULT_RATE_CAPACITY } from './options';
import { startMock, type RunningMock } from './server';

const EXIT_BAD_CONFIGURATION = 2;
const EXIT_CANNOT_LISTEN = 1;

async function main(): Promise<void> {
  let commandLine: CommandLine;
  try {
    commandLine = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : 'the command line could not be read';
    process.stderr.write(`mock: ${message}\n`);
    process.exit(EXIT_BAD_CONFIGURATION);
  }
  if (commandLine.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (commandLine.kind === 'list faults') {
    process.stdout.write(faultList());
    return;
  }

  const { options } = commandLine;
  let mock: RunningMock;
  try {
    mock = await startMock(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `mock: cannot listen on 127.0.0.1:${String(options.port)}${code === undefined ? '' : ` (${code})`}\n`,
    );
    process.exit(EXIT_CANNOT_LISTEN);
  }

  process.stdout.write(
    [
      `mock listening on ${mock.url}`,
      `token (space 1, group_id 1): ${mock.tokens.space}`,
      `token (space 2, group_id 2): ${mock.tokens.otherSpace}`,
      `token (space 1, own small bucket of ${options.rateCapacity ?? DEFAULT_RATE_CAPACITY} for the rate-limit exhaustion check): ${mock.tokens.rate}`,
      `variant: ${mock.variant}`,
      ...(mock.fault === undefined ? [] : [`fault: ${mock.fault}`]),
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(0); // a second signal: do not wait for connections to drain
    stopping = true;
    void mock.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A run killed before it could stop its mock (SIGKILL, a crash) must not leave it listening:
  // when the process that started the mock goes, the mock is handed to another parent, and stops.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 500).unref();
}

void main();

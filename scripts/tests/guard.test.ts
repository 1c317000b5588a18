/**
 * The target guard, end to end: a run or a sweep pointed at a host that is neither loopback nor in
 * QOMON_ALLOWED_HOSTS stops before its first request, naming QOMON_ALLOWED_HOSTS; one refused for
 * any other reason stops before its first request too.
 *
 * "No request was made" is measured, not assumed: the target is a socket on 127.0.0.1 that counts
 * connections. The refused host is `guard-test.invalid`, which can never resolve (RFC 6761); a
 * preloaded hook (resolve-to-loopback.cjs) makes it resolve to that socket inside the run, so a
 * guard bug would show up as a connection. The positive controls prove the hook routes the name to
 * the socket. Nothing here talks to any address but 127.0.0.1.
 */
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { LeftoverLedger } from '../../specs/request-path/leftovers';
import {
  cleanEnv,
  privateReportsDir,
  startPlaywright,
  startSweep,
  stopIfRunning,
  type Finished,
  type Started,
} from './processes';

const GUARD_TEST_HOST = 'guard-test.invalid';
const HOOK = path.join(__dirname, 'resolve-to-loopback.cjs');
const EXIT_BAD_CONFIGURATION = 2;

/** A socket on 127.0.0.1 that counts connections and answers any request with a 404 problem. */
interface CountingSocket {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

async function countingSocket(): Promise<CountingSocket> {
  let connections = 0;
  const body = '{"title":"Not Found","status":404,"detail":"the guard test\'s counting socket"}';
  const server: Server = createServer((socket) => {
    connections += 1;
    socket.on('error', () => undefined);
    socket.once('data', () =>
      socket.end(
        `HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the counting socket has no port');
  return {
    port: address.port,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The environment of a run aimed at the counting socket under `host`, with the name routed to it. */
function envFor(socket: CountingSocket, host: string, variables: Record<string, string>): Record<string, string> {
  return cleanEnv({
    QOMON_BASE_URL: `http://${host}:${socket.port}/`,
    REPORTS_DIR: privateReportsDir('reports'),
    NODE_OPTIONS: `--require ${HOOK}`,
    GUARD_TEST_HOST,
    ...variables,
  });
}

/** A suite run of one spec file: enough to send a request if the guard let it. */
function suiteRun(env: Record<string, string>): Started {
  return startPlaywright(
    [
      '--project=conformance',
      '--no-deps',
      '--workers=1',
      '--max-failures=1',
      '--reporter=line',
      'specs/path/contact-id.spec.ts',
    ],
    env,
  );
}

/** A sweep with one leftover on the target, so that it would send a DELETE if the guard let it. */
function sweepRun(env: Record<string, string>): Started {
  new LeftoverLedger(path.join(env.REPORTS_DIR as string, 'leftovers.jsonl')).record({
    event: 'created',
    id: 4242,
    target: env.QOMON_BASE_URL as string,
    run: 'guard-test',
  });
  return startSweep(env);
}

interface Starter {
  what: string;
  start(env: Record<string, string>): Started;
  /** A mistake other than the host, with the message that names it: a loopback target is allowed, so only it stops the run. */
  otherMistake: { what: string; variables: Record<string, string>; message: string };
}

const STARTERS: Starter[] = [
  {
    what: 'the suite',
    start: suiteRun,
    otherMistake: { what: 'no QOMON_TOKEN', variables: {}, message: 'QOMON_TOKEN is unset' },
  },
  {
    what: 'the sweep',
    start: sweepRun,
    otherMistake: {
      what: 'a QOMON_TOKEN_BUDGET that is not a number',
      variables: { QOMON_TOKEN: 'guard-test-token', QOMON_TOKEN_BUDGET: 'plenty' },
      message: 'QOMON_TOKEN_BUDGET="plenty" is not a positive whole number',
    },
  },
];

/** Runs `started` to its end, then closes the socket, whatever the assertions do. */
async function finish(started: Started, socket: CountingSocket, check: (finished: Finished) => void): Promise<void> {
  try {
    check(await started.finished);
  } finally {
    stopIfRunning(started);
    await socket.close();
  }
}

test.describe.configure({ timeout: 120_000 });

for (const { what, start, otherMistake } of STARTERS) {
  test(`${what} refuses a host that is not loopback and not in QOMON_ALLOWED_HOSTS, naming the variable, and sends nothing`, async () => {
    const socket = await countingSocket();
    const run = start(envFor(socket, GUARD_TEST_HOST, { QOMON_TOKEN: 'guard-test-token' }));
    await finish(run, socket, (finished) => {
      expect(finished.code, `${what} stops with the configuration error status\n${run.output()}`).toBe(
        EXIT_BAD_CONFIGURATION,
      );
      expect(finished.stderr, `${what} names the variable to set`).toContain(
        `QOMON_BASE_URL host "${GUARD_TEST_HOST}" is not loopback and not in QOMON_ALLOWED_HOSTS`,
      );
      expect(finished.stderr, `${what} says how to allow the host`).toContain(
        `add "${GUARD_TEST_HOST}" to QOMON_ALLOWED_HOSTS`,
      );
      expect(socket.connections(), `${what} opened no connection to the refused host`).toBe(0);
    });
  });

  test(`${what} reaches the same host once it is listed in QOMON_ALLOWED_HOSTS (positive control of the measurement)`, async () => {
    const socket = await countingSocket();
    const run = start(
      envFor(socket, GUARD_TEST_HOST, { QOMON_TOKEN: 'guard-test-token', QOMON_ALLOWED_HOSTS: GUARD_TEST_HOST }),
    );
    await finish(run, socket, (finished) => {
      expect(finished.stderr, `${what} is not refused by the configuration`).not.toContain('configuration error');
      expect(
        socket.connections(),
        `${what} reached the counting socket: the name is routed to it, so a count of 0 elsewhere means no request\n${run.output()}`,
      ).toBeGreaterThan(0);
    });
  });

  test(`${what} aimed at loopback but refused for ${otherMistake.what} sends nothing`, async () => {
    const socket = await countingSocket();
    const run = start(envFor(socket, '127.0.0.1', otherMistake.variables));
    await finish(run, socket, (finished) => {
      expect(finished.code, `${what} stops with the configuration error status\n${run.output()}`).toBe(
        EXIT_BAD_CONFIGURATION,
      );
      expect(finished.stderr, `${what} names what to fix`).toContain(otherMistake.message);
      expect(socket.connections(), `${what} opened no connection to the loopback target`).toBe(0);
    });
  });
}

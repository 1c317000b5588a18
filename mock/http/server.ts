// The mock's lifecycle: configure, listen on 127.0.0.1, answer every request (never with a 5xx,
// VAL-04), close. This is the module the suite and the CLI import.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Principal } from '../rules/auth';
import { SPACE_A_GROUP_ID, SPACE_B_GROUP_ID } from '../rules/catalogue';
import { ruleSetWith } from '../faults/fault-table';
import { resolveMockOptions, type MockOptions, type MockTokens } from './options';
import { problem } from '../rules/problems';
import { TokenBucket } from '../rules/rate-limit';
import { problemResponse } from '../rules/responses';
import { handleRequest, type MockContext } from './routes';
import { rawProblemResponse, writeResponse } from './write-response';
import { Store, type StoreView } from '../rules/store';
import { behaviourOf, type Variant } from '../rules/variant';

export type { MockOptions, MockTokens } from './options';
export type { StoreView, StoredContact, StoredEntry } from '../rules/store';

export interface RunningMock {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly tokens: MockTokens;
  readonly variant: Variant;
  /** The misimplementation this mock plays (faults/fault-table.ts), or undefined for the reference. */
  readonly fault: string | undefined;
  /** Read-only: every contact of both spaces, deleted ones and soft-deleted entries included. */
  readonly store: StoreView;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startMock(overrides: Partial<MockOptions> = {}): Promise<RunningMock> {
  const options = resolveMockOptions(overrides);
  const store = new Store(options.clock);
  const context = buildContext(options, store);
  const server = createServer((request, response) => {
    void serve(context, request, response);
  });
  server.on('clientError', respondToUnparsableRequest);
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', ignore);
    socket.end(rawProblemResponse(405, 'CONNECT is not supported by this server'));
  });

  const port = await listen(server, options.port);
  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    tokens: options.tokens,
    variant: options.variant,
    fault: options.fault,
    // A view, not the store: tests read through it and cannot write.
    store: { contact: (id) => store.contact(id), contacts: () => store.contacts() },
    close: () => close(server),
  };
}

function buildContext(options: MockOptions, store: Store): MockContext {
  const { tokens, clock } = options;
  const principals = new Map<string, Principal>([
    [tokens.space, { token: tokens.space, groupId: SPACE_A_GROUP_ID }],
    [tokens.otherSpace, { token: tokens.otherSpace, groupId: SPACE_B_GROUP_ID }],
    [tokens.rate, { token: tokens.rate, groupId: SPACE_A_GROUP_ID }],
  ]);
  const spacePolicy = { capacity: options.bucketCapacity, refillTokensPerSecond: options.bucketRefillPerSecond };
  const ratePolicy = { capacity: options.rateCapacity, refillTokensPerSecond: options.rateRefillPerSecond };
  const buckets = new Map<string, TokenBucket>([
    [tokens.space, new TokenBucket(spacePolicy, clock)],
    [tokens.otherSpace, new TokenBucket(spacePolicy, clock)],
    [tokens.rate, new TokenBucket(ratePolicy, clock)],
  ]);
  return { behaviour: behaviourOf(options.variant), rules: ruleSetWith(options.fault), store, principals, buckets };
}

async function serve(context: MockContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // An aborted request or a reset socket must not become an unhandled 'error' event.
  request.on('error', ignore);
  response.on('error', ignore);
  try {
    await handleRequest(context, request, response);
  } catch {
    // VAL-04: whatever went wrong, the client gets a 4xx problem, never a 5xx or a dropped socket.
    // Nothing is logged: the request may carry a token.
    if (response.headersSent) response.destroy();
    else writeResponse(response, problemResponse(problem(400, 'the request could not be processed')));
  }
}

/** node's own answer to a request it cannot parse has no body; this one is a problem (SCH-03). */
function respondToUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  socket.on('error', ignore);
  const responseInProgress = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || responseInProgress?.headersSent === true) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const reason = error.code === undefined ? '' : ` (${error.code})`;
  const unreadBytes = (error as NodeJS.ErrnoException & { rawPacket?: Buffer }).rawPacket;
  const forHead = unreadBytes?.subarray(0, 5).toString('latin1') === 'HEAD ';
  socket.end(rawProblemResponse(status, `the request is not valid HTTP/1.1${reason}`, { forHead }));
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function ignore(): void {}

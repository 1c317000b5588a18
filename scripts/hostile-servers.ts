/**
 * Targets that misbehave, on loopback, for the canary matrix (canary-scan.ts) and the wire's tests:
 * - `down`: nothing listens on the port;
 * - `reset`: answers form discovery, then resets every other request in the middle of its answer;
 * - `stall`: answers form discovery, then never answers anything else;
 * - `echo`: answers everything 200 and sends the request headers back, in the body and in a header.
 * Form discovery is answered properly (no forms) so that a run gets past its pre-flight and meets
 * the failure mid-run, where a leak would hurt most.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HostileKind = 'down' | 'reset' | 'stall' | 'echo';
export const HOSTILE_KINDS: readonly HostileKind[] = ['down', 'reset', 'stall', 'echo'];

export interface Hostile {
  url: string;
  close(): Promise<void>;
}

const NO_FORMS = JSON.stringify({ status: 'success', data: { forms: [] } });

function isFormDiscovery(request: IncomingMessage): boolean {
  return request.method === 'GET' && /\/v1\/forms\/type\/[^/]+$/.test(request.url ?? '');
}

function handlerOf(kind: Exclude<HostileKind, 'down'>): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    request.resume();
    if (kind === 'echo') {
      request.on('end', () => {
        const body = JSON.stringify({
          status: 'success',
          data: { forms: [], contact: { id: 1 } },
          echo: request.headers,
        });
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-echo-authorization': request.headers.authorization ?? '',
        });
        response.end(body);
      });
      return;
    }
    if (isFormDiscovery(request)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(NO_FORMS);
      return;
    }
    if (kind === 'reset') {
      // Headers and half a body, then the connection is torn down.
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"status":"succ', () => response.socket?.destroy());
    }
    // stall: never answers; the client's timeout is what ends the request
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startHostile(kind: HostileKind): Promise<Hostile> {
  const server = createServer(kind === 'down' ? () => undefined : handlerOf(kind));
  const port = await listen(server);
  const closed = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  // Down: the port was free a moment ago and nothing listens on it now.
  if (kind === 'down') await closed();
  return { url: `http://127.0.0.1:${port}/`, close: kind === 'down' ? async () => undefined : closed };
}

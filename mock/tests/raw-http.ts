// Requests the Playwright client would tidy up: duplicate headers, odd bytes, raw socket writes.
// Traffic goes to 127.0.0.1 only.

import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  /** An array value sends the header once per element. */
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: Buffer | string;
  readonly agent?: Agent;
}

const LOOPBACK = '127.0.0.1';

export function rawRequest(port: number, request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: LOOPBACK,
        port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: request.agent ?? false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** Writes bytes on a fresh connection and returns everything the server sends until it closes. */
export function rawExchange(port: number, bytes: Buffer | string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, LOOPBACK);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

/** Status and body of the first answer in a raw exchange (the mock always sends Content-Length). */
export function parseRawAnswer(raw: string): { status: number; headers: string; body: string } {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const head = headerEnd < 0 ? raw : raw.slice(0, headerEnd);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
  const body = headerEnd < 0 ? '' : raw.slice(headerEnd + 4, headerEnd + 4 + length);
  return { status, headers: head, body };
}

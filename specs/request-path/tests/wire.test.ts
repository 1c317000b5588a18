/**
 * Every way a target can fail is one short TransportError that says what to check (issue 11), and
 * none of them carries the token: refused, a name that does not resolve (the lookup is injected,
 * so no DNS query leaves the machine), a reset before or during the answer, a stall, a TLS error
 * (a self-signed certificate made at test time) and a redirect. Everything listens on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo, LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHostile } from '../../../scripts/hostile-servers';
import { refuseRedirect, sendOverWire, TransportError, type FailureKind } from '../wire';

const TOKEN = 'wire-test-secret-token';
const headers = { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' };

async function failureOf(url: string, options: { timeoutMs?: number; lookup?: LookupFunction } = {}) {
  const request = { method: 'POST', url: new URL('contacts', url), headers, body: Buffer.from('{}') };
  try {
    const answer = await sendOverWire(request, { timeoutMs: options.timeoutMs ?? 2_000, ...options });
    refuseRedirect(request, answer);
  } catch (error) {
    expect(error, 'the wire throws only its own TransportError').toBeInstanceOf(TransportError);
    return error as TransportError;
  }
  throw new Error('the request succeeded where it should have failed');
}

function expectClassified(error: TransportError, kind: FailureKind, says: RegExp): void {
  expect(error.kind, `classified as ${kind}: ${error.message}`).toBe(kind);
  expect(error.message, 'one line').not.toContain('\n');
  expect(error.message, 'it says what to check').toMatch(says);
  expect(error.message, 'it never carries the token').not.toContain(TOKEN);
}

test('a refused connection says to check that QOMON_BASE_URL points at a running API', async () => {
  const down = await startHostile('down');
  expectClassified(await failureOf(down.url), 'refused', /refused the connection.*QOMON_BASE_URL/);
});

test('a name that does not resolve says to check the host, with no DNS query sent', async () => {
  const lookups: string[] = [];
  const lookup = ((hostname: string, _options: unknown, callback: (error: Error) => void) => {
    lookups.push(hostname);
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
  }) as unknown as LookupFunction;
  const error = await failureOf('http://qct-does-not-resolve.invalid/', { lookup });
  expectClassified(error, 'unresolved', /does not resolve.*QOMON_BASE_URL/);
  expect(lookups, 'the name went to the injected lookup only').toEqual(['qct-does-not-resolve.invalid']);
});

test('a reset in the middle of the answer body is a reset, not a short answer', async () => {
  const reset = await startHostile('reset');
  try {
    expectClassified(await failureOf(reset.url), 'reset', /middle of the answer body/);
  } finally {
    await reset.close();
  }
});

test('a reset before any answer is a reset', async () => {
  const server = await import('node:http').then(({ createServer: create }) =>
    create((request) => request.socket.destroy()),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    expectClassified(await failureOf(`http://127.0.0.1:${port}/`), 'reset', /before answering/);
  } finally {
    server.close();
  }
});

test('a stalled target fails the request after the timeout, naming QOMON_REQUEST_TIMEOUT_MS', async () => {
  const stall = await startHostile('stall');
  try {
    expectClassified(
      await failureOf(stall.url, { timeoutMs: 300 }),
      'timeout',
      /within 300 ms.*QOMON_REQUEST_TIMEOUT_MS/,
    );
  } finally {
    await stall.close();
  }
});

test('a redirect is refused, not followed, naming where it led', async () => {
  const server = await import('node:http').then(({ createServer: create }) =>
    create((_request, response) => response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere?t=x' }).end()),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const error = await failureOf(`http://127.0.0.1:${port}/`);
    expectClassified(error, 'redirect', /302 to http:\/\/127\.0\.0\.1:1\/elsewhere: the suite follows no redirect/);
  } finally {
    server.close();
  }
});

function selfSignedCertificate(): { key: Buffer; cert: Buffer } | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'qct-tls-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-days',
        '1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      {
        stdio: 'ignore',
      },
    );
  } catch {
    return undefined;
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

test('a TLS error (a self-signed certificate) says to check the certificate', async () => {
  const pair = selfSignedCertificate();
  test.skip(pair === undefined, 'openssl is not installed: no certificate to make for the TLS check');
  const server = createServer(pair as { key: Buffer; cert: Buffer }, (_request, response) => response.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    expectClassified(await failureOf(`https://127.0.0.1:${port}/`), 'tls', /TLS handshake.*certificate/);
  } finally {
    server.close();
  }
});

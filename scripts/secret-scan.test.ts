/**
 * The secret scan finds a token however a report packs it: plain, as base64 (the Basic scheme, or
 * Allure's embedded data) and inside a base64 zip (Playwright's HTML report); and finds nothing
 * where there is nothing.
 */
import { deflateRawSync, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { base64Forms, findSecrets, zipEntries } from './secret-scan';

const TOKEN = 'canary-0f1e2d3c4b5a69788796a5b4';

/** A one-entry zip archive, deflated, with its central directory: the shape Playwright embeds. */
function zipOf(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

test('a token written as it is is found', () => {
  const findings = findSecrets(Buffer.from(`curl -H "Authorization: Bearer ${TOKEN}"`), [TOKEN], 'transcript.txt');
  expect(findings, 'a plain token in a file is one finding, named by the file').toEqual([
    { path: ['transcript.txt'], form: 'plain' },
  ]);
});

test('a token under the Basic scheme is found at every byte alignment of its base64', () => {
  for (const user of ['u', 'us', 'use', 'user']) {
    const header = `Authorization: Basic ${Buffer.from(`${user}:${TOKEN}`).toString('base64')}`;
    expect(
      findSecrets(Buffer.from(header), [TOKEN], 'error-context.md'),
      `the base64 of "${user}:<token>" gives the token away`,
    ).toEqual([{ path: ['error-context.md'], form: 'base64' }]);
  }
});

test('the base64 forms of a token leave out the characters that depend on the bytes around it', () => {
  const forms = base64Forms(TOKEN);
  const padded = Buffer.from(`xy${TOKEN}z`).toString('base64');
  expect(
    forms.some((form) => padded.includes(form)),
    'one of the three forms occurs in any base64 text that carries the token',
  ).toBe(true);
});

test("a token in a report's embedded base64 zip is found, and the path says where", () => {
  const zip = zipOf('report.json', JSON.stringify({ title: 'AUT-02', error: `got ${TOKEN}` }));
  expect(
    zipEntries(zip).map((entry) => entry.name),
    'the test zip is readable by the scan',
  ).toEqual(['report.json']);
  const html = `<script>window.playwrightReportBase64 = "data:application/zip;base64,${zip.toString('base64')}";</script>`;
  const findings = findSecrets(Buffer.from(html), [TOKEN], 'index.html');
  expect(
    findings.map((finding) => finding.path.at(-1)),
    'the token is found inside the zip entry',
  ).toEqual(['zip:report.json']);
});

test('a token in a gzip stream is found', () => {
  const findings = findSecrets(gzipSync(Buffer.from(`token=${TOKEN}`)), [TOKEN], 'trace.gz');
  expect(findings, 'a gzipped token is one finding').toEqual([{ path: ['trace.gz', 'gzip'], form: 'plain' }]);
});

test('a report without the token, or with only a redacted one, yields no finding', () => {
  const zip = zipOf('report.json', JSON.stringify({ curl: 'curl -H "Authorization: Bearer $QOMON_TOKEN"' }));
  const html = `<p>Bearer &lt;QOMON_TOKEN&gt; canary-</p><script>d("x", "${zip.toString('base64')}")</script>`;
  expect(
    findSecrets(Buffer.from(html), [TOKEN], 'index.html'),
    'redacted transcripts and other canaries are not findings',
  ).toEqual([]);
});

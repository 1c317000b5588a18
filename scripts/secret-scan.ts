/**
 * Finds a secret in a report file, including where a plain search would miss it: reports embed
 * their data as base64 (Allure's single file) or as a base64 zip (Playwright's HTML report), and
 * a token under the Basic scheme travels as base64 itself. So each file is searched for every
 * secret and its base64 forms, and every embedded base64 blob, zip entry and gzip stream is
 * unpacked and searched in turn.
 */
import { gunzipSync, inflateRawSync } from 'node:zlib';

export interface Finding {
  /** Where: the file, then each layer unpacked on the way (`base64@1234`, `zip:report.json`). */
  path: string[];
  /** Which form of the secret matched: `plain` or `base64`. */
  form: string;
}

const MAX_DEPTH = 4;
/** Shorter runs are words and hashes, not embedded data; a base64 token form is found without decoding. */
const BASE64_RUN = /[A-Za-z0-9+/]{64,}={0,2}/g;

/**
 * The base64 text every encoding of `secret` contains, at each of the three byte alignments it can
 * start at, without the characters that depend on the bytes around it.
 */
export function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const start = shift === 0 ? 0 : shift === 1 ? 2 : 3;
    const end = encoded.length - ((bytes.length + shift) % 3 === 0 ? 0 : 1);
    return encoded.slice(start, end);
  });
}

/** The entries of a zip archive, read from its central directory (stored or deflated). */
export function zipEntries(zip: Buffer): { name: string; content: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return [];
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count && zip.readUInt32LE(at) === 0x02014b50; index += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.push({ name, content: method === 8 ? inflateRawSync(data) : data });
    at += 46 + skip;
  }
  return entries;
}

function isZip(data: Buffer): boolean {
  return data.length > 4 && data.readUInt32LE(0) === 0x04034b50;
}

function isGzip(data: Buffer): boolean {
  return data.length > 2 && data[0] === 0x1f && data[1] === 0x8b;
}

function scan(data: Buffer, secrets: readonly string[], path: string[], depth: number, findings: Finding[]): void {
  if (isZip(data)) {
    for (const entry of zipEntries(data))
      scan(entry.content, secrets, [...path, `zip:${entry.name}`], depth + 1, findings);
    return;
  }
  if (isGzip(data)) {
    scan(gunzipSync(data), secrets, [...path, 'gzip'], depth + 1, findings);
    return;
  }
  const text = data.toString('latin1');
  for (const secret of secrets) {
    if (text.includes(secret)) findings.push({ path, form: 'plain' });
    else if (base64Forms(secret).some((form) => text.includes(form))) findings.push({ path, form: 'base64' });
  }
  if (depth >= MAX_DEPTH) return;
  for (const run of text.matchAll(BASE64_RUN)) {
    scan(Buffer.from(run[0], 'base64'), secrets, [...path, `base64@${run.index}`], depth + 1, findings);
  }
}

/** Every place `secrets` occur in `data`, however deep it is packed. */
export function findSecrets(data: Buffer, secrets: readonly string[], name: string): Finding[] {
  const findings: Finding[] = [];
  scan(data, secrets, [name], 0, findings);
  return findings;
}

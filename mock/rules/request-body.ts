// Reading a request body without trusting it: a bounded size (never buffered beyond the limit), a
// JSON media type, valid UTF-8, a bounded nesting depth, then JSON. Each failure is a status and a
// sentence; the routes turn it into a problem answer.

import type { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';

/** The mock's own limit (the contract names none): a larger body is a 413, buffered no further. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past the limit the rest of a request is read and discarded, up to this much, then the connection is cut. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;
/** A contact is a few levels deep; a body nested deeper than this is not parsed at all. */
export const MAX_JSON_DEPTH = 64;

export type BodyRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly detail: string }
  | { readonly ok: false; readonly status: 'aborted' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function readJsonBody(request: IncomingMessage): Promise<BodyRead> {
  const contentTypes = request.headersDistinct['content-type'] ?? [];
  if (contentTypes.length > 1) {
    return { ok: false, status: 415, detail: 'the request has more than one Content-Type header' };
  }
  const contentType = contentTypes[0];
  if (contentType === undefined || !isJsonMediaType(contentType)) {
    return { ok: false, status: 415, detail: 'the body must be sent as Content-Type: application/json' };
  }
  const declaredLength = Number(request.headers['content-length'] ?? 0);
  if (declaredLength > MAX_BODY_BYTES) {
    return { ok: false, status: 413, detail: `the body must not exceed ${MAX_BODY_BYTES} bytes` };
  }

  const read = await readBounded(request, MAX_BODY_BYTES);
  if (read === 'aborted') return { ok: false, status: 'aborted' };
  if (read === 'too large') {
    return { ok: false, status: 413, detail: `the body must not exceed ${MAX_BODY_BYTES} bytes` };
  }

  let text: string;
  try {
    text = strictUtf8.decode(read);
  } catch {
    return { ok: false, status: 400, detail: 'the body is not valid UTF-8' };
  }
  if (text.trim() === '') return { ok: false, status: 400, detail: 'the body is empty; a JSON document is required' };
  if (nestingDepthExceeds(text, MAX_JSON_DEPTH)) {
    return { ok: false, status: 400, detail: `the body nests deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    return { ok: false, status: 400, detail: `the body is not JSON${reason}` }; // VAL-01
  }
}

/** `application/json` or `application/<anything>+json`, in UTF-8 if a charset is named. */
function isJsonMediaType(header: string): boolean {
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const isJson = mediaType === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(mediaType);
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^"]*)"?$/.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return isJson && (charset === undefined || charset === 'utf-8' || charset === 'utf8');
}

function readBounded(request: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: Buffer | 'too large' | 'aborted'): void => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering here; the rest is discarded by `discardRemainingBody`.
        chunks.length = 0;
        settle('too large');
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => settle(Buffer.concat(chunks, size));
    const onClose = (): void => settle('aborted');
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('close', onClose);
  });
}

/**
 * Reads and throws away whatever is left of the request body, then says whether the client is
 * still there to be answered. Answering first and closing while the client still sends makes the
 * kernel reset the connection, and the client loses the answer (an early 401 or 413 would become a
 * "socket hang up"). A client that keeps sending past `MAX_DRAINED_BYTES` is cut off unanswered.
 */
export function discardRemainingBody(request: IncomingMessage): Promise<boolean> {
  if (request.complete) return Promise.resolve(true);
  return new Promise((resolve) => {
    let discarded = 0;
    const finish = (connected: boolean): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
      resolve(connected);
    };
    const onData = (chunk: Buffer): void => {
      discarded += chunk.length;
      if (discarded > MAX_DRAINED_BYTES) {
        finish(false);
        request.destroy();
      }
    };
    const onEnd = (): void => finish(true);
    const onClose = (): void => finish(request.complete);
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('close', onClose);
    request.resume();
  });
}

/** Whether brackets outside strings nest deeper than `limit`; checked before `JSON.parse`. */
function nestingDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 0x5c /* \ */) index++;
      else if (character === 0x22 /* " */) inString = false;
    } else if (character === 0x22) {
      inString = true;
    } else if (character === 0x5b /* [ */ || character === 0x7b /* { */) {
      depth++;
      if (depth > limit) return true;
    } else if (character === 0x5d /* ] */ || character === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

// Wrong request handling for the fault zoo: authentication (AUT-01, AUT-02), the path id (PTH-01),
// reading and validating the body (VAL-01, VAL-02, DAT-01) and routing (VAL-04). Each wraps the
// reference function and gets one thing wrong.

import { authenticate } from '../rules/auth';
import { STRING_FIELDS } from '../rules/contact-shape';
import { parseContactId, parseContactRequest } from '../rules/contacts';
import { isJsonObject, ownValue, type JsonObject } from '../rules/json-values';
import { problem, violation } from '../rules/problems';
import { readJsonBody } from '../rules/request-body';
import { route } from '../rules/routing';
import type { RuleSet } from '../rules/seams';

/** AUT-01: a request without Authorization is served as the first space (a development fallback left on). */
export const defaultingToTheFirstSpace: RuleSet['authenticate'] = (headerValues, principals, behaviour) => {
  if (headerValues !== undefined && headerValues.length > 0) return authenticate(headerValues, principals, behaviour);
  const [fallbackToken] = principals.keys();
  return authenticate([`Bearer ${fallbackToken ?? ''}`], principals, behaviour);
};

/** AUT-02: the scheme is not checked: the last word of the header is taken as the token. */
export const ignoringTheScheme: RuleSet['authenticate'] = (headerValues, principals, behaviour) => {
  if (headerValues?.length !== 1) return authenticate(headerValues, principals, behaviour);
  const token = (headerValues[0] ?? '').trim().split(/\s+/).pop() ?? '';
  return authenticate([`Bearer ${token}`], principals, behaviour);
};

const DECIMAL_DIGITS = /^[0-9]+$/;

/** PTH-01: any string of digits is a well-formed id, so one beyond int64 is looked up (a 404) instead of refused. */
export const acceptingIdsBeyondInt64: RuleSet['parseContactId'] = (raw) =>
  DECIMAL_DIGITS.test(raw) && BigInt(raw) > BigInt(Number.MAX_SAFE_INTEGER)
    ? { ok: true, id: undefined }
    : parseContactId(raw);

/** VAL-01: a body that cannot be parsed is read as `{}` (a swallowed parse error), so it is a 422, not a 400. */
export const readingUnparsableBodiesAsEmpty: RuleSet['readJsonBody'] = async (request) => {
  const read = await readJsonBody(request);
  return !read.ok && read.status === 400 ? { ok: true, value: {} } : read;
};

/** The reference validation of a body whose contact was first rewritten by `rewrite`. */
export function rewritingTheContact(rewrite: (contact: JsonObject) => JsonObject): RuleSet['parseContactRequest'] {
  return (body, groupId, behaviour) => {
    const data = isJsonObject(body) ? ownValue(body, 'data') : undefined;
    const contact = isJsonObject(data) ? ownValue(data, 'contact') : undefined;
    if (!isJsonObject(body) || !isJsonObject(data) || !isJsonObject(contact))
      return parseContactRequest(body, groupId, behaviour);
    return parseContactRequest({ ...body, data: { ...data, contact: rewrite(contact) } }, groupId, behaviour);
  };
}

/** VAL-02: a number sent for a string field is stored as its text (type coercion left on). */
export const coercingNumbersToStrings = rewritingTheContact((contact) => {
  const coerced = { ...contact };
  for (const field of STRING_FIELDS) if (typeof coerced[field] === 'number') coerced[field] = String(coerced[field]);
  return coerced;
});

/** VAL-02: an entry list sent as an object is read as the list of its values (`Object.values`), so `{}` is an empty list. */
export const readingEntryObjectsAsLists = rewritingTheContact((contact) => {
  const read = { ...contact };
  for (const list of ['formdatas', 'custom_fields']) {
    const value = read[list];
    if (isJsonObject(value)) read[list] = Object.values(value);
  }
  return read;
});

const MICROSECOND_TIMESTAMP = /\.\d{6}Z$/;

/** DAT-01: an entry's `date` is parsed with a microsecond layout, so the millisecond input of section 2 is refused. */
export const requiringMicrosecondEntryDates: RuleSet['parseContactRequest'] = (body, groupId, behaviour) => {
  const parsed = parseContactRequest(body, groupId, behaviour);
  if (!parsed.ok) return parsed;
  const refused = sentEntryDates(body)
    .filter(([, date]) => !MICROSECOND_TIMESTAMP.test(date))
    .map(([location, date]) => violation(location, 'date must be YYYY-MM-DDTHH:mm:ss.ffffffZ', date));
  return refused.length > 0 ? { ok: false, violations: refused } : parsed;
};

/** Every entry `date` the body carries as a string, with its location. */
function sentEntryDates(body: unknown): [string, string][] {
  const data = isJsonObject(body) ? ownValue(body, 'data') : undefined;
  const contact = isJsonObject(data) ? ownValue(data, 'contact') : undefined;
  if (!isJsonObject(contact)) return [];
  return ['formdatas', 'custom_fields'].flatMap((list) => {
    const entries = ownValue(contact, list);
    if (!Array.isArray(entries)) return [];
    return entries.flatMap((entry: unknown, index): [string, string][] => {
      const date = isJsonObject(entry) ? ownValue(entry, 'date') : undefined;
      return typeof date === 'string' ? [[`body.data.contact.${list}[${index}].date`, date]] : [];
    });
  });
}

/** VAL-04: a method a route does not support is a 501 Not Implemented instead of a 405. */
export const answeringUnsupportedMethodsWith501: RuleSet['route'] = (method, target) => {
  const routing = route(method, target);
  if (routing.kind !== 'refused' || routing.problem.status !== 405) return routing;
  return { kind: 'refused', problem: problem(501, `${method} is not implemented`) };
};

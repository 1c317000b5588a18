// Reading untrusted JSON without trusting prototypes: a body may carry `__proto__` or
// `constructor` keys, so properties are looked up as own properties only, and copies are made on
// null-prototype objects.

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The value of an own property, or undefined: `constructor` of a plain `{}` is not a member. */
export function ownValue(object: JsonObject, key: string): unknown {
  return hasOwn(object, key) ? object[key] : undefined;
}

/** Own keys that are not in the allowed list, in the order the client wrote them. */
export function unknownKeys(object: JsonObject, allowed: readonly string[]): string[] {
  return Object.keys(object).filter((key) => !allowed.includes(key));
}

/** A non-negative integer that JavaScript holds exactly: ids sent as JSON numbers. */
export function isIdentifier(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** An integer that JavaScript holds exactly; `2^53` and beyond are refused, not rounded. */
export function isSafeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A deep, frozen copy on null-prototype objects, for values the mock stores and echoes as sent. */
export function frozenCopy(value: unknown): unknown {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy));
  if (isJsonObject(value)) {
    const copy: JsonObject = Object.create(null) as JsonObject;
    for (const key of Object.keys(value)) copy[key] = frozenCopy(value[key]);
    return Object.freeze(copy);
  }
  return value;
}

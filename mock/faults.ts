// Named misimplementations of the contract, reserved for a later issue: each will be a change to
// the `Behaviour` object (or a rule swapped for a wrong one) that the suite must catch. None exist
// yet, so every name is unknown and both `startMock` and the CLI refuse it.

export const FAULT_NAMES: readonly string[] = [];

export function isKnownFault(name: string): boolean {
  return FAULT_NAMES.includes(name);
}

export function unknownFaultMessage(name: string): string {
  const known = FAULT_NAMES.length === 0 ? 'none exist yet' : `known: ${FAULT_NAMES.join(', ')}`;
  return `unknown fault "${name}" (${known})`;
}

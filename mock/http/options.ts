// How a mock is configured, its defaults, and the checks that refuse a bad configuration before
// anything listens. Errors name the option so the CLI can name the flag or variable behind it.

import { isBearerToken } from '../rules/auth';
import { realTimeClock, type Clock } from '../rules/clock';
import { isKnownFault, unknownFaultMessage } from '../faults/fault-table';
import { CONTACT_WRITE_COST } from '../rules/rate-limit';
import { isVariant, type Variant } from '../rules/variant';

export interface MockTokens {
  /** Space 1 (group_id 1): the token of the space under test. */
  readonly space: string;
  /** Space 2 (group_id 2): for the isolation rules (AUT-03). */
  readonly otherSpace: string;
  /** Space 1 again, with its own small bucket for the rate-limit exhaustion check (RAT-01b). */
  readonly rate: string;
}

export interface MockOptions {
  /** 0 picks a free port. The mock listens on 127.0.0.1 only. */
  readonly port: number;
  readonly tokens: MockTokens;
  readonly variant: Variant;
  /** Bucket of the two space tokens. */
  readonly bucketCapacity: number;
  readonly bucketRefillPerSecond: number;
  /** Bucket of the rate token. */
  readonly rateCapacity: number;
  readonly rateRefillPerSecond: number;
  /** Epoch microseconds; drives server timestamps and refills. */
  readonly clock: Clock;
  /** A named misimplementation of the contract (faults/fault-table.ts); undefined: the reference. */
  readonly fault: string | undefined;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_TOKENS: MockTokens = {
  space: 'mock-token-space-a',
  otherSpace: 'mock-token-space-b',
  rate: 'mock-token-rate',
};
export const DEFAULT_RATE_CAPACITY = 40;

const DEFAULTS = {
  port: 0,
  tokens: DEFAULT_TOKENS,
  variant: 'reference',
  // Large, so that a run on the normal tokens is never limited by accident, and slow to refill, so
  // that a client reading RateLimit-Remaining between two PATCHes sees their cost, not a refill.
  bucketCapacity: 1_000_000,
  bucketRefillPerSecond: 1,
  rateCapacity: DEFAULT_RATE_CAPACITY,
  // Slow enough that the exhaustion check sees a 429 however long its requests take.
  rateRefillPerSecond: 1 / 60,
  fault: undefined,
} as const satisfies Omit<MockOptions, 'clock'>;

export class MockOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = 'MockOptionError';
  }
}

export function resolveMockOptions(overrides: Partial<MockOptions>): MockOptions {
  const options: MockOptions = { ...DEFAULTS, clock: overrides.clock ?? realTimeClock(), ...definedOnly(overrides) };
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) {
    throw new MockOptionError('port', `must be an integer from 0 to 65535, got ${options.port}`);
  }
  if (!isVariant(options.variant)) {
    throw new MockOptionError('variant', `must be "reference" or "tolerant", got "${String(options.variant)}"`);
  }
  if (options.fault !== undefined && !isKnownFault(options.fault)) {
    throw new MockOptionError('fault', unknownFaultMessage(options.fault));
  }
  for (const [name, token] of Object.entries(options.tokens)) {
    if (typeof token !== 'string' || !isBearerToken(token)) {
      throw new MockOptionError(
        `tokens.${name}`,
        'must be a non-empty bearer token (letters, digits, -._~+/ and trailing =)',
      );
    }
  }
  if (new Set(Object.values(options.tokens)).size !== Object.keys(options.tokens).length) {
    throw new MockOptionError('tokens', 'the three tokens must differ');
  }
  checkCapacity('bucketCapacity', options.bucketCapacity);
  checkCapacity('rateCapacity', options.rateCapacity);
  checkRefill('bucketRefillPerSecond', options.bucketRefillPerSecond);
  checkRefill('rateRefillPerSecond', options.rateRefillPerSecond);
  return options;
}

function definedOnly(overrides: Partial<MockOptions>): Partial<MockOptions> {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}

function checkCapacity(option: string, capacity: number): void {
  // A bucket smaller than one PATCH could never serve one: every write would be a 429 forever.
  if (!Number.isSafeInteger(capacity) || capacity < CONTACT_WRITE_COST) {
    throw new MockOptionError(
      option,
      `must be an integer of at least ${CONTACT_WRITE_COST} (the cost of one PATCH), got ${capacity}`,
    );
  }
}

function checkRefill(option: string, tokensPerSecond: number): void {
  if (!Number.isFinite(tokensPerSecond) || tokensPerSecond <= 0 || tokensPerSecond > 1_000_000) {
    throw new MockOptionError(
      option,
      `must be a number of tokens per second above 0 and at most 1000000, got ${tokensPerSecond}`,
    );
  }
}

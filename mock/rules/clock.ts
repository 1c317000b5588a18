import type { EpochMicroseconds } from './timestamps';

/** The mock's only source of time: injected, so tests control refills and server timestamps. */
export type Clock = () => EpochMicroseconds;

/**
 * Real time with microsecond resolution. The wall clock is read once; after that the monotonic
 * high-resolution timer advances it, so the instants it hands out never go back (REP-03:
 * `UpdatedAt` does not go back in time) even when the system clock is adjusted.
 */
export function realTimeClock(): Clock {
  const wallClockAtStart = BigInt(Date.now()) * 1000n;
  const monotonicAtStart = process.hrtime.bigint();
  return () => wallClockAtStart + (process.hrtime.bigint() - monotonicAtStart) / 1000n;
}

/** A clock that stands still until told to move: for tests of refill and Retry-After. */
export interface ManualClock {
  readonly now: Clock;
  advanceSeconds(seconds: number): void;
  advanceMicroseconds(micros: bigint): void;
}

export function manualClock(start: EpochMicroseconds): ManualClock {
  let current = start;
  return {
    now: () => current,
    advanceSeconds(seconds) {
      current += BigInt(Math.round(seconds * 1_000_000));
    },
    advanceMicroseconds(micros) {
      current += micros;
    },
  };
}

/**
 * The request path of one process, built once and handed to every Api: where requests go, the
 * guard and budget (traffic.ts), the redactor every answer passes before anyone reads it, the
 * wire's timeout, and the run-wide stop a dead target triggers. The specs get it as a worker
 * fixture (support/test.ts); the pre-flight, the sweep and form discovery build or borrow the same.
 */
import type { LookupFunction } from 'node:net';
import type { RunConfig } from './config';
import { RunStop } from './run-stop';
import { trafficOf, type Traffic, type TrafficPlace } from './traffic';
import { Redactor } from './transcript';
import type { WireSettings } from './wire';

export interface RequestPath {
  readonly baseURL: string;
  readonly traffic: Traffic;
  /** Every token of the run: answers are redacted with it as they arrive. */
  readonly redactor: Redactor;
  readonly wire: WireSettings;
  /** The run-wide stop; none for a script that is not a run (the sweep). */
  readonly stop?: RunStop;
}

export function requestPathOf(
  config: RunConfig,
  place: TrafficPlace & { lookup?: LookupFunction; stop?: RunStop | false },
): RequestPath {
  return {
    baseURL: place.baseURL,
    traffic: trafficOf(config, place),
    redactor: Redactor.forRun(config),
    wire: { timeoutMs: config.requestTimeoutMs, ...(place.lookup ? { lookup: place.lookup } : {}) },
    ...(place.stop === false ? {} : { stop: place.stop ?? RunStop.ofThisRun() }),
  };
}

/** The same path for requests outside any test: a budget refusal throws instead of skipping a test. */
export function outsideTests(path: RequestPath): RequestPath {
  return { ...path, traffic: path.traffic.outsideTests() };
}

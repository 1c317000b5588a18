/**
 * A target that cannot be talked to stops the whole run, not one test at a time: the first
 * TransportError of a run is written to `<REPORTS_DIR>/run-stopped/<run>.json`, which every worker
 * reads before each request and each test. Later requests fail at once with the same error, and
 * later tests are skipped naming it, so a dead target costs seconds and its tests are not reported
 * as rule failures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reportsDir, RUN_ID } from './run';
import { TransportError, type FailureKind } from './wire';

export class RunStop {
  constructor(readonly file: string) {}

  static ofThisRun(env: Record<string, string | undefined> = process.env): RunStop {
    return new RunStop(path.join(reportsDir(env), 'run-stopped', `${RUN_ID}.json`));
  }

  /** The error that stopped the run, or undefined while it goes on. */
  reason(): TransportError | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      const { kind, message } = JSON.parse(readFileSync(this.file, 'utf8')) as { kind: FailureKind; message: string };
      return new TransportError(kind, message);
    } catch {
      return undefined; // being written by another worker: the next look finds it whole
    }
  }

  /** Stops the run; the first error stays the reason. */
  stop(error: TransportError): void {
    if (existsSync(this.file)) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    try {
      writeFileSync(this.file, JSON.stringify({ kind: error.kind, message: error.message }), { flag: 'wx' });
    } catch {
      // another worker stopped the run first: its error is the reason
    }
  }
}

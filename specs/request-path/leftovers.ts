/**
 * The leftovers ledger: `<REPORTS_DIR>/leftovers.jsonl`, one JSON object per line. The contacts
 * fixture writes `created` the moment a POST returns an id and `deleted` once its cleanup succeeds,
 * so a run that is interrupted, or a DELETE that fails, leaves the id behind as outstanding, and
 * `npm run sweep` deletes it later. Lines are appended (O_APPEND, one write each), which keeps the
 * file whole when every worker writes at once; JSON Lines rather than one JSON document for the
 * same reason.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { reportsDir } from './run';

export interface LeftoverEvent {
  /**
   * `created`: the target answered the POST with this id. `deleted`: a DELETE removed it.
   * `gone`: a DELETE answered 404, nothing is left. `kept`: a DELETE failed, the contact remains.
   */
  event: 'created' | 'deleted' | 'gone' | 'kept';
  id: number;
  /** The API root the contact lives on (QOMON_BASE_URL); the sweep only touches its own target's. */
  target: string;
  /** The run id of the marker its surname carries (`qct-<run>-<n>`). */
  run: string;
  at: string;
  /** The DELETE's status, for `kept`. */
  status?: number;
}

export const LEFTOVERS_FILE = 'leftovers.jsonl';

export class LeftoverLedger {
  constructor(readonly file: string) {}

  static inReportsDir(env: Record<string, string | undefined> = process.env): LeftoverLedger {
    return new LeftoverLedger(path.join(reportsDir(env), LEFTOVERS_FILE));
  }

  record(event: Omit<LeftoverEvent, 'at'>): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, `${JSON.stringify({ ...event, at: new Date().toISOString() })}\n`);
    } finally {
      closeSync(fd);
    }
  }

  events(): LeftoverEvent[] {
    if (!existsSync(this.file)) return [];
    return (
      readFileSync(this.file, 'utf8')
        .split('\n')
        // A line cut short by a killed process is not an event; the rest of the file still is.
        .flatMap((line) => {
          try {
            return line ? [JSON.parse(line) as LeftoverEvent] : [];
          } catch {
            return [];
          }
        })
    );
  }

  /** Contacts created and not known to be deleted, oldest first, each once. */
  outstanding(): LeftoverEvent[] {
    const open = new Map<string, LeftoverEvent>();
    for (const event of this.events()) {
      const key = `${event.target} ${event.id}`;
      if (event.event === 'created') open.set(key, event);
      else if (event.event === 'deleted' || event.event === 'gone') open.delete(key);
    }
    return [...open.values()];
  }

  /** Replaces the ledger with `events` in one rename: for the sweep, never while a run writes to it. */
  rewrite(events: readonly LeftoverEvent[]): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const next = `${this.file}.${process.pid}.tmp`;
    writeFileSync(next, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    renameSync(next, this.file);
  }
}

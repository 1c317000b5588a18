/**
 * The cleanup of the contacts a test creates: each one is deleted after the test, passed or failed,
 * and every id goes to the leftovers ledger the moment the target hands it out, so that one the
 * cleanup could not reach (an interrupted run, a failing DELETE) is found by `npm run sweep`.
 */
import type { Answer } from './answer';
import type { Api } from './api';
import type { LeftoverLedger } from './leftovers';
import { RUN_ID } from './run';

export interface CleanupNotes {
  /** Says in the test's report that a contact was left behind. */
  leftover(description: string): void;
}

export class ContactCleanup {
  readonly #ids: number[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();

  /**
   * @param deleter the API that deletes (Api.forCleanup: its DELETE was paid for with the POST)
   * @param ledger where ids are written; none on the embedded mock, whose store ends with the run
   * @param target the API root the ids belong to, for the ledger
   */
  constructor(
    private readonly deleter: Api,
    private readonly ledger: LeftoverLedger | undefined,
    private readonly target: string,
    private readonly notes: CleanupNotes,
  ) {}

  /** Awaits a POST that creates a contact, and records its id before the caller gets the answer. */
  creating(posting: Promise<Answer>): Promise<Answer> {
    const recorded = posting.then((answer) => {
      const id = answer.contact.id;
      if (answer.status >= 200 && answer.status < 300 && typeof id === 'number') {
        this.#ids.push(id);
        this.ledger?.record({ event: 'created', id, target: this.target, run: RUN_ID });
      }
      return answer;
    });
    // An interrupted test leaves its POST in flight: the cleanup waits for it, so its contact is deleted too.
    this.#inFlight.add(recorded);
    void recorded.finally(() => this.#inFlight.delete(recorded)).catch(() => undefined);
    return recorded;
  }

  /** Deletes every contact created, whatever the test's outcome; a 404 means the test deleted it already. */
  async deleteAll(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
    for (const id of this.#ids) {
      const status = await this.deleter.deleteContact(id).then(
        (answer) => answer.status,
        () => 0, // no answer at all: the contact is still there, as far as anyone knows
      );
      if (status >= 200 && status < 300)
        this.ledger?.record({ event: 'deleted', id, target: this.target, run: RUN_ID });
      else if (status === 404) this.ledger?.record({ event: 'gone', id, target: this.target, run: RUN_ID });
      else {
        this.ledger?.record({ event: 'kept', id, target: this.target, run: RUN_ID, status });
        this.notes.leftover(
          `contact ${id} could not be deleted (DELETE answered ${status || 'nothing'}): \`npm run sweep\` deletes it later`,
        );
      }
    }
  }
}

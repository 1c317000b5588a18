/**
 * The real side of a model-based run: one contact of the target, and what the sequence has seen of
 * it so far (every entry id, the server-owned fields, the last UpdatedAt, the last state read). Each command sends one
 * PATCH with the whole contact, as clients do, and its answer is checked against the model; the
 * sequence reads the contact back once, at its end (a GET per PATCH would add a sixth to its cost,
 * and REP-04's own spec already holds the answer to be the stored state).
 */
import type { Answer, Api } from '../specs/request-path/api';
import type { ContactInput } from '../specs/support/contact';
import {
  entryIdsIn,
  expectEntriesOfModel,
  expectFieldsOfModel,
  expectNewEntryIds,
  expectServerOwnedFields,
  expectSameState,
  expectUpdatedAtNotBack,
} from './checks';
import type { ContactModel } from './model';
import { patchAccepted, readAccepted } from './requests';

export class ContactUnderTest {
  /** Every entry id listed in an answer of this sequence, with where it was seen (ENT-01). */
  private readonly seenIds = new Map<number, string>();
  private updatedAt: string | undefined;
  private patches = 0;
  /** The payload of the last PATCH (or the POST): which rule a difference breaks depends on it. */
  private lastPayload: ContactInput;
  /** The last answer that showed the stored contact. */
  private lastSeen: Answer;
  /** The answer to the POST: the server-owned fields keep its values (REP-03). */
  private readonly created: Answer;

  constructor(
    private readonly api: Api,
    readonly id: number,
    created: Answer,
    sent: ContactInput,
    /** Called once per command that reaches the target (the benchmark counts them). */
    private readonly onCommand: () => void = () => {},
  ) {
    this.lastPayload = sent;
    this.lastSeen = created;
    this.created = created;
    this.remember(created, 'the answer to the POST that created the contact');
    if (typeof created.contact.UpdatedAt === 'string') this.updatedAt = created.contact.UpdatedAt;
  }

  private remember(answer: Answer, where: string): void {
    for (const [id, seenWhere] of entryIdsIn(answer, where)) if (!this.seenIds.has(id)) this.seenIds.set(id, seenWhere);
  }

  /** Every check of an answer that shows the stored contact, against the model. */
  private expectModel(answer: Answer, where: string, model: ContactModel): void {
    expectEntriesOfModel(answer, where, model, this.lastPayload);
    expectFieldsOfModel(answer, where, model);
    expectServerOwnedFields(answer, where, this.created);
    this.updatedAt = expectUpdatedAtNotBack(answer, where, this.updatedAt);
  }

  /** One PATCH of `payload`; the model moves to the state the contract predicts, then the answer is checked. */
  async patch(model: ContactModel, payload: ContactInput): Promise<void> {
    this.onCommand();
    this.patches += 1;
    const patch = `PATCH #${this.patches}`;
    const patched = await patchAccepted(this.api, this.id, payload, 'REP-01', patch);
    model.apply(payload);
    this.lastPayload = payload;
    // ENT-01 compares with every id seen before this PATCH, so the answers of this PATCH join only afterwards.
    this.expectModel(patched, `the answer to ${patch}`, model);
    expectNewEntryIds(patched, `the answer to ${patch}`, this.seenIds);
    this.remember(patched, `the answer to ${patch}`);
    // REP-04 (its own spec) makes the answer the stored state; the sequence reads it back once, at its end (finish).
    this.lastSeen = patched;
  }

  /** GET only: the stored contact is still the model's (REP-01, REP-02 "and on GET"). */
  async read(model: ContactModel, asCommand = true): Promise<void> {
    if (asCommand) this.onCommand();
    const read = await readAccepted(this.api, this.id, 'REP-01', `after PATCH #${this.patches}`);
    this.expectModel(read, `a GET after PATCH #${this.patches}`, model);
    this.remember(read, `a GET after PATCH #${this.patches}`);
    this.lastSeen = read;
  }

  /** The end of a sequence: one GET, checked against the model, instead of one after every PATCH. */
  async finish(model: ContactModel): Promise<void> {
    if (this.patches > 0) await this.read(model, false);
  }

  /**
   * Re-sends the current state and checks, beyond the model, that nothing the contract describes
   * changed but entry ids and UpdatedAt: a relation between two answers, which holds for any server.
   */
  async resend(model: ContactModel): Promise<void> {
    const before = this.lastSeen;
    await this.patch(model, model.currentPayload());
    expectSameState(
      this.lastSeen,
      before,
      'REP-01 re-sending the current state unchanged changes nothing but entry ids and UpdatedAt (received: after; expected: before)',
    );
  }
}

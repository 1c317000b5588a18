/**
 * The token budget of a run (CONTRACT.md section 1, QOMON_TOKEN_BUDGET): the most rate-limit tokens
 * the whole run may spend, all workers together. Workers are separate processes, so they share one
 * ledger: an append-only file under REPORTS_DIR where every request is reserved before it is sent.
 *
 * Why a file and not a counter: appends to a file opened with O_APPEND land whole and in one order
 * that every process reads back the same way. Each reservation is judged against the lines before
 * it, so every worker reaches the same verdict on every line, and two workers racing for the last
 * tokens cannot both win.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A shard of a sharded run gets its share of the budget (Playwright's `config.shard`). */
export function shareOf(budget: number, shard: { total: number } | null | undefined): number {
  return shard && shard.total > 1 ? Math.floor(budget / shard.total) : budget;
}

type LedgerLine =
  /** A request about to be sent, judged against the lines before it and its own ceiling. */
  | { kind: 'reserve'; ref: string; cost: number; what: string; ceiling: number; phase1?: boolean }
  /** A remaining-tokens header the target sent, for the bucket of the credential `variable`. */
  | { kind: 'remaining'; variable: string; remaining: number; cost: number };

/** The bucket as the target reports it: the first reading plus its request's cost, and the lowest reading since. */
interface Bucket {
  start: number;
  lowest: number;
}

/** The verdict on a reservation. */
export interface Admission {
  admitted: boolean;
  /** Tokens spent before this request, as the ledger counts them. */
  spent: number;
  /** The most the run could have spent, this request included, for it to be admitted. */
  ceiling: number;
}

export class TokenBudget {
  #offset = 0;
  #pending = '';
  #estimated = 0;
  /** Of #estimated, what requests of phase 1 of the run's plan reserved (specs/plan): phase 2 may not eat what phase 1 still needs. */
  #phase1 = 0;
  readonly #buckets = new Map<string, Bucket>();
  readonly #verdicts = new Map<string, Admission>();
  #sequence = 0;

  /**
   * @param share the tokens this process's run (or shard) may spend
   * @param file the ledger, shared by every worker of the run
   * @param describe how the budget was set, for the skip reason (`QOMON_TOKEN_BUDGET=100`)
   * @param drawingTogether how many runs draw on the target's buckets at once: the shards of a
   *   sharded run do, on other machines, so each counts its part of what the headers show
   */
  constructor(
    readonly share: number,
    readonly file: string,
    readonly describe = `${share} tokens`,
    private readonly drawingTogether = 1,
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
  }

  /**
   * Tokens spent so far: the ledger's count, or what the target's remaining-tokens headers show
   * was drawn from its buckets when that is more (a target charging more than documented).
   */
  spent(): number {
    this.#catchUp();
    return this.#spentNow();
  }

  /**
   * Reserves `cost` tokens for one request; refused when they would take the run past `ceiling`
   * (its share, or less where part of it is kept for requests that come later).
   */
  reserve(cost: number, what: string, ceiling = this.share, phase1 = false): Admission {
    this.#sequence += 1;
    const ref = `${process.pid}.${this.#sequence}`;
    this.#append({
      kind: 'reserve',
      ref,
      cost,
      what,
      ceiling: Math.min(ceiling, this.share),
      ...(phase1 ? { phase1 } : {}),
    });
    this.#catchUp();
    const verdict = this.#verdicts.get(ref);
    if (!verdict) throw new Error(`token ledger ${this.file}: reservation ${ref} was not read back`);
    this.#verdicts.delete(ref);
    return verdict;
  }

  /** Tokens reserved so far by requests of phase 1 of the run's plan. */
  spentInPhase1(): number {
    // Nothing reserved yet: the ledger file is created by the first reservation.
    if (existsSync(this.file)) this.#catchUp();
    return this.#phase1;
  }

  /** Records a remaining-tokens header, which corrects the count when the target charges more than estimated. */
  observeRemaining(variable: string, remaining: number, cost: number): void {
    this.#append({ kind: 'remaining', variable, remaining, cost });
  }

  #spentNow(): number {
    let drawn = 0;
    for (const bucket of this.#buckets.values()) drawn += bucket.start - bucket.lowest;
    return Math.max(this.#estimated, Math.ceil(drawn / this.drawingTogether));
  }

  #append(line: LedgerLine): void {
    // One write of one whole line on an O_APPEND descriptor: it lands in one piece, after every earlier one.
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, `${JSON.stringify(line)}\n`);
    } finally {
      closeSync(fd);
    }
  }

  /** Folds every complete line not read yet, in file order: every process folds the same lines the same way. */
  #catchUp(): void {
    const fd = openSync(this.file, 'r');
    try {
      const chunk = Buffer.alloc(64 * 1024);
      for (;;) {
        const read = readSync(fd, chunk, 0, chunk.length, this.#offset);
        if (read === 0) break;
        this.#offset += read;
        this.#pending += chunk.toString('utf8', 0, read);
      }
    } finally {
      closeSync(fd);
    }
    // A line still being written has no newline yet: it waits for the next read.
    const complete = this.#pending.lastIndexOf('\n');
    if (complete < 0) return;
    const lines = this.#pending.slice(0, complete).split('\n');
    this.#pending = this.#pending.slice(complete + 1);
    for (const text of lines) if (text) this.#fold(JSON.parse(text) as LedgerLine);
  }

  #fold(line: LedgerLine): void {
    if (line.kind === 'reserve') {
      const spent = this.#spentNow();
      const admitted = spent + line.cost <= line.ceiling;
      if (admitted) this.#estimated += line.cost;
      if (admitted && line.phase1) this.#phase1 += line.cost;
      if (line.ref.startsWith(`${process.pid}.`))
        this.#verdicts.set(line.ref, { admitted, spent, ceiling: line.ceiling });
      return;
    }
    const bucket = this.#buckets.get(line.variable);
    if (bucket) bucket.lowest = Math.min(bucket.lowest, line.remaining);
    else this.#buckets.set(line.variable, { start: line.remaining + line.cost, lowest: line.remaining });
  }
}

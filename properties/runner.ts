/**
 * Running a property inside a Playwright test: its size (from the environment, or from the token
 * budget on a live target), replay (FC_SEED, FC_PATH, FC_REPLAY_PATH), and on failure a report a
 * maintainer can act on without opening the code: the rule, expected versus received, the shrunk
 * counterexample, the three replay values and the exact command that replays it in seconds.
 */
import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import fc from 'fast-check';
import type { RunConfig } from '../specs/request-path/config';
import { OTHER_ROUTE_COST, PATCH_COST, POST_COST } from '../specs/request-path/prices';
import { rule, type RuleId } from '../specs/support/rule-catalogue';
import { shellQuote, Transcript, type Exchange } from '../specs/request-path/transcript';
import { derivedSeed, runSeed } from '../specs/support/inputs/seed';
import { rerunVariables } from '../specs/support/rerun-variables';
import { currentPlan } from '../specs/plan/current';

/** GET and DELETE cost 1 token each on the mock (CONTRACT.md section 5); elsewhere an estimate. */
export const READ_COST_ESTIMATE = OTHER_ROUTE_COST;

/** RAT-01: "Each PATCH costs 5 rate-limit tokens"; POST /contacts too (PATCH_COST, POST_COST). */
export function costOf(method: string): number {
  if (method === 'PATCH') return PATCH_COST;
  if (method === 'POST') return POST_COST;
  return READ_COST_ESTIMATE;
}

/** One command of a model-based run: a PATCH, then a GET that reads the contact back. */
export const PATCH_AND_READ_COST = PATCH_COST + READ_COST_ESTIMATE;

/** Creating a contact for a run and deleting it after the test: a POST and a DELETE. */
export const CONTACT_LIFECYCLE_COST = POST_COST + READ_COST_ESTIMATE;

/**
 * The part of QOMON_TOKEN_BUDGET (which covers the whole run) that all properties together may
 * spend on a live target; each property gets its own slice of it.
 */
export const PROPERTIES_SHARE_OF_BUDGET = 0.25;

/**
 * Of the tokens a run's plan gives a property, the part kept for shrinking a counterexample: a
 * passing property spends none of it, so it is kept small; a failure shrinks until it is spent.
 */
export const SHRINK_SHARE_PLANNED = 0.1;
/** A planned model-based property allows sequences this many times longer than on the mock. */
export const LONGER_SEQUENCES_PLANNED = 2;

/** Fewer runs than this on a live target: shorter sequences instead, down to `minCommands`. */
const MIN_LIVE_RUNS = 3;

/**
 * On the mock a property stops generating runs after this long, so a busy machine makes it run
 * fewer runs, not time out (the figures say so). A live target has the test timeout, less a margin
 * for the report.
 */
export const MOCK_TIME_LIMIT_MS = 45_000;
const REPORT_MARGIN_MS = 15_000;

/** The test timeout of a property: the mock's time limit and the margin, or ten minutes on a live target. */
export function propertyTimeout(config: RunConfig): number {
  return config.target.kind === 'mock' ? MOCK_TIME_LIMIT_MS + 2 * REPORT_MARGIN_MS : 600_000;
}

export interface Size {
  numRuns: number;
  /** Longest command sequence of a model-based property (unused by the others). */
  maxCommands: number;
  /** Most tokens the property may spend, runs and shrinking together; Infinity on the mock. */
  tokens: number;
  /** Sized by the run's plan: its tokens, not its count of runs, end it. */
  planned?: boolean;
}

export interface SizeWanted {
  /** Runs when FC_NUM_RUNS is unset. */
  numRuns: number;
  maxCommands: number;
  minCommands: number;
  /** This property's slice of PROPERTIES_SHARE_OF_BUDGET. */
  shareOfProperties: number;
  /** Worst-case tokens of one run with sequences of at most `maxCommands`. */
  costOfRun(maxCommands: number): number;
}

/**
 * The size of a property. On the mock (no budget) FC_NUM_RUNS or the default. On a live target it
 * never plans more than its slice of QOMON_TOKEN_BUDGET: half for the runs, half kept for
 * shrinking a counterexample; sequences get shorter before runs get fewer than MIN_LIVE_RUNS.
 */
export function planSize(config: RunConfig, wanted: SizeWanted, testInfo: TestInfo): Size {
  const numRuns = config.fastCheck.numRuns ?? wanted.numRuns;
  if (!Number.isFinite(config.tokenBudget))
    return { numRuns, maxCommands: wanted.maxCommands, tokens: Number.POSITIVE_INFINITY };
  // A planned run gives the property its tokens (specs/plan); runs are counted at the average
  // sequence length, and the recorder stops a run that could overdraw them (a stop, not a failure).
  const planned = currentPlan()?.planned[testInfo.testId];
  if (planned?.property) {
    const forRuns = planned.tokens * (1 - SHRINK_SHARE_PLANNED);
    // Longer sequences than on the mock: the same tokens buy more commands, fewer contacts created.
    let maxCommands = wanted.maxCommands * LONGER_SEQUENCES_PLANNED;
    // fast-check's sequences average about a third of the longest allowed (124 commands in 40 runs of up to 8).
    const typicalRun = (commands: number) => wanted.costOfRun(Math.ceil(commands / 3));
    while (maxCommands > wanted.minCommands && forRuns / typicalRun(maxCommands) < MIN_LIVE_RUNS) maxCommands -= 1;
    // As many runs as the shortest ones could make: the tokens end the property, not a count of runs
    // guessed from the random lengths of its sequences (the recorder stops it, which is no failure).
    return {
      numRuns: Math.min(numRuns, Math.floor(forRuns / wanted.costOfRun(Math.min(1, maxCommands)))),
      maxCommands,
      tokens: planned.tokens,
      planned: true,
    };
  }
  // A shard of a sharded run has its share of the budget, and so its properties.
  const shards = testInfo.config.shard?.total ?? 1;
  const tokens = Math.floor((config.tokenBudget / shards) * PROPERTIES_SHARE_OF_BUDGET * wanted.shareOfProperties);
  const forRuns = tokens / 2;
  let maxCommands = wanted.maxCommands;
  while (maxCommands > wanted.minCommands && forRuns / wanted.costOfRun(maxCommands) < MIN_LIVE_RUNS) maxCommands -= 1;
  return { numRuns: Math.min(numRuns, Math.floor(forRuns / wanted.costOfRun(maxCommands))), maxCommands, tokens };
}

/** Tags and annotations of a property: `rule(first)` for the primary rule, and `@<ID>` of every other rule it checks. */
export function checkedRules(primary: RuleId, ...others: RuleId[]) {
  const { tag, annotation } = rule(primary);
  return { tag: [...tag, ...others.map((id) => `@${id}`)], annotation };
}

/**
 * What a property spent and saw: runs, commands, the first failure, and the requests of the last
 * failing run, which are the shrunk counterexample's once shrinking ends.
 */
export class PropertyRecorder {
  runs = 0;
  commands = 0;
  /** PATCHes sent by the runs: a property that sent none checked nothing (it is skipped, not passed). */
  patches = 0;
  spent = 0;
  /** A run was not started because it could have spent more than the property's tokens. */
  stoppedForTokens = false;
  firstFailure: { runs: number; commands: number; ms: number } | undefined;
  /** The exchanges of the last failing run, from the test's transcript. */
  failingExchanges: readonly Exchange[] = [];
  /** The budget of the whole run (traffic.ts) skipped the test mid-property: rethrown once fast-check is done. */
  skipped: unknown;
  private readonly started = Date.now();

  constructor(
    private readonly testInfo: TestInfo,
    private readonly transcript: Transcript,
    private readonly size: Size,
    private readonly costOfRun: number,
  ) {}

  /** False when another run could spend more than the property's tokens: fast-check then skips it (fc.pre). */
  mayStartRun(): boolean {
    const affordable = this.spent + this.costOfRun <= this.size.tokens;
    if (!affordable) this.stoppedForTokens = true;
    return this.skipped === undefined && affordable;
  }

  countCommand = (): void => {
    this.commands += 1;
  };

  /** Wraps one run: counts it and its tokens, and keeps its requests when it fails. */
  async run<T>(body: () => Promise<T>): Promise<T> {
    fc.pre(this.mayStartRun());
    this.runs += 1;
    const first = this.transcript.exchanges.length;
    try {
      return await body();
    } catch (error) {
      // A skip is not a counterexample: fast-check must not shrink it (fc.pre makes it a skipped run).
      if (this.testInfo.expectedStatus === 'skipped') {
        this.skipped = error;
        fc.pre(false);
      }
      this.firstFailure ??= { runs: this.runs, commands: this.commands, ms: Date.now() - this.started };
      this.failingExchanges = this.transcript.exchanges.slice(first);
      throw error;
    } finally {
      // Tokens as RAT-01 counts them, and for each contact created the DELETE that cleans it up after the test.
      const exchanges = this.transcript.exchanges.slice(first);
      this.patches += exchanges.filter((exchange) => exchange.method === 'PATCH').length;
      this.spent += exchanges.reduce(
        (sum, exchange) => sum + costOf(exchange.method) + (exchange.method === 'POST' ? READ_COST_ESTIMATE : 0),
        0,
      );
    }
  }

  /** The requests of the shrunk counterexample, redacted like the test's transcript. */
  failingTranscript(): string {
    const transcript = new Transcript(this.transcript.redactor);
    for (const exchange of this.failingExchanges) transcript.record(exchange);
    return transcript.toText();
  }

  get elapsedMs(): number {
    return Date.now() - this.started;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The command that replays one counterexample of this test, and only it. */
export function replayCommand(
  testInfo: TestInfo,
  seed: number,
  counterexamplePath: string,
  replayPath: string | undefined,
): string {
  const carried = rerunVariables(process.env, testInfo.config.rootDir, ['FC_SEED']);
  const replay = [
    `FC_SEED=${seed}`,
    `FC_PATH=${counterexamplePath}`,
    ...(replayPath === undefined ? [] : [`FC_REPLAY_PATH=${shellQuote(replayPath)}`]),
  ];
  const file = path.relative(testInfo.config.rootDir, testInfo.file);
  return `${[...carried, ...replay].join(' ')} npx playwright test ${file} --project=${testInfo.project.name} --no-deps -g ${shellQuote(escapeRegExp(testInfo.title))}`;
}

/** The commands of a model-based counterexample that ran, as their toString() writes them. */
function commandsThatRan(value: unknown): string[] {
  const commands = value as Iterable<{ hasRan: boolean; toString(): string }>;
  return [...commands].filter((command) => command.hasRan).map((command) => command.toString());
}

export interface PropertyOptions<Ts extends [unknown, ...unknown[]]> {
  testInfo: TestInfo;
  runConfig: RunConfig;
  size: Size;
  recorder: PropertyRecorder;
  property: fc.IAsyncPropertyWithHooks<Ts>;
  /** Model-based: the counterexample is a command list, replayed with FC_REPLAY_PATH as well. */
  modelBased: boolean;
  /** The lines that describe a counterexample of a property that is not model-based. */
  describe?: (value: Ts) => string[];
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the property with fast-check and, when it fails, attaches the counterexample (an attachment
 * whose name starts with `counterexample`) and throws an error that starts with the failed check's
 * message (which starts with its rule id) and carries the counterexample and how to replay it.
 * An annotation `property-figures` (JSON) records runs, commands, shrunk length and time; on failure
 * `failed-rule` names the rule whose check failed, of the several the property's tags list.
 */
export async function assertProperty<Ts extends [unknown, ...unknown[]]>(options: PropertyOptions<Ts>): Promise<void> {
  const { testInfo, runConfig, size, recorder, property, modelBased } = options;
  const { path: replayFrom } = runConfig.fastCheck;
  // This property's own seed, from the run's and its title: FC_SEED=<run seed> replays it (seed.ts).
  const seedOfRun = runConfig.fastCheck.seed ?? runSeed();
  const seed = derivedSeed(seedOfRun, testInfo.titlePath.slice(1).join(' › '));
  const parameters: fc.Parameters<Ts> = {
    numRuns: size.numRuns,
    interruptAfterTimeLimit: Math.max(
      Math.min(
        testInfo.timeout - REPORT_MARGIN_MS,
        runConfig.target.kind === 'mock' ? MOCK_TIME_LIMIT_MS : Number.POSITIVE_INFINITY,
      ),
      1_000,
    ),
    markInterruptAsFailure: false,
    // Shrinking past the budget: every run is skipped once no tokens are left for one. A planned
    // property ends when its tokens do: the runs left are skipped at once, a few generations each.
    maxSkipsPerRun: size.planned ? 1 : 1_000,
    seed,
    ...(replayFrom === undefined ? {} : { path: replayFrom, endOnFailure: true }),
  };
  const details = await fc.check(property, parameters);
  if (recorder.skipped !== undefined) throw recorder.skipped;
  // Runs left unstarted for want of tokens end fast-check with "too many skips" and no counterexample:
  // the property's tokens ran out before its runs did, which is a size, not a failure.
  const outOfTokens = details.failed && details.counterexample === null && recorder.stoppedForTokens;
  const failed = details.failed && !outOfTokens;

  const counterexample = details.counterexample;
  // The rule whose check failed: the failure message starts with its id (a property checks several).
  const failedRule = failed ? /^([A-Z]{3}-\d{2})/.exec(errorMessage(details.errorInstance))?.[1] : undefined;
  const lines =
    counterexample === null
      ? []
      : modelBased
        ? commandsThatRan(counterexample[0])
        : (options.describe?.(counterexample) ?? [fc.stringify(counterexample)]);
  const replayPath =
    modelBased && counterexample !== null ? /replayPath="([^"]*)"/.exec(String(counterexample[0]))?.[1] : undefined;
  const figures = {
    failed,
    failedRule,
    interrupted: details.interrupted,
    runsPlanned: size.numRuns,
    runs: failed ? (recorder.firstFailure?.runs ?? details.numRuns) : details.numRuns,
    commands: recorder.commands,
    patches: recorder.patches,
    commandsUntilFailure: recorder.firstFailure?.commands,
    secondsUntilFailure: recorder.firstFailure && recorder.firstFailure.ms / 1000,
    shrinks: details.numShrinks,
    shrunkLength: failed ? lines.length : undefined,
    seconds: recorder.elapsedMs / 1000,
    tokensSpent: recorder.spent,
    seed: details.seed,
    path: details.counterexamplePath ?? undefined,
    replayPath,
  };
  testInfo.annotations.push({ type: 'property-figures', description: JSON.stringify(figures) });
  if (outOfTokens) {
    testInfo.annotations.push({
      type: 'property',
      description: `stopped after ${recorder.runs} of ${size.numRuns} runs: the next run could have spent more than the ${size.tokens} tokens the plan gives it`,
    });
  }
  if (!failed && recorder.patches === 0) {
    // A property that sent no PATCH checked nothing: it says so instead of passing.
    const why = `sent no PATCH in ${recorder.runs} run(s) (${size.tokens === Number.POSITIVE_INFINITY ? 'no budget' : `${size.tokens} tokens`}): it checked nothing`;
    testInfo.annotations.push({ type: 'property', description: why });
    testInfo.skip(true, why);
  }
  if (details.interrupted && !failed) {
    testInfo.annotations.push({
      type: 'property',
      description: `stopped by its time limit after ${details.numRuns} of ${size.numRuns} runs (${figures.seconds.toFixed(1)} s): a slow target or a busy machine`,
    });
  }
  if (!failed) return;
  if (failedRule) testInfo.annotations.push({ type: 'failed-rule', description: failedRule });

  const counterexamplePath = details.counterexamplePath ?? '';
  const replay = replayCommand(testInfo, seedOfRun, counterexamplePath, replayPath);
  const report = [
    `Counterexample (${modelBased ? `${lines.length} command(s)` : 'input'}, after ${figures.runs} run(s) and ${details.numShrinks} shrink(s); reading ${runConfig.entryReading}):`,
    ...lines.map((line, index) => `  ${index + 1}. ${line}`),
    `seed: ${seedOfRun} (the run's FC_SEED; this property's fast-check seed ${details.seed} derives from it and the title)`,
    // Quoted as fast-check writes them (an unquoted `1:2:3` would read as a stack frame's line and column).
    `path: "${counterexamplePath}"`,
    ...(replayPath === undefined ? [] : [`replayPath: "${replayPath}"`]),
    `replay (seconds): ${replay}`,
  ].join('\n');
  await testInfo.attach('counterexample', { body: report, contentType: 'text/plain' });
  await testInfo.attach('transcript of the shrunk counterexample (token redacted)', {
    body: recorder.failingTranscript(),
    contentType: 'text/plain',
  });
  const cause = details.errorInstance;
  const failure = new Error(`${errorMessage(cause)}\n\n${report}`);
  // Keep the failed check's stack, so the report points at the line of the check.
  if (cause instanceof Error && cause.stack)
    failure.stack = `Error: ${failure.message}\n${cause.stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n')}`;
  throw failure;
}

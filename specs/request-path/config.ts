/**
 * The environment of a run (CONTRACT.md section 1, "Environment of a run"), read once, validated
 * before any request. A wrong value stops the run with one line that names the variable and what
 * to set; nothing here talks to the network.
 */
import { config as loadDotenv } from 'dotenv';
import { targetRefusal } from './guard';

export type EntryReading = 'replace' | 'merge';
export const ENTRY_READINGS: readonly EntryReading[] = ['replace', 'merge'];

/** CONTRACT.md section 1: "unlimited on the mock; 2000 on a live target". */
export const DEFAULT_LIVE_TOKEN_BUDGET = 2000;

/**
 * Tokens the embedded mock is started with when the run targets it. They are not secrets (the mock
 * prints them), but the suite redacts them like any other token so that the redaction is exercised.
 */
export const MOCK_DEFAULTS = {
  token: 'mock-token-space-a',
  otherSpaceToken: 'mock-token-space-b',
  rateToken: 'mock-token-rate',
  rateCapacity: 40,
} as const;

export type Target = { kind: 'mock'; variant: string } | { kind: 'live'; baseURL: string; host: string };

export interface RunConfig {
  target: Target;
  token: string;
  /** Enables the isolation rule AUT-03; unset on a live target: those tests skip, saying why. */
  otherSpaceToken?: string;
  /** Rate-limit tokens the whole run may spend; `Infinity` when unlimited. */
  tokenBudget: number;
  allowedHosts: string[];
  entryReading: EntryReading;
  /** Bucket size for the exhaustion check (RAT-01b); setting it opts in on a live target. */
  rateCapacity?: number;
  /** Token whose bucket the exhaustion check may use up; unset: QOMON_TOKEN, after everything else. */
  rateToken?: string;
  fastCheck: { numRuns?: number; seed?: number; path?: string; replayPath?: string };
  /** The most one request may take, answer included (QOMON_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Playwright workers (PW_WORKERS): a count, or a share of the cores such as `50%`. */
  workers: number | string;
  /** The embedded mock's fault (MOCK_FAULT), when it plays a misimplementation. */
  mockFault?: string;
}

/** A stalled target fails a request after this long, well inside the 30 s a test may take. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_WORKERS = 4;
export const MOCK_VARIANTS = ['reference', 'tolerant'] as const;

/** A configuration mistake: the message is the one line the user reads. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function positiveInteger(env: Env, name: string, what: string): number | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(`${name}="${raw}" is not a positive whole number: set it to ${what}, or unset it`);
  }
  return Number(raw);
}

function integer(env: Env, name: string, what: string): number | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(`${name}="${raw}" is not a whole number: set it to ${what}, or unset it`);
  }
  return Number(raw);
}

function parseTarget(env: Env, allowedHosts: string[]): Target {
  const raw = nonEmpty(env, 'QOMON_BASE_URL');
  if (raw === undefined) {
    const variant = nonEmpty(env, 'MOCK_VARIANT') ?? 'reference';
    if (!(MOCK_VARIANTS as readonly string[]).includes(variant)) {
      throw new ConfigError(
        `MOCK_VARIANT="${variant}" is unknown: set it to ${MOCK_VARIANTS.join(' or ')}, or unset it`,
      );
    }
    return { kind: 'mock', variant };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `QOMON_BASE_URL="${raw}" is not a URL: set it to the API root (e.g. https://incoming.qomon.app) or unset it to test the embedded mock`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      `QOMON_BASE_URL="${raw}" must use http or https: set it to the API root, e.g. https://incoming.qomon.app`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigError('QOMON_BASE_URL must not carry credentials: put the token in QOMON_TOKEN instead');
  }
  if (url.search || url.hash) {
    throw new ConfigError(`QOMON_BASE_URL="${raw}" must not have a query or fragment: set it to the API root only`);
  }
  const host = url.hostname.toLowerCase();
  // The suite creates, patches and deletes contacts: it writes only where it was told it may.
  const refusal = targetRefusal(url, allowedHosts);
  if (refusal !== undefined) throw new ConfigError(`QOMON_BASE_URL ${refusal}: the suite writes to its target`);
  const baseURL = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { kind: 'live', baseURL, host };
}

/** How the run's processes behave: workers, the request timeout, the mock's fault, where reports go. */
function processSettings(env: Env): Pick<RunConfig, 'requestTimeoutMs' | 'workers' | 'mockFault'> {
  const requestTimeoutMs =
    positiveInteger(env, 'QOMON_REQUEST_TIMEOUT_MS', 'the milliseconds a request may take (e.g. 10000)') ??
    DEFAULT_REQUEST_TIMEOUT_MS;
  const rawWorkers = nonEmpty(env, 'PW_WORKERS');
  if (rawWorkers !== undefined && !/^([1-9]\d*|([1-9]\d?|100)%)$/.test(rawWorkers)) {
    throw new ConfigError(
      `PW_WORKERS="${rawWorkers}" is not a number of workers: set it to a whole number from 1 (e.g. 4) or a share of the cores (e.g. 50%), or unset it`,
    );
  }
  const workers =
    rawWorkers === undefined ? DEFAULT_WORKERS : rawWorkers.endsWith('%') ? rawWorkers : Number(rawWorkers);
  const mockFault = nonEmpty(env, 'MOCK_FAULT');
  if (mockFault !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(mockFault)) {
    throw new ConfigError(
      `MOCK_FAULT="${mockFault}" is not a fault name: see \`npm run mock -- --list-faults\`, or unset it`,
    );
  }
  if (mockFault !== undefined && nonEmpty(env, 'QOMON_BASE_URL') !== undefined) {
    throw new ConfigError('MOCK_FAULT plays a fault on the embedded mock only: unset it, or unset QOMON_BASE_URL');
  }
  const reports = env.REPORTS_DIR;
  if (reports !== undefined && reports !== '' && reports.trim() === '') {
    throw new ConfigError('REPORTS_DIR is only blanks: set it to a folder for the reports, or unset it');
  }
  return { requestTimeoutMs, workers, ...(mockFault === undefined ? {} : { mockFault }) };
}

/** Reads and validates the environment of a run; throws ConfigError on the first mistake. */
export function parseRunConfig(env: Env): RunConfig {
  const allowedHosts = (nonEmpty(env, 'QOMON_ALLOWED_HOSTS') ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  for (const host of allowedHosts) {
    if (!/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host)) {
      throw new ConfigError(
        `QOMON_ALLOWED_HOSTS entry "${host}" is not a host name: list host names only, comma-separated (e.g. staging.qomon.app)`,
      );
    }
  }
  const target = parseTarget(env, allowedHosts);

  const reading = nonEmpty(env, 'QOMON_ENTRY_READING') ?? 'replace';
  if (!ENTRY_READINGS.includes(reading as EntryReading)) {
    throw new ConfigError(
      `QOMON_ENTRY_READING="${reading}" is unknown: set it to "replace" or "merge" (CONTRACT.md section 4)`,
    );
  }

  const budget = positiveInteger(env, 'QOMON_TOKEN_BUDGET', 'the most rate-limit tokens the run may spend (e.g. 2000)');
  const rateCapacity = positiveInteger(
    env,
    'QOMON_RATE_CAPACITY',
    'the bucket size of the token the exhaustion check uses',
  );
  const fastCheck = {
    numRuns: positiveInteger(env, 'FC_NUM_RUNS', 'the number of fast-check runs (e.g. 30)'),
    seed: integer(env, 'FC_SEED', 'the seed printed by a failing property'),
    path: nonEmpty(env, 'FC_PATH'),
    replayPath: nonEmpty(env, 'FC_REPLAY_PATH'),
  };
  if (fastCheck.path !== undefined && !/^\d+(:\d+)*$/.test(fastCheck.path)) {
    throw new ConfigError(
      `FC_PATH="${fastCheck.path}" is not a fast-check path: copy it from a failing property's output (e.g. 3:1:0)`,
    );
  }
  if ((fastCheck.path !== undefined || fastCheck.replayPath !== undefined) && fastCheck.seed === undefined) {
    throw new ConfigError('FC_PATH and FC_REPLAY_PATH replay a failure only with its seed: set FC_SEED too');
  }
  const process = processSettings(env);

  if (target.kind === 'mock') {
    return {
      target,
      token: nonEmpty(env, 'QOMON_TOKEN') ?? MOCK_DEFAULTS.token,
      otherSpaceToken: nonEmpty(env, 'QOMON_TOKEN_OTHER_SPACE') ?? MOCK_DEFAULTS.otherSpaceToken,
      tokenBudget: budget ?? Number.POSITIVE_INFINITY,
      allowedHosts,
      entryReading: reading as EntryReading,
      // On the mock the exhaustion check always runs, on the mock's own small bucket (RAT-01).
      rateCapacity: rateCapacity ?? MOCK_DEFAULTS.rateCapacity,
      rateToken: nonEmpty(env, 'QOMON_RATE_TOKEN') ?? MOCK_DEFAULTS.rateToken,
      fastCheck,
      ...process,
    };
  }

  const token = nonEmpty(env, 'QOMON_TOKEN');
  if (token === undefined) {
    throw new ConfigError(
      `QOMON_TOKEN is unset: a live target (${target.host}) needs the bearer token of the space under test`,
    );
  }
  return {
    target,
    token,
    otherSpaceToken: nonEmpty(env, 'QOMON_TOKEN_OTHER_SPACE'),
    tokenBudget: budget ?? DEFAULT_LIVE_TOKEN_BUDGET,
    allowedHosts,
    entryReading: reading as EntryReading,
    rateCapacity,
    rateToken: nonEmpty(env, 'QOMON_RATE_TOKEN'),
    fastCheck,
    ...process,
  };
}

/** Loads `.env` (quietly; the process environment wins) and validates the result. */
export function loadRunConfig(): RunConfig {
  loadDotenv({ quiet: true });
  return parseRunConfig(process.env);
}

/** Exit status of a run stopped by its configuration. */
export const EXIT_BAD_CONFIGURATION = 2;

/**
 * The configuration of a run, or the one line that says what to fix and exit status 2: the entry
 * point of every command (Playwright's config, the pre-check, the sweep, the pre-release run).
 * `require` adds what one command needs beyond the rest (it throws ConfigError).
 */
export function loadRunConfigOrExit(require?: (config: RunConfig) => void): RunConfig {
  try {
    const config = loadRunConfig();
    require?.(config);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(EXIT_BAD_CONFIGURATION);
  }
}

/** Every secret of a run, each with the variable that holds it (the redactor writes `<QOMON_TOKEN>`). */
export function secretsOf(config: RunConfig): Map<string, string> {
  const secrets = new Map<string, string>();
  if (config.rateToken) secrets.set(config.rateToken, 'QOMON_RATE_TOKEN');
  if (config.otherSpaceToken) secrets.set(config.otherSpaceToken, 'QOMON_TOKEN_OTHER_SPACE');
  if (config.token) secrets.set(config.token, 'QOMON_TOKEN');
  return secrets;
}

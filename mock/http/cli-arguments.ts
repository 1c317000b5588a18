// The CLI's flags and environment turned into mock options, checked before anything listens.
// Flags win over the environment; an error names the flag or variable the user wrote.

import { parseArgs } from 'node:util';
import { DEFAULT_PORT, DEFAULT_TOKENS, MockOptionError, resolveMockOptions, type MockOptions } from './options';

export const USAGE =
  'usage: npx tsx mock/http/cli.ts [--port N] [--variant reference|tolerant] [--fault NAME] | --list-faults | --help\n' +
  'environment: MOCK_TOKEN, MOCK_TOKEN_OTHER_SPACE, MOCK_RATE_TOKEN, MOCK_RATE_CAPACITY, MOCK_VARIANT, MOCK_FAULT\n';

/** A bad flag or variable; the message names it and fits on one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type CommandLine =
  | { readonly kind: 'help' }
  | { readonly kind: 'list faults' }
  | { readonly kind: 'run'; readonly options: Partial<MockOptions> };

const FLAGS = {
  port: { type: 'string' },
  variant: { type: 'string' },
  fault: { type: 'string' },
  'list-faults': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
const WHOLE_NUMBER = /^[0-9]+$/;

export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CommandLine {
  const parsed = readFlags(argv);
  if (parsed.help === true) return { kind: 'help' };
  if (parsed['list-faults'] === true) return { kind: 'list faults' };
  const flags = new Map<string, string>();
  for (const name of ['port', 'variant', 'fault'] as const) {
    const value = parsed[name];
    if (value === '') throw new UsageError(`--${name} needs a value`);
    if (value !== undefined) flags.set(name, value);
  }
  // An empty variable counts as unset.
  const fromEnv = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);

  /** Which flag or variable each option came from, for error messages. */
  const sources = new Map<string, string>([
    ['port', '--port'],
    ['variant', flags.has('variant') ? '--variant' : 'MOCK_VARIANT'],
    ['fault', flags.has('fault') ? '--fault' : 'MOCK_FAULT'],
    ['rateCapacity', 'MOCK_RATE_CAPACITY'],
    ['tokens.space', 'MOCK_TOKEN'],
    ['tokens.otherSpace', 'MOCK_TOKEN_OTHER_SPACE'],
    ['tokens.rate', 'MOCK_RATE_TOKEN'],
    ['tokens', 'MOCK_TOKEN, MOCK_TOKEN_OTHER_SPACE, MOCK_RATE_TOKEN'],
  ]);

  const portText = flags.get('port');
  if (portText !== undefined && !WHOLE_NUMBER.test(portText))
    throw new UsageError(`--port: not a port number: "${portText}"`);
  const rateCapacityText = fromEnv('MOCK_RATE_CAPACITY');
  if (rateCapacityText !== undefined && !WHOLE_NUMBER.test(rateCapacityText)) {
    throw new UsageError(`MOCK_RATE_CAPACITY: not a whole number: "${rateCapacityText}"`);
  }
  const variant = flags.get('variant') ?? fromEnv('MOCK_VARIANT');
  const fault = flags.get('fault') ?? fromEnv('MOCK_FAULT');

  const options: Partial<MockOptions> = {
    port: portText === undefined ? DEFAULT_PORT : Number(portText),
    tokens: {
      space: fromEnv('MOCK_TOKEN') ?? DEFAULT_TOKENS.space,
      otherSpace: fromEnv('MOCK_TOKEN_OTHER_SPACE') ?? DEFAULT_TOKENS.otherSpace,
      rate: fromEnv('MOCK_RATE_TOKEN') ?? DEFAULT_TOKENS.rate,
    },
    ...(rateCapacityText === undefined ? {} : { rateCapacity: Number(rateCapacityText) }),
    ...(variant === undefined ? {} : { variant: variant as MockOptions['variant'] }),
    ...(fault === undefined ? {} : { fault }),
  };

  try {
    resolveMockOptions(options);
  } catch (error) {
    if (!(error instanceof MockOptionError)) throw error;
    const source = sources.get(error.option) ?? error.option;
    throw new UsageError(`${source}: ${error.message.slice(error.option.length + 2)}`);
  }
  return { kind: 'run', options };
}

function readFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${firstSentence(error)} (try --help)`);
  }
}

/** parseArgs' message up to its first full stop: `Unknown option '--verbose'`, on one line. */
function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(/\.\s/, 1)[0] ?? message).replaceAll('\n', ' ');
}

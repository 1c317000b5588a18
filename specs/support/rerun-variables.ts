/**
 * The variables a command that reruns one test carries (issue 15): the run's variables by name,
 * never their values (`QOMON_TOKEN="$QOMON_TOKEN"`), and the seed and the mock's variant and fault
 * by value (they are not secret, and they are what made the failure). One list for every rerun
 * command the suite prints: a failing spec's (scripts/reporters/reproduce.ts), a drawn input's
 * (inputs/seed.ts) and a property counterexample's (properties/runner.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { shellQuote } from '../request-path/transcript';

/** The variables of a run that may hold a secret or name the target: written by name only. */
export const NAMED_VARIABLES = [
  'QOMON_BASE_URL',
  'QOMON_ALLOWED_HOSTS',
  'QOMON_TOKEN',
  'QOMON_TOKEN_OTHER_SPACE',
  'QOMON_RATE_TOKEN',
  'QOMON_RATE_CAPACITY',
  'QOMON_TOKEN_BUDGET',
  'QOMON_ENTRY_READING',
] as const;

/** The variables that say which server and which case: written with their value. */
export const VALUE_VARIABLES = ['MOCK_VARIANT', 'MOCK_FAULT', 'FC_SEED', 'FC_NUM_RUNS'] as const;

/**
 * Names of the variables `.env` gives, with the value it gives them: a rerun loads `.env` again,
 * and writing `NAME=$NAME` for them would set them empty in a shell that does not export them,
 * which hides the file's value (dotenv never overrides a variable that is set).
 */
function fromDotenv(root: string, env: NodeJS.ProcessEnv): Set<string> {
  const file = path.join(root, '.env');
  if (!existsSync(file)) return new Set();
  const parsed = parseDotenv(readFileSync(file));
  return new Set(Object.keys(parsed).filter((name) => env[name] === parsed[name]));
}

/**
 * The variables a rerun needs, as shell assignments; `except` leaves out those the command sets
 * itself (a replay gives its own FC_SEED).
 */
export function rerunVariables(env: NodeJS.ProcessEnv, root: string, except: readonly string[] = []): string[] {
  const dotenv = fromDotenv(root, env);
  const set = (name: string) => Boolean(env[name]?.trim()) && !dotenv.has(name) && !except.includes(name);
  const onMock = !env.QOMON_BASE_URL?.trim();
  return [
    // On the mock, an empty QOMON_BASE_URL keeps a .env that names a live target out of the rerun.
    ...(onMock ? ['QOMON_BASE_URL='] : []),
    ...NAMED_VARIABLES.filter((name) => set(name) && !(onMock && name === 'QOMON_BASE_URL')).map(
      (name) => `${name}="$${name}"`,
    ),
    ...VALUE_VARIABLES.filter(set).map((name) => `${name}=${shellQuote(env[name]!.trim())}`),
  ];
}

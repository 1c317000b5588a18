/**
 * `npm run sweep`: deletes the contacts earlier runs left on the target (an interrupted run, a
 * failed cleanup), as listed in `<REPORTS_DIR>/leftovers.jsonl`. It reads the same configuration as
 * a run and sends every DELETE through the same target guard, so it refuses a host that is not
 * loopback and not in QOMON_ALLOWED_HOSTS before any request. It prints what it deleted and what
 * was already gone, then keeps in the ledger only what is still there. Exit status: 0 when nothing
 * is left, 1 when some contact could not be deleted, 2 for a configuration error.
 *
 * Run it after a run, never during one: it rewrites the ledger the run appends to.
 * Each DELETE is counted 1 token; the sweep does not draw on QOMON_TOKEN_BUDGET (it is not a run).
 */
import type { Api } from '../specs/request-path/api';
import { ConfigError, EXIT_BAD_CONFIGURATION, loadRunConfigOrExit } from '../specs/request-path/config';
import { LeftoverLedger, type LeftoverEvent } from '../specs/request-path/leftovers';

const EXIT_SOME_LEFT = 1;

type Outcome = 'deleted' | 'already gone' | 'still there';

async function sweep(): Promise<number> {
  const config = loadRunConfigOrExit();
  const ledger = LeftoverLedger.inReportsDir();
  if (config.target.kind === 'mock') {
    process.stdout.write(
      "sweep: nothing to do: QOMON_BASE_URL is unset, and the embedded mock's contacts end with its run\n",
    );
    return 0;
  }
  const { baseURL } = config.target;
  const leftovers = ledger.outstanding().filter((event) => event.target === baseURL);
  if (leftovers.length === 0) {
    process.stdout.write(`sweep: no leftover contact for ${baseURL} in ${ledger.file}\n`);
    return 0;
  }

  // Loaded only now: a refused configuration stops before Playwright and the schemas are even read.
  const [{ Api }, { requestPathOf }, { Transcript }] = await Promise.all([
    import('../specs/request-path/api'),
    import('../specs/request-path/request-path'),
    import('../specs/request-path/transcript'),
  ]);
  // The same path as a run's requests: guard, redaction, timeout; no budget and no run to stop.
  const requestPath = requestPathOf(config, { baseURL, budget: false, stop: false });
  const api = new Api(
    requestPath,
    new Transcript(requestPath.redactor),
    { kind: 'token', token: config.token, variable: 'QOMON_TOKEN' },
    undefined,
    { retryOn429: true },
  );

  process.stdout.write(`sweep: ${leftovers.length} leftover contact(s) on ${baseURL}\n`);
  const counts: Record<Outcome, number> = { deleted: 0, 'already gone': 0, 'still there': 0 };
  try {
    for (const leftover of leftovers) {
      const outcome = await deleteOne(api, ledger, leftover);
      counts[outcome.kind] += 1;
      process.stdout.write(
        `  ${outcome.kind.padEnd(12)} contact ${leftover.id} (run ${leftover.run})${outcome.detail ? `: ${outcome.detail}` : ''}\n`,
      );
    }
  } finally {
    // Only what is still there stays in the ledger (other targets' leftovers included).
    ledger.rewrite(ledger.outstanding());
  }
  process.stdout.write(
    `sweep: ${counts.deleted} deleted, ${counts['already gone']} already gone, ${counts['still there']} still there${counts['still there'] ? ` (kept in ${ledger.file})` : ''}\n`,
  );
  return counts['still there'] > 0 ? EXIT_SOME_LEFT : 0;
}

async function deleteOne(
  api: Api,
  ledger: LeftoverLedger,
  leftover: LeftoverEvent,
): Promise<{ kind: Outcome; detail?: string }> {
  const base = { id: leftover.id, target: leftover.target, run: leftover.run };
  let status: number;
  try {
    status = (await api.deleteContact(leftover.id)).status;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return { kind: 'still there', detail: `no answer (${(error as Error).message.split('\n')[0]})` };
  }
  if (status >= 200 && status < 300) {
    ledger.record({ ...base, event: 'deleted' });
    return { kind: 'deleted' };
  }
  if (status === 404) {
    ledger.record({ ...base, event: 'gone' });
    return { kind: 'already gone' };
  }
  return { kind: 'still there', detail: `DELETE answered ${status}` };
}

sweep().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${error instanceof ConfigError ? 'configuration error' : 'sweep failed'}: ${message}\n`);
    process.exit(error instanceof ConfigError ? EXIT_BAD_CONFIGURATION : EXIT_SOME_LEFT);
  },
);

/**
 * Cleanup when things go wrong: a run interrupted with SIGINT (Ctrl-C) part-way, then `npm run
 * sweep`, leaves no contact of that run on the target; and the sweep deletes what is still there,
 * says what was already gone, and leaves other targets' leftovers alone.
 *
 * The target is the reference mock, started here in this process so that it outlives the run it
 * serves and its store can be read afterwards (deleted contacts included). Loopback only.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startMock, type RunningMock } from '../../mock/http/server';
import { LEFTOVERS_FILE, LeftoverLedger } from '../../specs/request-path/leftovers';
import { cleanEnv, privateReportsDir, signalGroup, startPlaywright, startSweep, stopIfRunning } from './processes';

/** Contacts the interrupted run has created before it is interrupted: enough to be part-way through. */
const CREATED_BEFORE_INTERRUPT = 6;
/** Playwright's exit status for a run interrupted by SIGINT. */
const EXIT_INTERRUPTED = 130;

test.describe.configure({ timeout: 120_000 });

function envFor(mock: RunningMock, reportsDir: string): Record<string, string> {
  return cleanEnv({
    QOMON_BASE_URL: `${mock.url}/`,
    QOMON_TOKEN: mock.tokens.space,
    QOMON_TOKEN_OTHER_SPACE: mock.tokens.otherSpace,
    REPORTS_DIR: reportsDir,
    // Two workers are enough to be part-way through when the interrupt comes, and start faster.
    PW_WORKERS: '2',
  });
}

/** Contacts of the mock's store whose surname carries the marker and that are not deleted. */
function remainingOf(mock: RunningMock, marker: string): number[] {
  return mock.store
    .contacts()
    .filter((contact) => contact.deleted_at === null && (contact.fields.surname ?? '').startsWith(marker))
    .map((contact) => contact.id);
}

async function statusOfGet(mock: RunningMock, id: number): Promise<number> {
  const response = await fetch(`${mock.url}/contacts/${id}`, {
    headers: { Authorization: `Bearer ${mock.tokens.space}` },
  });
  await response.arrayBuffer();
  return response.status;
}

test('a run interrupted with SIGINT, then swept, leaves no contact of its own on the target', async () => {
  const mock = await startMock();
  const reportsDir = privateReportsDir('reports');
  const ledger = new LeftoverLedger(path.join(reportsDir, LEFTOVERS_FILE));
  const env = envFor(mock, reportsDir);
  const run = startPlaywright(['--project=conformance', '--reporter=line'], env);
  try {
    await test.step('interrupt the run once it has created contacts', async () => {
      await expect
        .poll(() => ledger.events().filter((event) => event.event === 'created').length, {
          message: `the run records the contacts it creates in ${LEFTOVERS_FILE}`,
          timeout: 90_000,
        })
        .toBeGreaterThanOrEqual(CREATED_BEFORE_INTERRUPT);
      signalGroup(run, 'SIGINT');
      const finished = await run.finished;
      expect(finished.code, `the run ends as interrupted\n${run.output().slice(-2_000)}`).toBe(EXIT_INTERRUPTED);
    });

    const created = ledger.events().filter((event) => event.event === 'created');
    const runIds = [...new Set(created.map((event) => event.run))];
    expect(runIds, 'every contact in the ledger comes from the one interrupted run').toHaveLength(1);
    const marker = `qct-${runIds[0]}`;

    await test.step('sweep', async () => {
      const sweep = startSweep(env);
      const finished = await sweep.finished;
      expect(finished.code, `the sweep deletes every leftover (exit 0)\n${sweep.output()}`).toBe(0);
      expect(finished.stdout, 'the sweep reports its outcome').toMatch(/^sweep: /m);
    });

    await test.step('no contact of the run remains', async () => {
      expect(
        remainingOf(mock, marker),
        `no contact whose surname starts with ${marker} is left in the mock's store`,
      ).toEqual([]);
      for (const { id } of created) {
        expect(
          await statusOfGet(mock, id),
          `GET /contacts/${id}, created by the interrupted run, is 404 after the sweep`,
        ).toBe(404);
      }
      expect(ledger.outstanding(), 'the ledger keeps nothing once everything is deleted').toEqual([]);
    });
  } finally {
    stopIfRunning(run);
    await mock.close();
  }
});

test('the sweep deletes what is still there, reports what was already gone, and leaves other targets alone', async () => {
  const mock = await startMock();
  const reportsDir = privateReportsDir('reports');
  const ledger = new LeftoverLedger(path.join(reportsDir, LEFTOVERS_FILE));
  const target = `${mock.url}/`;
  try {
    const [stillThere, alreadyGone] =
      await test.step('arrange two leftovers, one of them already deleted, and one of another target', async () => {
        const ids: number[] = [];
        for (const surname of ['qct-sweep-1 still there', 'qct-sweep-2 already gone']) {
          const response = await fetch(`${mock.url}/contacts`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${mock.tokens.space}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ data: { contact: { surname } } }),
          });
          const body = (await response.json()) as { data: { contact: { id: number } } };
          ids.push(body.data.contact.id);
          ledger.record({ event: 'created', id: body.data.contact.id, target, run: 'sweep' });
        }
        const [still, gone] = ids as [number, number];
        await fetch(`${mock.url}/contacts/${gone}`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${mock.tokens.space}` },
        });
        ledger.record({ event: 'created', id: 7, target: 'https://staging.example.org/', run: 'another' });
        return [still, gone];
      });

    const sweep = startSweep(envFor(mock, reportsDir));
    const finished = await sweep.finished;

    expect(finished.code, `nothing is left, so the sweep exits 0\n${sweep.output()}`).toBe(0);
    expect(finished.stdout, 'the sweep says it deleted the contact still there').toMatch(
      new RegExp(`deleted\\s+contact ${stillThere} `),
    );
    expect(finished.stdout, 'the sweep says the other was already gone').toMatch(
      new RegExp(`already gone\\s+contact ${alreadyGone} `),
    );
    expect(finished.stdout, 'the sweep sums it up').toContain('sweep: 1 deleted, 1 already gone, 0 still there');
    expect(
      mock.store.contact(stillThere)?.deleted_at,
      `contact ${stillThere} is deleted in the mock's store`,
    ).not.toBeNull();
    expect(
      ledger.outstanding().map((event) => [event.target, event.id]),
      "only the other target's leftover stays in the ledger",
    ).toEqual([['https://staging.example.org/', 7]]);
  } finally {
    await mock.close();
  }
});

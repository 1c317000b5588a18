/**
 * Field safety of a whole run (issue 11): `.env.example` copied as it is to `.env` runs green
 * against the mock, and SIGTERM to `npm run conformance` mid-run leaves nothing of the run behind:
 * the embedded mock's port no longer accepts connections and no process of the run remains.
 * Everything runs on loopback.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cleanEnv, privateReportsDir, REPOSITORY, startNode, stopIfRunning } from './processes';

test.describe.configure({ timeout: 120_000 });

/** The environment of a run whose QOMON_* variables come from `.env` alone, as a new user's would. */
function envFromDotenvOnly(overrides: Record<string, string>): Record<string, string> {
  const env = cleanEnv(overrides);
  for (const name of Object.keys(env)) if (/^(QOMON_|FC_)/.test(name) && !(name in overrides)) delete env[name];
  return env;
}

test('.env.example copied as it is to .env runs green against the embedded mock', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'qct-dotenv-'));
  copyFileSync(path.join(REPOSITORY, '.env.example'), path.join(cwd, '.env'));
  const run = startNode(
    [
      require.resolve('@playwright/test/cli'),
      'test',
      '--config',
      path.join(REPOSITORY, 'playwright.config.ts'),
      '--project=conformance',
      '--grep',
      '@AUT-01|OBSERVE which reading',
    ],
    envFromDotenvOnly({ REPORTS_DIR: privateReportsDir('reports') }),
    cwd,
  );
  const finished = await run.finished;
  expect(finished.code, `the run is green with .env.example as .env\n${run.output().slice(-3_000)}`).toBe(0);
  expect(finished.stdout, 'the run ends with its summary line').toMatch(
    /^conformance on embedded mock \(reference\): /m,
  );
});

/** Every process whose parent chain leads to `root`, by /proc (Linux). */
function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  for (const pid of parents.keys()) {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) {
      if (at === root) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

/** The TCP ports a process listens on, from its socket descriptors and /proc/net/tcp. */
function listeningPorts(pid: number): number[] {
  try {
    const inodes = new Set(
      readdirSync(`/proc/${pid}/fd`)
        .map((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`))
        .map((link) => link.match(/^socket:\[(\d+)\]$/)?.[1])
        .filter((inode): inode is string => inode !== undefined),
    );
    return readFileSync(`/proc/${pid}/net/tcp`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && inodes.has(fields[9] ?? ''))
      .map((fields) => parseInt((fields[1] ?? '').split(':')[1] ?? '', 16));
  } catch {
    return [];
  }
}

/** Running, or stopped but not yet dead: a zombie waiting for its parent to read its status is gone. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('after SIGTERM to npm run conformance mid-run, nothing of the run is still listening or running', async () => {
  test.skip(!existsSync('/proc/self/stat'), 'finding the processes of the run needs /proc (Linux)');
  const reportsDir = privateReportsDir('reports');
  const run = startNode(
    [path.join(path.dirname(process.execPath), 'npm'), 'run', 'conformance', '--', '--reporter=line'],
    cleanEnv({ REPORTS_DIR: reportsDir, PW_WORKERS: '2' }),
  );
  try {
    const npm = run.child.pid as number;
    let mock: { pid: number; port: number } | undefined;
    await expect
      .poll(
        () => {
          for (const pid of descendantsOf(npm)) {
            const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
            const port = cmdline.includes('mock/http/cli.ts') ? listeningPorts(pid)[0] : undefined;
            if (port !== undefined) mock = { pid, port };
          }
          return mock !== undefined && existsSync(path.join(reportsDir, 'test-results'));
        },
        { message: 'the run starts its mock, which listens, and starts testing', timeout: 60_000 },
      )
      .toBe(true);
    const { port } = mock as { pid: number; port: number };
    const processes = descendantsOf(npm);
    process.kill(npm, 'SIGTERM');
    await run.finished;
    await expect
      .poll(() => accepts(port), { message: `the mock's port ${port} no longer accepts connections`, timeout: 15_000 })
      .toBe(false);
    await expect
      .poll(() => processes.filter(isAlive), {
        message: 'no process of the run remains',
        timeout: 15_000,
      })
      .toEqual([]);
  } finally {
    stopIfRunning(run);
  }
});

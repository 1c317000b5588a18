/**
 * The reports open in a real browser, from a web server, with nothing fetched from outside
 * (reports/ below is $REPORTS_DIR when it is set):
 * 1. installs Debian's Chromium when it is missing (no browser download; CI runs as root);
 * 2. makes a failing run into reports/browser-check: part of the suite on the reference mock under
 *    QOMON_ENTRY_READING=merge, where the worked example "T:a then T:b" fails ENT-06, then builds
 *    its Allure report;
 * 3. serves reports/ on 127.0.0.1 and checks, in headless Chromium, that the conformance page
 *    shows its rule table with ENT-06 failing, that the Allure report lists the failing test and
 *    shows its redacted transcript (the report is packed: pack-report.ts, unpacked by the page), that
 *    the rule book has a section per rule, and that the last full run's matrix and rule book
 *    (reports/conformance.html, reports/rule-book.html, when there are) show all 27 rules, every
 *    rule that passed with a real request and answer. Any request to a host other than 127.0.0.1
 *    fails it.
 * Screenshots go to reports/browser-check/*.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { RULE_IDS } from '../specs/support/rule-catalogue';
import { serveFolder } from './static-server';

const ROOT = path.resolve(__dirname, '..');
/** REPORTS_DIR, like every run: a check beside another run must not write into its reports. */
const REPORTS = path.resolve(ROOT, process.env.REPORTS_DIR ?? 'reports');
const CHECK_DIR = 'browser-check';
const CHROMIUM = '/usr/bin/chromium';
/** TOOLCHAIN.md: how Debian's Chromium runs headless as root; --user-data-dir is the launch's fresh profile. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const FAILING_RULE = 'ENT-06';
const FAILING_SUBSET = `${FAILING_RULE} .*after T:a|OBSERVE which reading`;
const VISIBLE_TIMEOUT = 15_000;

/** A path as the user would type it: relative inside the project, absolute elsewhere. */
function shown(file: string): string {
  return file.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, file) : file;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`browser check: ${message}`);
}

function runQuietly(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number | null {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) process.stderr.write(`${result.stdout}${result.stderr}`);
  return result.status;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const status = runQuietly('bash', ['-c', 'apt-get update && apt-get install -y --no-install-recommends chromium']);
  check(status === 0 && existsSync(CHROMIUM), `installing Debian's chromium failed (exit ${status})`);
}

function makeFailingRun(): void {
  const env = {
    ...process.env,
    QOMON_BASE_URL: '',
    MOCK_VARIANT: 'reference',
    QOMON_ENTRY_READING: 'merge',
    REPORTS_DIR: path.join(REPORTS, CHECK_DIR),
  };
  const suite = runQuietly(
    process.execPath,
    [require.resolve('@playwright/test/cli'), 'test', '--project=conformance', '--grep', FAILING_SUBSET],
    env,
  );
  check(suite === 1, `the run meant to fail ${FAILING_RULE} exited ${suite}, not 1`);
  check(runQuietly('npm', ['run', '--silent', 'report'], env) === 0, 'npm run report failed on the failing run');
}

async function expectVisible(locator: Locator, what: string): Promise<void> {
  await locator
    .first()
    .waitFor({ state: 'visible', timeout: VISIBLE_TIMEOUT })
    .catch(() => {
      throw new Error(`browser check: ${what} is not visible on ${locator.page().url()}`);
    });
}

/** Opens a page whose `selector` elements carry `data-rule`, and checks they are the catalogue's rules in order. */
async function openListingEveryRule(page: Page, url: string, selector: string, what: string): Promise<number> {
  await page.goto(url);
  await expectVisible(page.locator(selector), what);
  const listed = await page
    .locator(selector)
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-rule')));
  check(
    listed.join() === RULE_IDS.join(),
    `${what} lists ${listed.length} rules, not the ${RULE_IDS.length} of the catalogue in order`,
  );
  return listed.length;
}

async function checkMatrix(page: Page, url: string, failing: string | undefined, screenshot: string): Promise<void> {
  await openListingEveryRule(page, url, 'table#rules tr[data-rule]', 'the rule table');
  if (failing)
    await expectVisible(
      page.locator(`tr[data-rule="${failing}"][data-verdict="fail"]`),
      `the failing rule ${failing}, marked fail`,
    );
  await page.screenshot({ path: screenshot, fullPage: true });
}

async function checkAllure(page: Page, url: string, screenshot: string): Promise<void> {
  await page.goto(url);
  const failingTest = page.getByText('after T:a, a PATCH of T:b');
  await expectVisible(failingTest, `the failing ${FAILING_RULE} test in the Allure tree`);
  await failingTest.first().click();
  await expectVisible(page.getByText(`Error: ${FAILING_RULE}`), `the ${FAILING_RULE} error of the failing test`);
  await page.getByText('Attachments', { exact: false }).first().click();
  await expectVisible(
    page.getByText('transcript (token redacted)'),
    'the redacted transcript attached to the failing test',
  );
  await page.screenshot({ path: screenshot, fullPage: true });
}

/**
 * The rule book lists every rule in catalogue order, each with its text and verdict; a rule that
 * passed shows an exchange (request and answer) of a passing test. Returns how many show one.
 */
async function checkRuleBook(
  page: Page,
  url: string,
  screenshot: string,
): Promise<{ rules: number; exchanges: number }> {
  const rules = await openListingEveryRule(page, url, 'section[data-rule]', 'the rule book');
  const passedWithout = await page
    .locator('section[data-verdict="pass"]:not(:has([data-exchange]))')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-rule')));
  check(passedWithout.length === 0, `rules that passed but show no exchange: ${passedWithout.join(', ')}`);
  const exchanges = page.locator('section[data-rule] [data-exchange]');
  const count = await exchanges.count();
  for (let index = 0; index < count; index += 1) {
    const exchange = exchanges.nth(index);
    const request = (await exchange.locator('pre.request').innerText()).trim();
    const response = (await exchange.locator('pre.response').innerText()).trim();
    check(
      /^[A-Z]+ \//.test(request) && /^HTTP \d{3}/.test(response),
      `exchange #${index + 1} lacks its request line or status`,
    );
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  return { rules, exchanges: count };
}

async function main(): Promise<void> {
  ensureChromium();
  makeFailingRun();
  const server = await serveFolder(REPORTS);
  const profile = mkdtempSync(path.join(tmpdir(), 'qct-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  const outside: string[] = [];
  await browser.route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  try {
    const page = await browser.newPage();
    const shots = path.join(REPORTS, CHECK_DIR);
    await checkMatrix(
      page,
      `${server.url}${CHECK_DIR}/conformance.html`,
      FAILING_RULE,
      path.join(shots, 'conformance.png'),
    );
    await checkAllure(page, `${server.url}${CHECK_DIR}/allure-report/index.html`, path.join(shots, 'allure.png'));
    await checkRuleBook(page, `${server.url}${CHECK_DIR}/rule-book.html`, path.join(shots, 'rule-book.png'));
    const lastRun = existsSync(path.join(REPORTS, 'conformance.html'));
    if (lastRun)
      await checkMatrix(page, `${server.url}conformance.html`, undefined, path.join(shots, 'last-run-conformance.png'));
    const lastBook = existsSync(path.join(REPORTS, 'rule-book.html'))
      ? await checkRuleBook(page, `${server.url}rule-book.html`, path.join(shots, 'last-run-rule-book.png'))
      : undefined;
    check(
      outside.length === 0,
      `the reports asked for ${outside.length} resources outside 127.0.0.1: ${outside.slice(0, 3).join(', ')}`,
    );
    process.stdout.write(
      `browser check: Chromium ${browser.browser()?.version() ?? ''} shows the conformance page with ${FAILING_RULE} failing, the Allure report with its transcript, the rule book${lastRun ? ", the last run's matrix" : ''}${lastBook ? ` and the last run's rule book (${lastBook.rules} rules, ${lastBook.exchanges} with an exchange)` : ''}; screenshots in ${shown(path.join(REPORTS, CHECK_DIR))}/\n`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * The operator's view (issue 15), piece by piece: bodies shortened in the middle, step titles cut
 * to a line, skips counted by reason, rerun commands that name secrets and give the case, the
 * JUnit summary, and the packed Allure page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { shortenMiddle, type Exchange } from '../../../specs/request-path/transcript';
import { exchangeToShow } from '../../../specs/support/exchange-sample';
import { junitCases, junitSummary } from '../../junit-summary';
import { packReport, TO_BASE64 } from '../../pack-report';
import { shortStepTitle, STEP_TITLE_CHARS } from '../allure-reporter';
import { rerunVariables } from '../../../specs/support/rerun-variables';
import { skipReasonKind, testsPart } from '../summary';

test('a long body keeps its start and end, says how much was cut, and stays within the limit', () => {
  const body = `{"start":1,${'"x":0,'.repeat(1000)}"end":2}`;
  const short = shortenMiddle(body, 200);
  expect(short.startsWith('{"start":1,'), 'the start is kept').toBe(true);
  expect(short.endsWith('"end":2}'), 'the end is kept').toBe(true);
  expect(short, 'the cut is said').toContain(`of ${body.length} chars cut]`);
  expect(short.length, 'at most the limit plus the marker').toBeLessThan(200 + 40);
  expect(shortenMiddle('short', 200), 'a short body is left alone').toBe('short');
});

test('a step title is its first line, at most one line of the report', () => {
  expect(shortStepTitle('ENT-04 the radio keeps the last\nPATCH /contacts/1 …')).toBe(
    'ENT-04 the radio keeps the last',
  );
  expect(shortStepTitle('x'.repeat(500)).length).toBe(STEP_TITLE_CHARS);
});

test('the exchange a rule book shows is the last PATCH, else the last request that is not cleanup', () => {
  const exchange = (method: string, url: string): Exchange => ({
    method,
    url,
    credential: 'QOMON_TOKEN',
    requestHeaders: {},
    status: 200,
    responseHeaders: {},
    responseText: '',
  });
  const post = exchange('POST', 'http://127.0.0.1/contacts');
  const patch = exchange('PATCH', 'http://127.0.0.1/contacts/1');
  const get = exchange('GET', 'http://127.0.0.1/contacts/1');
  const cleanup = exchange('DELETE', 'http://127.0.0.1/contacts/1');
  expect(exchangeToShow([post, patch, get, cleanup])).toBe(patch);
  expect(exchangeToShow([post, get, cleanup])).toBe(get);
  expect(exchangeToShow([cleanup])).toBe(cleanup);
  expect(exchangeToShow([])).toBeUndefined();
});

test('skips count by the kind of their reason, numbers aside', () => {
  expect(skipReasonKind('token budget exhausted: PATCH /contacts/1042 needs 5 tokens')).toBe('token budget exhausted');
  expect(skipReasonKind('QOMON_TOKEN_BUDGET leaves this property 12 tokens; one run costs 18')).toBe(
    'QOMON_TOKEN_BUDGET leaves this property N tokens',
  );
  expect(skipReasonKind(undefined)).toBe('no reason given');
  const tally = {
    passed: 21,
    failed: 0,
    errors: 1,
    skipped: 125,
    skipReasons: [
      ['token budget exhausted', 121],
      ['QOMON_TOKEN_BUDGET leaves this property N tokens', 4],
    ] as [string, number][],
  };
  expect(testsPart(tally, 1)).toBe(
    '147 tests: 21 passed, 0 failed, 2 errors (1 outside tests), 125 skipped (121 token budget exhausted, 4 QOMON_TOKEN_BUDGET leaves this property N tokens)',
  );
});

test('a rerun names the secrets and the target, never their values, and gives the mock case by value', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'qct-rerun-'));
  const live = rerunVariables(
    { QOMON_BASE_URL: 'https://staging.example', QOMON_TOKEN: 'secret-a', FC_SEED: '123', PATH: '/bin' },
    root,
  );
  expect(live).toEqual(['QOMON_BASE_URL="$QOMON_BASE_URL"', 'QOMON_TOKEN="$QOMON_TOKEN"', 'FC_SEED=123']);
  expect(live.join(' '), 'no secret value').not.toContain('secret-a');
  const mock = rerunVariables({ MOCK_VARIANT: 'tolerant', MOCK_FAULT: 'radio-keeps-first-answer' }, root);
  expect(mock, 'the same mock again; an empty QOMON_BASE_URL keeps .env out').toEqual([
    'QOMON_BASE_URL=',
    'MOCK_VARIANT=tolerant',
    'MOCK_FAULT=radio-keeps-first-answer',
  ]);
  writeFileSync(path.join(root, '.env'), 'QOMON_ENTRY_READING=merge\n');
  expect(
    rerunVariables({ QOMON_ENTRY_READING: 'merge' }, root),
    'a variable .env gives is left to .env: setting it empty would hide the file',
  ).toEqual(['QOMON_BASE_URL=']);
});

test('the JUnit summary counts every outcome and lists the failures with their first line', () => {
  const xml = `<testsuites><testsuite name="a.spec.ts">
<testcase name="ENT-04 radio" classname="a.spec.ts" time="1"><failure message="ENT-04 keeps the first&#10;expected" type="FAILURE">x</failure></testcase>
<testcase name="ok" classname="a.spec.ts" time="1"></testcase>
<testcase name="later" classname="a.spec.ts" time="0"><skipped/></testcase>
<testcase name="boom &amp; bust" classname="a.spec.ts" time="0"><error message="TypeError: x"/></testcase>
</testsuite></testsuites>`;
  const cases = junitCases(xml);
  expect(cases.map((one) => one.outcome)).toEqual(['failed', 'passed', 'skipped', 'error']);
  const summary = junitSummary(cases);
  expect(summary).toContain('4 tests: 1 passed, 1 failed, 1 errors, 1 skipped');
  expect(summary).toContain('| ENT-04 radio | a.spec.ts | failed | ENT-04 keeps the first |');
  expect(summary).toContain('| boom & bust | a.spec.ts | error | TypeError: x |');
});

test('the packed Allure page carries its app and data gzipped, to be run in the same order', () => {
  const app = '!function(){document.getElementById("app").textContent="ran"}();';
  const data =
    '\n      Promise.allSettled([d("widgets/nav.json","eyJuYW1lIjoiw6kifQ=="),d("data/attachments/x.png","/9j/4AAQ")])\n        .then(function(){ return true; })\n    ';
  const html = `<html><body><div id="app"></div><script   src="data:text/javascript;base64,${Buffer.from(app).toString('base64')}"></script><script defer>${data}</script>\n</body></html>`;
  const packed = packReport(html);
  expect(packed, 'the page is recognised').toBeDefined();
  expect(packed, 'the app no longer travels as base64').not.toContain(Buffer.from(app).toString('base64'));
  const blob = (id: string) =>
    gunzipSync(Buffer.from(packed!.match(new RegExp(`id="${id}">([^<]*)<`))![1]!, 'base64')).toString('utf8');
  expect(blob('packed-allure-app')).toBe(app);
  // Run the packed data as the page does: every d() gets the base64 the page had, text or not.
  const calls: [string, string][] = [];
  new Function('d', `${TO_BASE64}\n${blob('packed-allure-data')}`)((file: string, base64: string) => {
    calls.push([file, base64]);
    return Promise.resolve();
  });
  expect(calls).toEqual([
    ['widgets/nav.json', 'eyJuYW1lIjoiw6kifQ=='],
    ['data/attachments/x.png', '/9j/4AAQ'],
  ]);
  expect(blob('packed-allure-data'), 'JSON travels as text, where gzip finds its repetitions').toContain(
    '\\"name\\":\\"é\\"',
  );
  expect(packed!.indexOf('packed-allure-data'), 'data before the app, as the page had them').toBeLessThan(
    packed!.indexOf('packed-allure-app'),
  );
  expect(packReport('<html><body>not allure</body></html>'), 'anything else is left alone').toBeUndefined();
});

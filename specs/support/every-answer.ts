/**
 * What every answer must satisfy wherever it arrives (SCH-01..03, VAL-04), so a schema break fails
 * the test that saw it. The fixtures hand it to the request path as the answers' inspector.
 */
import type { Answer } from '../request-path/answer';
import { isContactsRoute } from '../request-path/prices';
import { expect } from './expect';

function isContactRoute(method: string, pathname: string): boolean {
  return ['POST', 'GET', 'PATCH'].includes(method) && isContactsRoute(pathname) && !pathname.includes('/forms/');
}

function isFormsRoute(method: string, pathname: string): boolean {
  return method === 'GET' && /\/v1\/forms\/type\/[^/]+$/.test(pathname);
}

/**
 * What every answer must satisfy wherever it arrives, so a schema break fails the test that saw it.
 * Soft: the test goes on to check its own rule, and fails with both messages.
 */
export function checkEveryAnswer(answer: Answer): void {
  const { method, url, status } = answer.exchange;
  const { pathname } = new URL(url);
  expect.soft(status, `VAL-04 no request is answered with a 5xx\n${answer.describe()}`).toBeLessThan(500);
  if (status >= 200 && status < 300 && isContactRoute(method, pathname)) {
    expect
      .soft(answer, 'SCH-01/SCH-02 a 2xx contact answer is the contact envelope, timestamps UTC Z with 0-6 digits')
      .toMatchSchema('contact-answer');
  } else if (status >= 200 && status < 300 && isFormsRoute(method, pathname)) {
    expect
      .soft(answer, 'SCH-01/SCH-02 a forms answer validates against the form list schema')
      .toMatchSchema('form-list');
  } else if (status >= 400 && status < 500) {
    expect
      .soft(answer, 'SCH-03 every 4xx answer carries a problem body whose status equals the HTTP status')
      .toBeProblem(status);
  }
}

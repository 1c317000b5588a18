import { expect, test } from '@playwright/test';
import { Redactor } from '../transcript';

const TOKEN = 'tok_live_9f8e7d6c5b4a3210';
const runRedactor = new Redactor(new Map([[TOKEN, 'QOMON_TOKEN']]));

test('a credential that carries a known token leaves the token to show as its variable', () => {
  const redactor = runRedactor.withCredential(`Bearer ${TOKEN}`);
  expect(redactor.redact(`echo: Bearer ${TOKEN}, and ${TOKEN}xx`)).toBe(
    'echo: Bearer <QOMON_TOKEN>, and <QOMON_TOKEN>xx',
  );
});

test('a token cut short, case-swapped or in base64 is hidden whole and without its scheme', () => {
  const truncated = TOKEN.slice(0, -2);
  const swapped = TOKEN.toUpperCase();
  const basic = Buffer.from(`user:${TOKEN}`).toString('base64');
  for (const sent of [`Bearer ${truncated}`, `Bearer ${swapped}`, `Basic ${basic}`, truncated]) {
    const credential = sent.slice(sent.indexOf(' ') + 1);
    const echoed = runRedactor
      .withCredential(sent)
      .redact(`{"authorization":"${sent}","detail":"unknown ${credential}"}`);
    expect(echoed, sent).not.toContain(credential);
    expect(echoed).toContain('<Authorization>');
  }
});

// Timestamps to the microsecond: the module's arithmetic, and DAT-01, DAT-02, SCH-02 over HTTP.

import fc from 'fast-check';
import { manualClock } from '../rules/clock';
import { startMock } from '../http/server';
import { formatTimestamp, parseInputTimestamp, parseTimestamp } from '../rules/timestamps';
import { contactOf, envelope, expect, readBack, test } from './fixtures';
import { DATE_OF_FIRST_JOB, DATE_OF_VISIT, JOB } from './payloads';

/** SCH-02 as the mock answers it: UTC `Z` and exactly six fractional digits. */
const SIX_DIGIT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

test.describe('the timestamp arithmetic', () => {
  // Instants whose text is easy to check by hand.
  const KNOWN: readonly [string, bigint][] = [
    ['1970-01-01T00:00:00.000000Z', 0n],
    ['1970-01-01T00:00:00.000001Z', 1n],
    ['1969-12-31T23:59:59.999999Z', -1n], // before the epoch: floor, not truncation
    ['2024-07-17T11:34:42.195000Z', 1_721_216_082_195_000n],
    ['2024-02-29T00:00:00.000000Z', 1_709_164_800_000_000n],
    ['1999-12-31T23:59:59.999000Z', 946_684_799_999_000n],
    ['1955-07-06T00:00:00.000000Z', -457_315_200_000_000n],
    ['0000-01-01T00:00:00.000000Z', -62_167_219_200_000_000n],
    ['9999-12-31T23:59:59.999999Z', 253_402_300_799_999_999n],
  ];
  for (const [text, instant] of KNOWN) {
    test(`${text} is the instant ${instant} µs and back`, () => {
      expect(parseTimestamp(text), `DAT-02 ${text} parses to its instant`).toBe(instant);
      expect(formatTimestamp(instant, 6), `DAT-02 the instant ${instant} formats to ${text}`).toBe(text);
    });
  }

  test('every instant from year 0 to 9999 survives format then parse, to the microsecond', () => {
    const result = fc.check(
      fc.property(
        fc.bigInt({ min: -62_167_219_200_000_000n, max: 253_402_300_799_999_999n }),
        (instant) => parseTimestamp(formatTimestamp(instant, 6)) === instant,
      ),
      { numRuns: 2000 },
    );
    expect(result.failed, `DAT-02 the round trip keeps the instant. ${fc.defaultReportMessage(result) ?? ''}`).toBe(
      false,
    );
  });

  test('zero to six fractional digits are accepted and mean the same instant', () => {
    const expected = parseTimestamp('2024-07-17T11:34:42Z');
    for (const text of [
      '2024-07-17T11:34:42Z',
      '2024-07-17T11:34:42.0Z',
      '2024-07-17T11:34:42.000Z',
      '2024-07-17T11:34:42.000000Z',
    ]) {
      expect(parseTimestamp(text), `SCH-02 ${text} is accepted`).toBe(expected);
    }
  });

  // Texts that are not a UTC timestamp of a day that exists.
  for (const text of [
    '2023-02-29T00:00:00.000Z', // 2023 is not a leap year
    '1900-02-29T00:00:00.000Z', // 1900 is not either (divisible by 100)
    '2024-04-31T00:00:00.000Z',
    '2024-00-10T00:00:00.000Z',
    '2024-01-01T24:00:00.000Z',
    '2024-01-01T23:60:00.000Z',
    '2024-01-01T23:59:60.000Z', // no leap seconds
    '2024-01-01T00:00:00.Z',
    '2024-01-01t00:00:00.000Z',
    '2024-01-01T00:00:00.000z',
    '2024-01-01 00:00:00.000Z',
    '2024-01-01T00:00:00.000',
    '+02024-01-01T00:00:00.000Z',
    '2024-1-01T00:00:00.000Z',
  ]) {
    test(`"${text}" is not a timestamp`, () => {
      expect(parseTimestamp(text), `DAT-01 "${text}" is refused`).toBeUndefined();
    });
  }

  test('2000-02-29 exists: a year divisible by 400 is a leap year', () => {
    expect(parseTimestamp('2000-02-29T12:00:00.000Z'), 'the leap day of 2000 parses').toBeDefined();
  });

  test('an input timestamp has exactly three fractional digits', () => {
    expect(parseInputTimestamp('2024-07-17T11:34:42.195Z'), 'section 2: three digits are input').toBeDefined();
    for (const text of ['2024-07-17T11:34:42Z', '2024-07-17T11:34:42.19Z', '2024-07-17T11:34:42.1950Z']) {
      expect(parseInputTimestamp(text), `section 2: ${text} is not an input timestamp`).toBeUndefined();
    }
  });

  test('three digits truncate the microseconds', () => {
    expect(formatTimestamp(1_721_216_082_195_999n, 3), 'the tolerant variant truncates to milliseconds').toBe(
      '2024-07-17T11:34:42.195Z',
    );
  });
});

// DAT-01, DAT-02: millisecond input comes back as the same instant with six digits.
const ROUND_TRIPS: readonly [string, string][] = [
  ['2024-07-17T11:34:42.195Z', '2024-07-17T11:34:42.195000Z'],
  ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999000Z'], // a leap day
  ['1999-12-31T23:59:59.999Z', '1999-12-31T23:59:59.999000Z'], // the last millisecond of a year
  ['2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000000Z'],
];

for (const [sent, answered] of ROUND_TRIPS) {
  test(`DAT-02 ${sent} comes back as ${answered} in birthdate, an entry date and a date answer`, async ({
    api,
    contacts,
  }) => {
    const contact = await contacts.create();

    const response = await api.patch(`/contacts/${contact.id}`, {
      data: envelope({
        birthdate: sent,
        custom_fields: [
          { ...JOB, data: 'x', date: sent },
          { ...DATE_OF_FIRST_JOB, data: sent },
        ],
        formdatas: [{ ...DATE_OF_VISIT, data: sent, date: sent }],
      }),
    });
    expect(response.status(), 'DAT-01 millisecond UTC input is accepted').toBe(200);

    for (const [source, seen] of [
      ['PATCH answer', await contactOf(response)],
      ['GET', await readBack(api, contact.id)],
    ] as const) {
      expect(seen['birthdate'], `DAT-02 birthdate in the ${source}`).toBe(answered);
      expect(seen.custom_fields[0]?.date, `DAT-02 an entry's date in the ${source}`).toBe(answered);
      expect(seen.custom_fields[1]?.data, `DAT-02 a date form's data in the ${source}`).toBe(answered);
      expect(seen.formdatas[0]?.data, `DAT-02 a date form's data in formdatas in the ${source}`).toBe(answered);
      expect(seen.formdatas[0]?.date, `DAT-02 a formdatas entry's date in the ${source}`).toBe(answered);
    }
  });
}

test('DAT-02 a birthdate sent with microseconds or without a fraction keeps its exact instant', async ({
  api,
  contacts,
}) => {
  const contact = await contacts.create();

  for (const [sent, answered] of [
    ['2022-10-13T15:50:34.643724Z', '2022-10-13T15:50:34.643724Z'],
    ['1955-07-06T00:00:00Z', '1955-07-06T00:00:00.000000Z'],
  ] as const) {
    const seen = await contactOf(await api.patch(`/contacts/${contact.id}`, { data: envelope({ birthdate: sent }) }));
    expect(seen['birthdate'], `DAT-02 ${sent} comes back as ${answered}`).toBe(answered);
  }
});

test('SCH-02 server times are the injected clock to the microsecond, six digits, never back in time', async ({
  playwright,
}) => {
  const clock = manualClock(1_721_216_082_195_123n);
  const mock = await startMock({ port: 0, clock: clock.now });
  const api = await playwright.request.newContext({
    baseURL: mock.url,
    extraHTTPHeaders: { Authorization: `Bearer ${mock.tokens.space}` },
  });
  try {
    const created = await contactOf(
      await api.post('/contacts', { data: envelope({ custom_fields: [{ ...JOB, data: 'x' }] }) }),
    );
    expect(created.CreatedAt, 'SCH-02 CreatedAt is the clock, to the microsecond').toBe('2024-07-17T11:34:42.195123Z');
    expect(created.custom_fields[0]?.['created_at'], 'SCH-02 created_at is the clock').toBe(
      '2024-07-17T11:34:42.195123Z',
    );

    clock.advanceMicroseconds(1n);
    const patched = await contactOf(await api.patch(`/contacts/${created.id}`, { data: envelope({}) }));
    expect(patched.UpdatedAt, 'SCH-02 UpdatedAt moved by exactly one microsecond').toBe('2024-07-17T11:34:42.195124Z');

    clock.advanceSeconds(-3600);
    const afterClockStepsBack = await contactOf(await api.patch(`/contacts/${created.id}`, { data: envelope({}) }));
    expect(afterClockStepsBack.UpdatedAt, 'REP-03 UpdatedAt does not go back when the clock does').toBe(
      '2024-07-17T11:34:42.195124Z',
    );
    for (const value of [patched.CreatedAt, patched.UpdatedAt]) {
      expect(value, 'SCH-02 six fractional digits, UTC Z').toMatch(SIX_DIGIT_TIMESTAMP);
    }
  } finally {
    await api.dispose();
    await mock.close();
  }
});

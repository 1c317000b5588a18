/**
 * Observations (CONTRACT.md section 3, "Observations"): where the docs are silent the suite records
 * what the target does and never fails on it. These tests send through `withoutChecks()` and
 * assert nothing about the answers; what they saw is an `observation` annotation in every report.
 */
import { type Answer, type JsonObject } from '../request-path/api';
import { DIGIT_ONLY_MEMBERS, activeEntriesOf, entriesOf } from '../support/contact';
import { freeEntry, optionEntry } from '../support/forms';
import { observation, observe } from '../support/rule-catalogue';
import { test } from '../support/test';

function outcome(answer: Answer): string {
  const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
  return `${answer.status}${typeof detail === 'string' ? ` (${detail.slice(0, 120)})` : ''}`;
}

test(
  'OBSERVE which reading of the entry rules (section 4) the target follows',
  observation('the reading probe'),
  async ({ api, contacts, forms, runConfig }) => {
    const text = forms.anyOf('text');
    const { id } = await contacts.create(contacts.everyField({ [text.list]: [freeEntry(text, 'Architect')] }));
    // T:a then T:b: replace keeps T:b alone, merge keeps T:a and T:b (the row where the readings part).
    const answer = await api
      .withoutChecks()
      .patchContact(id, contacts.everyField({ [text.list]: [freeEntry(text, 'Teacher')] }));
    const active = activeEntriesOf(answer.contact, text.list)
      .filter((entry) => entry.form_id === text.id)
      .map((entry) => String(entry.data))
      .sort();
    const reading =
      active.join() === 'Teacher'
        ? 'replace'
        : active.join() === 'Architect,Teacher'
          ? 'merge'
          : `neither (active after T:a then T:b: ${JSON.stringify(active)}, status ${answer.status})`;
    observe(test.info(), 'entry reading', `${reading}; configured QOMON_ENTRY_READING=${runConfig.entryReading}`);
    test.info().annotations.push({ type: 'reading', description: reading });
  },
);

test(
  'OBSERVE the status for contact id -1 versus abc',
  observation('status chosen for -1 versus abc'),
  async ({ api, contacts }) => {
    const negative = await api.withoutChecks().patchContact('-1', contacts.everyField());
    const letters = await api.withoutChecks().patchContact('abc', contacts.everyField());
    observe(test.info(), 'status for contact id -1 / abc', `${negative.status} / ${letters.status}`);
  },
);

test(
  'OBSERVE whether soft-deleted entries are listed with deleted_at or omitted',
  observation('soft-deleted entries listed or omitted'),
  async ({ api, contacts, forms }) => {
    const text = forms.anyOf('text');
    const { id } = await contacts.create(contacts.everyField({ [text.list]: [freeEntry(text, 'Architect')] }));
    const answer = await api.withoutChecks().patchContact(id, contacts.everyField());
    const read = await api.withoutChecks().getContact(id);
    const listed = entriesOf(read.contact, text.list).filter(
      (entry) => entry.deleted_at !== undefined && entry.deleted_at !== null,
    );
    observe(
      test.info(),
      'soft-deleted entries',
      listed.length ? `listed with deleted_at (${listed.length} on GET)` : `omitted (PATCH ${answer.status})`,
    );
  },
);

for (const body of [{}, { data: {} }]) {
  test(
    `OBSERVE what a PATCH with the body ${JSON.stringify(body)} does`,
    observation('whether {} or {"data":{}} is accepted and what it does'),
    async ({ api, contacts }) => {
      const { id } = await contacts.create();
      const answer = await api.withoutChecks().send('PATCH', `contacts/${id}`, { body });
      const read = await api.withoutChecks().getContact(id);
      const firstname = read.contact.firstname;
      observe(
        test.info(),
        `PATCH ${JSON.stringify(body)}`,
        `${outcome(answer)}; firstname afterwards ${JSON.stringify(firstname)}`,
      );
    },
  );
}

test(
  'OBSERVE what an unknown form_id and a form_ref_id of another form do',
  observation('unknown form_id or a form_ref_id of another form'),
  async ({ api, contacts, forms }) => {
    const text = forms.anyOf('text');
    const other = forms.catalogue.forms.find((form) => form.list === text.list && form.id !== text.id);
    const { id } = await contacts.create();
    const unknownForm = await api
      .withoutChecks()
      .patchContact(
        id,
        contacts.everyField({ [text.list]: [{ form_id: 2_147_483_000, form_ref_id: 2_147_483_000, data: 'x' }] }),
      );
    observe(test.info(), 'unknown form_id', outcome(unknownForm));
    if (other) {
      const foreignRef = await api
        .withoutChecks()
        .patchContact(
          id,
          contacts.everyField({ [text.list]: [{ ...freeEntry(text, 'x'), form_ref_id: other.refvalues[0]?.id ?? 0 }] }),
        );
      observe(test.info(), `form_ref_id of form ${other.id} sent for form ${text.id}`, outcome(foreignRef));
    }
  },
);

test(
  'OBSERVE whether UpdatedAt moves on a PATCH that changes nothing',
  observation('UpdatedAt on a no-op PATCH'),
  async ({ api, contacts }) => {
    const sent = contacts.everyField();
    const { id, created } = await contacts.create(sent);
    const again = await api.withoutChecks().patchContact(id, sent);
    observe(
      test.info(),
      'UpdatedAt on a PATCH that changes nothing',
      created.contact.UpdatedAt === again.contact.UpdatedAt
        ? 'unchanged'
        : `moved from ${String(created.contact.UpdatedAt)} to ${String(again.contact.UpdatedAt)}`,
    );
  },
);

test(
  'OBSERVE whether two identical text entries sent together are both kept',
  observation('two identical text entries sent together'),
  async ({ api, contacts, forms }) => {
    const text = forms.anyOf('text');
    const { id } = await contacts.create();
    const answer = await api
      .withoutChecks()
      .patchContact(
        id,
        contacts.everyField({ [text.list]: [freeEntry(text, 'Architect'), freeEntry(text, 'Architect')] }),
      );
    const kept = activeEntriesOf(answer.contact, text.list).filter((entry) => entry.form_id === text.id).length;
    observe(test.info(), 'two identical text entries sent together', `${answer.status}; ${kept} active`);
  },
);

// Issue 14 asks for lists omitted, null and []; the contract names what omitted and [] do (ENT-02,
// ENT-07) and is silent on null, so null is recorded here rather than drawn into the rules' tests.
test(
  'OBSERVE what an entry list sent as null does to its entries',
  observation('an entry list sent as null'),
  async ({ api, contacts, forms }) => {
    const text = forms.anyOf('text');
    const { id } = await contacts.create(contacts.minimal({ [text.list]: [freeEntry(text, 'Architect')] }));
    const answer = await api.withoutChecks().patchContact(id, { ...contacts.minimal(), [text.list]: null });
    const read = await api.withoutChecks().getContact(id);
    const active = activeEntriesOf(read.contact, text.list).length;
    const reading = answer.status >= 300 ? 'refused' : active === 0 ? 'read as cleared' : 'read as left alone';
    observe(
      test.info(),
      `${text.list}: null`,
      `${outcome(answer)}; ${active} of its 1 entry active afterwards (${reading})`,
    );
  },
);

test(
  'OBSERVE the date a server gives an entry sent without one',
  observation('date of an entry sent without one'),
  async ({ api, contacts, forms }) => {
    const text = forms.anyOf('text');
    const { id } = await contacts.create();
    const answer = await api
      .withoutChecks()
      .patchContact(id, contacts.everyField({ [text.list]: [freeEntry(text, 'Architect')] }));
    const entry = activeEntriesOf(answer.contact, text.list).find((candidate) => candidate.form_id === text.id);
    observe(
      test.info(),
      'date of an entry sent without one',
      `${JSON.stringify(entry?.date)} (UpdatedAt ${String(answer.contact.UpdatedAt)})`,
    );
  },
);

test('OBSERVE whether an invalid mail is rejected', observation('invalid mail'), async ({ api, contacts }) => {
  const { id } = await contacts.create();
  const answer = await api.withoutChecks().patchContact(id, contacts.everyField({ mail: 'not-an-address' }));
  observe(test.info(), 'mail "not-an-address"', outcome(answer));
});

test(
  'OBSERVE the name of the custom fields list in answers and the rate-limit headers sent',
  observation('response list name; rate-limit headers'),
  async ({ contacts }) => {
    const { created } = await contacts.create();
    const name =
      'custom_fields' in created.contact
        ? 'custom_fields'
        : 'customfields' in created.contact
          ? 'customfields (older name)'
          : 'neither';
    observe(test.info(), 'custom fields list name', name);
    const headers = Object.keys(created.exchange.responseHeaders).filter((header) =>
      /ratelimit|retry-after/i.test(header),
    );
    observe(test.info(), 'rate-limit headers', headers.length ? headers.join(', ') : 'none');
  },
);

test(
  'OBSERVE what happens to action_ids, user_contact_id and notes',
  observation('action_ids, user_contact_id and notes'),
  async ({ api, contacts }) => {
    const { id } = await contacts.create();
    const answer = await api.withoutChecks().patchContact(id, { ...contacts.everyField(), action_ids: [], notes: [] });
    const seen = ['action_ids', 'user_contact_id', 'notes']
      .map((field) => `${field}=${JSON.stringify(answer.contact[field])}`)
      .join(', ');
    observe(test.info(), 'action_ids: [] and notes: [] sent', `${answer.status}; ${seen}`);
  },
);

test(
  'OBSERVE whether a numeric answer that is not an integer, or a radio answer unlike its option value, is rejected',
  observation('non-integer numeric; radio data unlike the option value'),
  async ({ api, contacts, forms }) => {
    const numeric = forms.catalogue.findAny('numeric');
    const radio = forms.catalogue.findAny('radio');
    test.skip(!numeric && !radio, 'the target has neither a numeric nor a radio form');
    const { id } = await contacts.create();
    if (numeric) {
      const answer = await api
        .withoutChecks()
        .patchContact(id, contacts.everyField({ [numeric.list]: [freeEntry(numeric, '3.5')] }));
      observe(test.info(), 'numeric answer "3.5"', outcome(answer));
    }
    if (radio) {
      const answer = await api
        .withoutChecks()
        .patchContact(id, contacts.everyField({ [radio.list]: [{ ...optionEntry(radio, 0), data: 'not-the-value' }] }));
      observe(test.info(), 'radio answer whose data is not the option value', outcome(answer));
    }
  },
);

test(
  'OBSERVE whether digit-only address members come back as numbers',
  observation('digit-only address members as numbers'),
  async ({ api, contacts }) => {
    const sent = contacts.everyField();
    const { id } = await contacts.create(sent);
    const answer = await api.withoutChecks().patchContact(id, sent);
    const address = answer.contact.address;
    const seen = DIGIT_ONLY_MEMBERS.map((member) => {
      const value = address && typeof address === 'object' ? (address as JsonObject)[member] : undefined;
      return `${member} ${JSON.stringify(sent.address?.[member])} -> ${JSON.stringify(value)} (${typeof value})`;
    });
    observe(test.info(), 'digit-only address members', `${answer.status}; ${seen.join(', ')}`);
  },
);

test(
  'OBSERVE whether age_category follows birthdate',
  observation('age_category and birthdate'),
  async ({ api, contacts }) => {
    const { id } = await contacts.create();
    // The docs call age_category a bracket (0-6 by default, customisable); a server may derive it.
    const birthdate = '1955-07-06T00:00:00.000Z';
    const withBoth = await api.withoutChecks().patchContact(id, contacts.everyField({ birthdate, age_category: 1 }));
    const withoutCategory = contacts.everyField({ birthdate });
    delete withoutCategory.age_category;
    const withBirthdateOnly = await api.withoutChecks().patchContact(id, withoutCategory);
    observe(
      test.info(),
      `age_category with birthdate ${birthdate}`,
      `age_category 1 sent -> ${JSON.stringify(withBoth.contact.age_category)} (${withBoth.status}); ` +
        `left out -> ${JSON.stringify(withBirthdateOnly.contact.age_category)} (${withBirthdateOnly.status})`,
    );
  },
);

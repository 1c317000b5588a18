// Wrong handling of values for the fault zoo (issue 14, dimension "values"): text a server damages
// on the way to storage (REP-01) and free answers it damages or drops (ENT-03). Each wraps a
// reference function and gets one thing wrong; each shows only for some values (spaces, a
// decomposed letter, a four-byte character, upper case, 0, a number past 32 bits).

import { ADDRESS_MEMBERS, STRING_FIELDS, type ContactFields } from '../rules/contact-shape';
import { applyContactWrite } from '../rules/contacts';
import { keepEntriesByFormRules, type EntryDraft } from '../rules/entries';
import type { RuleSet } from '../rules/seams';

type ApplyContactWrite = RuleSet['applyContactWrite'];

/** The reference write, with `change` applied to every string field and address member as stored. */
function storingTextAs(change: (text: string) => string): ApplyContactWrite {
  return (previous, write, context) => {
    const contact = applyContactWrite(previous, write, context);
    const fields: Record<string, unknown> = { ...contact.fields };
    for (const field of STRING_FIELDS) {
      const value = contact.fields[field];
      if (typeof value === 'string') fields[field] = change(value);
    }
    const address = contact.fields.address;
    if (address !== null) {
      fields['address'] = Object.fromEntries(
        ADDRESS_MEMBERS.map((member) => [member, address[member] === null ? null : change(address[member] as string)]),
      );
    }
    return { ...contact, fields: fields as unknown as ContactFields };
  };
}

/** REP-01: every string is trimmed before it is stored (a `@Trim` on the DTO, or `strip()` in a serializer). */
export const trimmingStrings: ApplyContactWrite = storingTextAs((text) => text.trim());

/** REP-01: characters outside the BMP are lost (a MySQL `utf8` column, which holds three bytes a character). */
export const droppingAstralCharacters: ApplyContactWrite = storingTextAs((text) =>
  text.replace(/[\u{10000}-\u{10FFFF}]/gu, ''),
);

/** REP-01: every string is normalised to NFC before it is stored ("to compare names reliably"). */
export const normalisingToNfc: ApplyContactWrite = storingTextAs((text) => text.normalize('NFC'));

/** REP-01: the mail is lower-cased before it is stored ("mails are case-insensitive"). */
export const lowerCasingMail: ApplyContactWrite = (previous, write, context) => {
  const contact = applyContactWrite(previous, write, context);
  const mail = contact.fields.mail;
  return mail === null ? contact : { ...contact, fields: { ...contact.fields, mail: mail.toLowerCase() } };
};

/** The reference keeping, after `change` rewrote or dropped (undefined) each draft. */
function keepingDraftsAs(change: (draft: EntryDraft) => EntryDraft | undefined): RuleSet['keepEntries'] {
  return (drafts) =>
    keepEntriesByFormRules(drafts.map(change).filter((draft): draft is EntryDraft => draft !== undefined));
}

function textOf(draft: EntryDraft): string | undefined {
  return draft.data.kind === 'text' ? draft.data.text : undefined;
}

/** ENT-03: a text answer is trimmed before it is stored, so " Pilot " comes back "Pilot". */
export const trimmingTextAnswers = keepingDraftsAs((draft) => {
  const text = textOf(draft);
  return draft.form.type === 'text' && text !== undefined
    ? { ...draft, data: { kind: 'text', text: text.trim() } }
    : draft;
});

/** ENT-03: a numeric answer `0` is dropped (`if (Number(data))` where `data !== ''` was meant). */
export const droppingZeroAnswers = keepingDraftsAs((draft) =>
  draft.form.type === 'numeric' && textOf(draft) === '0' ? undefined : draft,
);

/** ENT-03: numeric answers are stored in a 32-bit integer column: 2147483648 comes back -2147483648. */
export const storingNumericAnswersInInt32 = keepingDraftsAs((draft) => {
  const text = textOf(draft);
  return draft.form.type === 'numeric' && text !== undefined
    ? { ...draft, data: { kind: 'text', text: String(Number(text) | 0) } }
    : draft;
});

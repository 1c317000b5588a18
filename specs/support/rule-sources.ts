/**
 * Where each rule of the catalogue comes from in Qomon's docs, for the rule book: the line quoted
 * word for word from the page the project started from (`../shared/seed/`, the text of "Update
 * contact by ID") or from a quotation in the background notes (`../shared/contract/qomon-api-notes.md`),
 * and where it stands. A rule the docs only imply, or where they are silent and the contract made a
 * choice, has no quote: `where` says so instead. specs/support/tests/rule-sources.test.ts checks that
 * every quote is in those files, so none can be invented or drift.
 */
import type { RuleId } from './rule-catalogue';

export interface RuleSource {
  /** Words of Qomon's docs, exactly as they appear in the seed page or quoted in the notes. */
  quote?: string;
  /** The page and section the quote is from, or why there is none. */
  where: string;
}

const UPDATE_PAGE = 'Update contact by ID (developers.qomon.com)';
const PUT_LINE = 'Fully replace an existing contact in the Qomon database (behaves like PUT).';
const TIMESTAMP_FORMATS =
  "(input format:YYYY-MM-DD'T'HH:mm:ss.SSS'Z'; responses may return up to microsecond precision:YYYY-MM-DD'T'HH:mm:ss.SSSSSS'Z')";
const SOFT_DELETE_LINE =
  'If you don’t send the exhaustive list of formdatas or custom_fields, the missing ones will be deleted (soft).';
const BEARER_LINE = 'Pass the token in the Authorization header as Bearer <token>.';

export const RULE_SOURCES: Record<RuleId, RuleSource> = {
  'SCH-01': {
    quote: 'Successful operation',
    where:
      'the 200 answer of the v1.1.0 OpenAPI file behind the older docs, whose body is the contact envelope (notes §1.6)',
  },
  'SCH-02': { quote: TIMESTAMP_FORMATS, where: `${UPDATE_PAGE}, formdatas and custom_fields` },
  'SCH-03': {
    where:
      'no line of the PATCH page: its error section is not in the docs captured; the problem-details model is shown on the upsert page (notes §1.7)',
  },
  'REP-01': { quote: PUT_LINE, where: `${UPDATE_PAGE}, summary` },
  'REP-02': { quote: PUT_LINE, where: `${UPDATE_PAGE}, summary` },
  'REP-03': {
    where: 'implied by the full replace; the docs do not say which fields are server-owned (notes §5, question 9)',
  },
  'REP-04': { where: 'implied by the full replace: the docs show no answer of the PATCH (notes §1.6)' },
  'ENT-01': {
    quote:
      'Each patch will generate new ids for formdatas and custom_fields. (due to the full replace behavior: soft delete + recreate)',
    where: `${UPDATE_PAGE}, notes on formdatas and custom_fields`,
  },
  'ENT-02': { quote: SOFT_DELETE_LINE, where: `${UPDATE_PAGE}, notes on formdatas and custom_fields` },
  'ENT-03': {
    quote:
      'For Text, Integer and Date Fields, if you add a formdata or custom_field, it will be added to the existing ones.',
    where: `${UPDATE_PAGE}, notes on formdatas and custom_fields`,
  },
  'ENT-04': {
    quote: 'For Radio (single select), if you add a formdata or custom_field, it will replace the existing ones.',
    where: `${UPDATE_PAGE}, notes on formdatas and custom_fields`,
  },
  'ENT-05': {
    quote: 'For Checkbox (multi-select) fields, any new value will be added to the existing ones.',
    where: `${UPDATE_PAGE}, notes on formdatas and custom_fields`,
  },
  'ENT-06': {
    quote:
      'If you change a formdata or custom_field, it will update it. (the id is not required here because of the full-replace behavior).',
    where: `${UPDATE_PAGE}, notes on formdatas and custom_fields`,
  },
  'ENT-07': { quote: SOFT_DELETE_LINE, where: `${UPDATE_PAGE}, notes on formdatas and custom_fields` },
  'DAT-01': { quote: TIMESTAMP_FORMATS, where: `${UPDATE_PAGE}, formdatas and custom_fields` },
  'DAT-02': { quote: TIMESTAMP_FORMATS, where: `${UPDATE_PAGE}, formdatas and custom_fields` },
  'AUT-01': { quote: BEARER_LINE, where: `${UPDATE_PAGE}, Authorizations` },
  'AUT-02': { quote: BEARER_LINE, where: `${UPDATE_PAGE}, Authorizations` },
  'AUT-03': {
    where:
      'implied: the older docs derive the space from the token; the status for a foreign contact is not documented (notes §1.3)',
  },
  'PTH-01': { quote: 'Required range: x >= 0', where: `${UPDATE_PAGE}, path parameter contactId` },
  'PTH-02': { where: 'not documented: the status for a missing contact is assumed (notes §5, question 2)' },
  'VAL-01': { quote: 'application/json', where: `${UPDATE_PAGE}, Body` },
  'VAL-02': { where: 'not documented: the docs list no validation error for the PATCH (notes §5, question 3)' },
  'VAL-03': { where: 'implied by a synchronous full replace; not documented (notes §5, question 3)' },
  'VAL-04': { where: 'not documented: no 5xx is listed for the PATCH; a client cannot act on one (notes §1.7)' },
  'RAT-01': {
    quote: 'This synchronous endpoint costs 5 rate-limit tokens per request.',
    where: `${UPDATE_PAGE}, summary`,
  },
  'RAT-02': { where: 'not documented: the 429 answer and Retry-After are not in the docs (notes §1.8)' },
};

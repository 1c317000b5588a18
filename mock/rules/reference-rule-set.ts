// The reference rule set: the functions of the modules that define the rules, gathered in the one
// object (seams.ts, RuleSet) through which the mock calls them, so a fault can swap one.

import type { RuleSet } from './seams';
import { authenticate } from './auth';
import { applyContactWrite, parseContactId, parseContactRequest, renderContact } from './contacts';
import { keepEntriesByFormRules, supersedeEntries } from './entries';
import { meter } from './metering';
import { replaceContact } from './operations';
import { readJsonBody } from './request-body';
import { route } from './routing';

export const REFERENCE_RULES: RuleSet = {
  authenticate,
  route,
  meter,
  parseContactId,
  readJsonBody,
  parseContactRequest,
  keepEntries: (drafts) => keepEntriesByFormRules(drafts),
  supersedeEntries,
  applyContactWrite,
  replaceContact,
  renderContact,
  writeJson: (body) => JSON.stringify(body),
};

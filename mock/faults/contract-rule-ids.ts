// The rule ids of CONTRACT.md section 3 with their levels, as the mock names them (the mock imports
// nothing from the suite; mock/tests/faults.test.ts checks this list against the contract).

export const CONTRACT_RULES = {
  'SCH-01': 'MUST',
  'SCH-02': 'MUST',
  'SCH-03': 'MUST',
  'REP-01': 'MUST',
  'REP-02': 'MUST',
  'REP-03': 'SHOULD',
  'REP-04': 'MUST',
  'ENT-01': 'MUST',
  'ENT-02': 'MUST',
  'ENT-03': 'MUST',
  'ENT-04': 'MUST',
  'ENT-05': 'MUST',
  'ENT-06': 'MUST',
  'ENT-07': 'MUST',
  'DAT-01': 'MUST',
  'DAT-02': 'MUST',
  'AUT-01': 'MUST',
  'AUT-02': 'MUST',
  'AUT-03': 'MUST',
  'PTH-01': 'SHOULD',
  'PTH-02': 'MUST',
  'VAL-01': 'MUST',
  'VAL-02': 'MUST',
  'VAL-03': 'MUST',
  'VAL-04': 'MUST',
  'RAT-01': 'MUST',
  'RAT-02': 'SHOULD',
} as const satisfies Record<string, 'MUST' | 'SHOULD'>;

export type ContractRuleId = keyof typeof CONTRACT_RULES;
export const CONTRACT_RULE_IDS = Object.keys(CONTRACT_RULES) as ContractRuleId[];

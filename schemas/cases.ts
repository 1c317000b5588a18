/**
 * Loads schemas/cases/*.cases.json: instances marked valid or invalid against one schema or one
 * timestamp format, after the JSON-Schema-Test-Suite. Case files are data, so each one is
 * validated against cases/cases.schema.json when it is loaded; a malformed file throws an error
 * that names the file and every violation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CustomFormatName } from './formats';
import {
  formatViolations,
  validate,
  validateCaseFile,
  validateFormat,
  type SchemaName,
  type Violation,
} from './registry';

export const CASES_DIR = path.join(__dirname, 'cases');
const CASE_FILE_SUFFIX = '.cases.json';
const FORMAT_PREFIX = 'format:';

/** What a group is checked against: a schema by name, or one custom format. */
export type CaseTarget = SchemaName | `${typeof FORMAT_PREFIX}${CustomFormatName}`;

export interface SchemaCase {
  description: string;
  data: unknown;
  valid: boolean;
}

export interface CaseGroup {
  description: string;
  /** The CONTRACT.md rule id the group serves; expectation messages start with it. */
  rule: string;
  schema: CaseTarget;
  tests: SchemaCase[];
}

export interface CaseFile {
  /** Path relative to schemas/, for titles and messages. */
  file: string;
  groups: CaseGroup[];
}

// The description's own claim ("… is invalid") must agree with `valid`, so a copied case whose
// flag was flipped but whose sentence was not cannot pass unnoticed.
const CLAIM = / (?:is|are) (in)?valid\b/;

function claimMismatches(groups: readonly CaseGroup[]): string[] {
  return groups.flatMap((group) =>
    group.tests
      .filter((instance) => {
        const claim = CLAIM.exec(instance.description);
        return claim !== null && (claim[1] === undefined) !== instance.valid;
      })
      .map(
        (instance) =>
          `"${group.description}" / "${instance.description}": the sentence disagrees with "valid": ${instance.valid}`,
      ),
  );
}

/** Reads and checks one case file; throws naming the file when it is not JSON or not a valid case file. */
export function loadCaseFile(file: string): CaseFile {
  const relative = path.relative(__dirname, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`case file ${relative} is not readable JSON: ${(error as Error).message}`);
  }
  const violations = validateCaseFile(parsed);
  if (violations.length > 0) {
    throw new Error(`case file ${relative} does not match cases/cases.schema.json:\n${formatViolations(violations)}`);
  }
  const groups = parsed as CaseGroup[];
  const mismatches = claimMismatches(groups);
  if (mismatches.length > 0) throw new Error(`case file ${relative}:\n${mismatches.join('\n')}`);
  return { file: relative, groups };
}

/** Every *.cases.json in `dir` (default schemas/cases/), in name order; throws if there is none. */
export function loadCaseFiles(dir: string = CASES_DIR): CaseFile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(CASE_FILE_SUFFIX))
    .sort();
  if (files.length === 0) throw new Error(`no *${CASE_FILE_SUFFIX} file in ${dir}`);
  return files.map((name) => loadCaseFile(path.join(dir, name)));
}

/** The violations of `data` against a group's target (schema or format); empty means valid. */
export function violationsFor(target: CaseTarget, data: unknown): Violation[] {
  return target.startsWith(FORMAT_PREFIX)
    ? validateFormat(target.slice(FORMAT_PREFIX.length) as CustomFormatName, data)
    : validate(target as SchemaName, data);
}

/**
 * What identifies one run and where it writes: the run marker every contact of the run carries,
 * and the reports directory its ledgers live in.
 */
import path from 'node:path';

/**
 * Marks every contact of this run (CONTRACT.md leaves cleanup to the suite: it must find its own).
 * Set once in the Playwright runner, which loads the specs before it starts any worker: the workers
 * inherit it through the environment, so every worker of a run shares it.
 */
export const RUN_ID = (process.env.QOMON_RUN_ID ??= `${Date.now().toString(36)}${process.pid.toString(36)}`);
export const RUN_MARKER = `qct-${RUN_ID}`;

const REPOSITORY = path.resolve(__dirname, '..', '..');

/** REPORTS_DIR (default `reports`), relative to the repository like playwright.config.ts's outputDir. */
export function reportsDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(REPOSITORY, env.REPORTS_DIR || 'reports');
}

/**
 * Validates the environment of a run before Playwright starts (Playwright alone takes about a
 * second to load): a wrong configuration stops the run at once with one line saying what to fix.
 */
import { ConfigError, loadRunConfig } from '../specs/support/config';

try {
  loadRunConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`configuration error: ${error.message}\n`);
  process.exit(2);
}

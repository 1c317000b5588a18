/**
 * Validates the environment of a run before Playwright starts (Playwright alone takes about a
 * second to load): a wrong configuration stops the run at once with one line saying what to fix.
 */
import { loadRunConfigOrExit } from '../specs/request-path/config';

loadRunConfigOrExit();

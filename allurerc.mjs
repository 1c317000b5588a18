/**
 * Allure 3 (pure JS, no Java): `npm run report` turns <REPORTS_DIR>/allure-results into one
 * self-contained HTML file, <REPORTS_DIR>/allure-report/index.html, that opens from disk offline.
 * Tests are grouped as the contract is: area (epic), rule (feature), rule text (story).
 */
import { defineConfig } from 'allure';

const reportsDir = process.env.REPORTS_DIR ?? 'reports';

export default defineConfig({
  name: 'Qomon PATCH /contacts/{contactId} conformance',
  resultsDir: `${reportsDir}/allure-results`,
  output: `${reportsDir}/allure-report`,
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: 'en',
        groupBy: ['epic', 'feature'],
      },
    },
  },
});

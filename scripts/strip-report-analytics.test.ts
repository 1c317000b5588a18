/**
 * The Allure report opens offline and tells no one: the analytics tag of Allure's template goes,
 * the report's own inline scripts stay, and any other external asset is named.
 */
import { expect, test } from '@playwright/test';
import { externalAsset, stripAnalytics } from './strip-report-analytics';

// As Allure 3.18's Awesome template writes it (plugin-awesome/dist/generators.js).
const ANALYTICS = `
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-LNDJ3J7WT0', {
          "report": "awesome",
          "allureVersion": "3.18.0",
          "reportUuid": "0b6c",
          "single_file": "true"
        });
    </script>`;
const OWN_SCRIPTS =
  '<script>window.allure = window.allure || {};</script><script src="data:text/javascript;base64,Ly8="></script>';
const PAGE = `<html><body><div id="app"></div>${OWN_SCRIPTS}${ANALYTICS}<script async>window.allureReportData = {};</script></body></html>`;

test('the analytics tag is removed and the report keeps its own scripts', () => {
  const stripped = stripAnalytics(PAGE);
  expect(stripped, 'no Google tag is left').not.toContain('googletagmanager');
  expect(stripped, 'no gtag call is left').not.toContain('gtag(');
  expect(stripped, "the report's own scripts stay").toContain(OWN_SCRIPTS);
  expect(stripped, 'the report data stays').toContain('window.allureReportData = {};');
  expect(externalAsset(stripped), 'nothing external is left').toBeUndefined();
});

test('an external asset left in the page is named', () => {
  expect(
    externalAsset('<link rel="stylesheet" href="https://fonts.example.com/a.css">'),
    'a stylesheet from another host',
  ).toContain('fonts.example.com');
  expect(externalAsset(PAGE), 'the page before stripping').toContain('googletagmanager');
});

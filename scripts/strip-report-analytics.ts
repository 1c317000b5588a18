/**
 * Allure 3's Awesome template always adds a Google Analytics tag (googletagmanager.com) to the
 * report. A conformance report must open offline and tell no one it was opened, so `npm run report`
 * removes the tag from <REPORTS_DIR>/allure-report/index.html right after `allure generate`, and
 * fails if any other external script or stylesheet remains.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ANALYTICS =
  /\s*<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js[^"]*"><\/script>\s*<script>[^<]*?gtag\('config'[^<]*?<\/script>/;
const EXTERNAL_ASSET = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?\/\/[^"]*"/i;

export function stripAnalytics(html: string): string {
  return html.replace(ANALYTICS, '');
}

export function externalAsset(html: string): string | undefined {
  return html.match(EXTERNAL_ASSET)?.[0];
}

if (require.main === module) {
  const file = path.join(process.env.REPORTS_DIR ?? 'reports', 'allure-report', 'index.html');
  const html = stripAnalytics(readFileSync(file, 'utf8'));
  writeFileSync(file, html);
  const external = externalAsset(html);
  if (external) {
    process.stderr.write(`${file} still loads an external asset: ${external.slice(0, 160)}\n`);
    process.exit(1);
  }
}

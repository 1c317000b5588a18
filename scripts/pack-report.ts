/**
 * Packs Allure's single-file report: its app (a 2.7 MB script, embedded as 3.6 MB of base64) and
 * its data go into the page gzipped, and a few lines of script unpack them in the browser
 * (DecompressionStream) before they run, in the order the page had them: data, then the app. The
 * page stays one file that opens from disk with no network, at about a third of its size (issue 15:
 * at most 2 MB for a full run on the mock). The browser check opens the packed page in Chromium.
 *
 * Allure hands each data file to `d(path, base64)`; base64 hides JSON's repetitions from gzip, so
 * each file that is UTF-8 text travels as its text and is turned back into base64 as the page
 * loads (TO_BASE64): the data shrinks to about a third again.
 */
import { gzipSync } from 'node:zlib';

const APP = /<script\s+src="data:text\/javascript;base64,([A-Za-z0-9+/=]+)"\s*><\/script>/;
const DATA = /<script defer>(\s*Promise\.allSettled\(\[d\([\s\S]*?)<\/script>/;

/** The page's helper that gives Allure's `d()` its base64 back from the text of a data file. */
export const TO_BASE64_NAME = '__allurePackedBase64';
export const TO_BASE64 = `function ${TO_BASE64_NAME}(text) {
  var bytes = new TextEncoder().encode(text), binary = '';
  for (var i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
  return btoa(binary);
}`;

const DATA_FILE = /d\("([^"\\]*)","([A-Za-z0-9+/=]*)"\)/g;

/** `d("path","base64")` as `d("path",__allurePackedBase64("text"))` for each data file that is UTF-8 text. */
export function dataAsText(source: string): string {
  return source.replace(DATA_FILE, (call, file: string, base64: string) => {
    const bytes = Buffer.from(base64, 'base64');
    const text = bytes.toString('utf8');
    // Only what comes back byte for byte: anything else (an image, say) stays base64.
    if (Buffer.from(text, 'utf8').toString('base64') !== base64) return call;
    return `d(${JSON.stringify(file)},${TO_BASE64_NAME}(${JSON.stringify(text).replace(/<\//g, '<\\/')}))`;
  });
}

/** Runs each packed script in turn; each is a classic script again once unpacked. */
const UNPACK = `<script>
${TO_BASE64}
(async function () {
  async function unpack(packed) {
    var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }
  for (var id of ['packed-allure-data', 'packed-allure-app']) {
    var script = document.createElement('script');
    script.textContent = await unpack(document.getElementById(id).textContent);
    document.body.appendChild(script);
  }
})();
</script>`;

function packed(id: string, source: string): string {
  // A non-JavaScript type: the browser keeps the base64 as text and never runs it.
  return `<script type="application/gzip+base64" id="${id}">${gzipSync(source, { level: 9 }).toString('base64')}</script>`;
}

/** The packed page, or undefined when the page is not the single-file report this expects. */
export function packReport(html: string): string | undefined {
  const app = html.match(APP);
  const data = html.match(DATA);
  if (!app || !data) return undefined;
  const appSource = Buffer.from(app[1]!, 'base64').toString('utf8');
  const unpacked = html.replace(app[0], '').replace(data[0], '');
  const at = unpacked.lastIndexOf('</body>');
  return `${unpacked.slice(0, at)}${packed('packed-allure-data', dataAsText(data[1]!))}\n${packed('packed-allure-app', appSource)}\n${UNPACK}\n${unpacked.slice(at)}`;
}

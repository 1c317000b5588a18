// Test-only, preloaded with `node --require` into a run the guard test starts (NODE_OPTIONS, so the
// Playwright workers load it too). It makes one host name resolve to 127.0.0.1: GUARD_TEST_HOST,
// under the .invalid top-level domain, which never resolves anywhere (RFC 6761). Without it, a guard
// bug would only meet a DNS error; with it, the bug reaches the test's counting socket, so "no
// connection" proves that no request was made. Every other name resolves as usual, and the only
// address this file ever hands out is loopback.
'use strict';
const dns = require('node:dns');

const host = process.env.GUARD_TEST_HOST;
const LOOPBACK = { address: '127.0.0.1', family: 4 };

if (host) {
  const lookup = dns.lookup;
  dns.lookup = function lookupWithGuardTestHost(hostname, options, callback) {
    if (hostname !== host) return lookup.apply(this, arguments);
    const done = typeof options === 'function' ? options : callback;
    const all = typeof options === 'object' && options !== null && options.all;
    process.nextTick(() => (all ? done(null, [LOOPBACK]) : done(null, LOOPBACK.address, LOOPBACK.family)));
  };
  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = async function lookupWithGuardTestHost(hostname, options) {
    if (hostname !== host) return promisesLookup.call(this, hostname, options);
    const family = typeof options === 'object' && options !== null ? options.family : options;
    if (family === 6)
      return typeof options === 'object' && options.all
        ? []
        : Promise.reject(Object.assign(new Error(`no IPv6 address for ${hostname}`), { code: 'ENOTFOUND' }));
    return typeof options === 'object' && options !== null && options.all ? [LOOPBACK] : LOOPBACK;
  };
}

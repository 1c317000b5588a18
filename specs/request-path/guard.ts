/**
 * The target guard, written once: the suite creates, patches and deletes contacts, so it talks only
 * to loopback or to a host listed in QOMON_ALLOWED_HOSTS. config.ts refuses such a QOMON_BASE_URL
 * before the run starts; traffic.ts holds the same line right before each request leaves, for a URL
 * that did not come from QOMON_BASE_URL (an absolute URL in a spec, a script with its own base URL).
 * A leaf: it says why a target is refused, and its callers throw their own error.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase();
  return LOOPBACK_HOSTS.has(bare) || /^127(\.\d{1,3}){3}$/.test(bare);
}

export function isWritableHost(host: string, allowedHosts: readonly string[]): boolean {
  const bare = host.toLowerCase();
  return isLoopbackHost(bare) || allowedHosts.includes(bare);
}

/** Why the suite may not write to `url`, or undefined when it may. */
export function targetRefusal(url: URL, allowedHosts: readonly string[]): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} is not http or https`;
  const host = url.hostname.toLowerCase();
  if (isWritableHost(host, allowedHosts)) return undefined;
  return `host "${host}" is not loopback and not in QOMON_ALLOWED_HOSTS; add "${host}" to QOMON_ALLOWED_HOSTS to allow it`;
}

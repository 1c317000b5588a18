/**
 * The target guard, applied to every request right before it leaves (Api.send, the sweep): the
 * suite creates, patches and deletes contacts, so it talks only to loopback or to a host listed in
 * QOMON_ALLOWED_HOSTS. config.ts refuses such a QOMON_BASE_URL before the run starts; this check
 * holds the same line for a request whose URL did not come from QOMON_BASE_URL (an absolute URL in
 * a spec, a script with its own base URL).
 */
import { ConfigError, isLoopbackHost } from './config';

export function isWritableHost(host: string, allowedHosts: readonly string[]): boolean {
  const bare = host.toLowerCase();
  return isLoopbackHost(bare) || allowedHosts.includes(bare);
}

/** Throws, naming QOMON_ALLOWED_HOSTS, unless the request may go to `url`. */
export function assertWritableTarget(url: URL, allowedHosts: readonly string[]): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`a request to ${url.protocol} was refused: the suite speaks http or https only`);
  }
  const host = url.hostname.toLowerCase();
  if (!isWritableHost(host, allowedHosts)) {
    throw new ConfigError(
      `a request to host "${host}" was refused before it was sent: the host is not loopback and not in QOMON_ALLOWED_HOSTS; add "${host}" to QOMON_ALLOWED_HOSTS to allow it`,
    );
  }
}

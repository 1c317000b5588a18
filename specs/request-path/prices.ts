/**
 * The one price list of the suite (CONTRACT.md RAT-01 and section 5): what each request costs in
 * rate-limit tokens, and which paths are the contacts route. The budget, the spend annotations, the
 * properties' plans and the per-answer checks all read it here.
 */

/** "This synchronous endpoint costs 5 rate-limit tokens per request" (PATCH and POST /contacts). */
export const PATCH_COST = 5;
export const POST_COST = 5;
/** Any other request: the mock charges 1 (CONTRACT.md section 5); on a live target a conservative estimate. */
export const OTHER_ROUTE_COST = 1;

/** `/contacts` or `/contacts/{id}`, under any API root. */
export function isContactsRoute(pathname: string): boolean {
  return /\/contacts(\/[^/]+)?\/?$/.test(pathname);
}

/** `/contacts` itself: where a POST creates a contact. */
export function isContactsCollection(pathname: string): boolean {
  return /\/contacts\/?$/.test(pathname);
}

export function tokensCharged(method: string, url: string | URL): number {
  const contactsRoute = isContactsRoute(new URL(url).pathname);
  if (contactsRoute && method === 'PATCH') return PATCH_COST;
  if (contactsRoute && method === 'POST') return POST_COST;
  return OTHER_ROUTE_COST;
}

/**
 * What the budget reserves for a request: its price, and for a POST that creates a contact also the
 * DELETE that will clean it up, so that the cleanup is paid for in advance and never refused.
 */
export function reservedCost(method: string, url: URL): number {
  const cost = tokensCharged(method, url);
  return method === 'POST' && isContactsCollection(url.pathname) ? cost + tokensCharged('DELETE', url) : cost;
}

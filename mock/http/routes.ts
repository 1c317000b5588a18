// HTTP <-> domain: who sends a request, which route it names (rules/routing.ts), what it costs, and
// how each domain outcome becomes a status, headers and a body. The rules themselves are in rules/.
//
// Whatever the answer, the rest of the request body is read (and discarded) first.
// Order of checks, each answered with a problem: 401 (authentication) -> 429 (rate limit; every
// authenticated request is charged, routing failures included) -> 400/404/405 (route) -> 422 (path
// id) -> 415/413/400 (body) -> 422 (contents) -> 404 (contact).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../rules/auth';
import { formsOfCategory, isFormCategory, renderForm } from '../rules/catalogue';
import { createContact, deleteContact, findContact } from '../rules/operations';
import { problem, type Violation } from '../rules/problems';
import { CONTACT_WRITE_COST, OTHER_ROUTE_COST, type TokenBucket } from '../rules/rate-limit';
import { discardRemainingBody } from '../rules/request-body';
import {
  noContentResponse,
  problemResponse,
  rateLimitHeaders,
  successResponse,
  type MockResponse,
} from '../rules/responses';
import type { Operation } from '../rules/routing';
import type { ContactOutcome, Domain, RuleSet } from '../rules/seams';
import type { Store } from '../rules/store';
import type { Behaviour } from '../rules/variant';
import { writeResponse } from './write-response';

export interface MockContext {
  readonly behaviour: Behaviour;
  /** The rule functions this mock applies: the reference ones, or one swapped by a fault. */
  readonly rules: RuleSet;
  readonly store: Store;
  /** Token -> caller. */
  readonly principals: ReadonlyMap<string, Principal>;
  /** Token -> its rate-limit bucket. */
  readonly buckets: ReadonlyMap<string, TokenBucket>;
}

export async function handleRequest(
  context: MockContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const decided = await decide(context, request);
  if (decided !== 'aborted' && (await discardRemainingBody(request))) {
    writeResponse(response, decided.response, decided.headers, context.rules.writeJson);
  } else {
    response.destroy();
  }
}

/** The response to a request, with the rate-limit headers it carries; 'aborted' if the client left. */
async function decide(
  context: MockContext,
  request: IncomingMessage,
): Promise<{ response: MockResponse; headers: Record<string, string> } | 'aborted'> {
  const { behaviour, rules } = context;
  const authentication = rules.authenticate(request.headersDistinct['authorization'], context.principals, behaviour);
  if (!authentication.ok) {
    // AUT-01, AUT-02
    return {
      response: problemResponse(problem(401, authentication.reason), { 'WWW-Authenticate': 'Bearer' }),
      headers: {},
    };
  }
  const principal = authentication.principal;
  const bucket = context.buckets.get(principal.token);
  if (bucket === undefined) throw new Error('every known token has a bucket');

  const routing = rules.route(request.method ?? '', request.url ?? '');
  const cost =
    routing.kind === 'operation' && isContactWrite(routing.operation) ? CONTACT_WRITE_COST : OTHER_ROUTE_COST; // RAT-01
  const metered = await rules.meter(bucket, cost, behaviour.chargesFailedRequests, async () =>
    routing.kind === 'operation'
      ? perform(context, principal, routing.operation, routing.parameters, request)
      : problemResponse(routing.problem, routing.headers),
  );
  if (metered === 'aborted') return 'aborted';
  const rateHeaders = behaviour.sendsRateLimitHeaders ? rateLimitHeaders(metered.state) : {};
  return { response: metered.response, headers: rateHeaders };
}

function isContactWrite(operation: Operation): boolean {
  return operation === 'createContact' || operation === 'replaceContact';
}

async function perform(
  context: MockContext,
  principal: Principal,
  operation: Operation,
  parameters: ReadonlyMap<string, string>,
  request: IncomingMessage,
): Promise<MockResponse | 'aborted'> {
  const { behaviour, rules } = context;
  const domain = { store: context.store, behaviour, rules };
  const groupId = principal.groupId;

  if (operation === 'listForms') {
    const category = parameters.get('category') ?? '';
    if (!isFormCategory(category)) return problemResponse(problem(404, `no form category "${category}"`));
    return successResponse(200, { forms: formsOfCategory(groupId, category).map(renderForm) }, behaviour);
  }

  if (operation === 'createContact') {
    const body = await rules.readJsonBody(request);
    if (!body.ok) return body.status === 'aborted' ? 'aborted' : problemResponse(problem(body.status, body.detail));
    return contactResponse(createContact(domain, groupId, body.value), behaviour.createStatus, domain);
  }

  const contactId = rules.parseContactId(parameters.get('contactId') ?? '');
  if (!contactId.ok) return invalidResponse([contactId.violation], behaviour); // PTH-01
  switch (operation) {
    case 'readContact':
      return contactResponse(findContact(domain, groupId, contactId.id), 200, domain);
    case 'deleteContact': {
      const outcome = deleteContact(domain, groupId, contactId.id);
      return outcome.kind === 'deleted' ? noContentResponse() : notFoundResponse();
    }
    case 'replaceContact': {
      const body = await rules.readJsonBody(request);
      if (!body.ok) return body.status === 'aborted' ? 'aborted' : problemResponse(problem(body.status, body.detail));
      return contactResponse(rules.replaceContact(domain, groupId, contactId.id, body.value), 200, domain);
    }
  }
}

function contactResponse(outcome: ContactOutcome, successStatus: number, { behaviour, rules }: Domain): MockResponse {
  switch (outcome.kind) {
    case 'contact':
      return successResponse(successStatus, { contact: rules.renderContact(outcome.contact, behaviour) }, behaviour);
    case 'invalid':
      return invalidResponse(outcome.violations, behaviour);
    case 'not found':
      return notFoundResponse();
  }
}

/** VAL-02: 400 or 422; the behaviour chooses. */
function invalidResponse(violations: readonly Violation[], behaviour: Behaviour): MockResponse {
  return problemResponse(problem(behaviour.validationStatus, 'the request is not valid', violations));
}

/** PTH-02 and AUT-03: the same answer whether the contact never existed or belongs to another space. */
function notFoundResponse(): MockResponse {
  return problemResponse(problem(404, 'no such contact in this space'));
}

// Which operation a request names (CONTRACT section 1, "The surface a run uses"): the route table
// and the matching of a request target against it. A rule of the rule set (VAL-04: any other request
// is a 4xx), so a fault can swap it; http/routes.ts calls it and performs the operation.

import { problem, type Problem } from './problems';

export type Operation = 'createContact' | 'readContact' | 'replaceContact' | 'deleteContact' | 'listForms';

interface RouteDefinition {
  /** Literal segments, or `:name` for a parameter. */
  readonly segments: readonly string[];
  readonly methods: ReadonlyMap<string, Operation>;
}

// CONTRACT section 1, "The surface a run uses". HEAD is answered like GET, without a body.
const ROUTES: readonly RouteDefinition[] = [
  { segments: ['contacts'], methods: new Map([['POST', 'createContact']]) },
  {
    segments: ['contacts', ':contactId'],
    methods: new Map([
      ['GET', 'readContact'],
      ['HEAD', 'readContact'],
      ['PATCH', 'replaceContact'],
      ['DELETE', 'deleteContact'],
    ]),
  },
  {
    segments: ['v1', 'forms', 'type', ':category'],
    methods: new Map([
      ['GET', 'listForms'],
      ['HEAD', 'listForms'],
    ]),
  },
];

export type Routing =
  | { readonly kind: 'operation'; readonly operation: Operation; readonly parameters: ReadonlyMap<string, string> }
  | { readonly kind: 'refused'; readonly problem: Problem; readonly headers?: Record<string, string> };

/** Longest request target echoed in a 404's detail. */
const MAX_ECHOED_PATH_CHARACTERS = 120;

/** Matches the request target (origin-form, or absolute-form as RFC 9112 allows) to a route. */
export function route(method: string, target: string): Routing {
  const segments = pathSegments(target);
  if (segments === undefined) {
    return { kind: 'refused', problem: problem(400, 'the request target is not a path with valid percent-encoding') };
  }
  for (const definition of ROUTES) {
    const parameters = matchSegments(definition.segments, segments);
    if (parameters === undefined) continue;
    const operation = definition.methods.get(method);
    if (operation !== undefined) return { kind: 'operation', operation, parameters };
    const allow = [...definition.methods.keys()].join(', ');
    return {
      kind: 'refused',
      problem: problem(405, `${method} is not allowed here; allowed: ${allow}`), // VAL-04: a 4xx, not a 501
      headers: { Allow: allow },
    };
  }
  const shown = target.length > MAX_ECHOED_PATH_CHARACTERS ? `${target.slice(0, MAX_ECHOED_PATH_CHARACTERS)}…` : target;
  return { kind: 'refused', problem: problem(404, `no route matches ${method} ${shown}`) };
}

/** Decoded path segments, or undefined when the target is not a path or its percent-encoding is bad. */
function pathSegments(target: string): string[] | undefined {
  let path: string;
  if (target.startsWith('/')) {
    path = target.split('?', 1)[0] ?? '';
  } else if (/^https?:\/\//i.test(target)) {
    try {
      path = new URL(target).pathname;
    } catch {
      return undefined;
    }
  } else {
    return undefined;
  }
  try {
    // Query strings are ignored (the brief); segments are compared once decoded.
    return path
      .slice(1)
      .split('/')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Map<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const parameters = new Map<string, string>();
  for (const [index, expected] of pattern.entries()) {
    const actual = segments[index] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return undefined; // `/contacts/` names no contact, and no route
      parameters.set(expected.slice(1), actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return parameters;
}

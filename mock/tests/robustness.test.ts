// VAL-04 "No request, however malformed, is answered with a 5xx", and SCH-03 for every error, over
// thousands of generated requests sent to the in-process mock on 127.0.0.1.

import fc from 'fast-check';
import { Agent } from 'node:http';
import { envelope, expect, test } from './fixtures';
import { httpRequestArbitrary, rawRequestArbitrary, type GeneratedRequest } from './malformed-requests';
import { parseRawAnswer, rawExchange, rawRequest } from './raw-http';

/**
 * Requests per family: 2,134 together. Fixed on purpose: FC_NUM_RUNS sizes the conformance
 * suite's properties and must not shrink this run. FC_SEED still replays the HTTP family.
 */
const HTTP_RUNS = 1600;
const RAW_RUNS = 534;

/** What is wrong with an answer, or undefined when it is acceptable. */
function defectOf(status: number, contentType: string | undefined, body: string, method: string): string | undefined {
  if (status >= 500 || status < 100) return `VAL-04 status ${status}`;
  if (status < 400 || method === 'HEAD') return undefined;
  if (contentType !== 'application/problem+json') return `SCH-03 a ${status} with content type ${contentType}`;
  try {
    const problem = JSON.parse(body) as { status?: unknown; title?: unknown; detail?: unknown };
    if (problem.status !== status) return `SCH-03 a ${status} whose problem says status ${String(problem.status)}`;
    if (typeof problem.title !== 'string' || typeof problem.detail !== 'string')
      return `SCH-03 a ${status} without title or detail`;
  } catch {
    return `SCH-03 a ${status} whose body is not JSON: ${body.slice(0, 80)}`;
  }
  return undefined;
}

/** Shows in the report how deep the run went: 200s and 422s mean bodies reached the rules. */
function recordStatuses(statuses: ReadonlyMap<number, number>): void {
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
  test.info().annotations.push({ type: 'statuses', description: counts.join(', ') });
}

function describeRequest(request: GeneratedRequest): string {
  const body =
    request.body === undefined ? '' : ` body ${JSON.stringify(request.body.toString('latin1').slice(0, 120))}`;
  return `${request.method} ${request.path} headers ${JSON.stringify(request.headers)}${body}`;
}

test('VAL-04 generated malformed HTTP requests get no 5xx, and every error is a problem with the HTTP status', async ({
  mock,
  api,
}) => {
  test.setTimeout(60_000);
  // Contacts for the generated paths to hit: 1001 and on exist in this worker's mock.
  for (let index = 0; index < 3; index++)
    await api.post('/contacts', { data: envelope({ firstname: `Target ${index}` }) });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const defects: string[] = [];
  const statuses = new Map<number, number>();

  try {
    await fc.assert(
      fc.asyncProperty(httpRequestArbitrary(mock.tokens), async (request) => {
        const answer = await rawRequest(mock.port, { ...request, agent });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const defect = defectOf(answer.status, answer.headers['content-type'], answer.body, request.method);
        if (defect !== undefined) defects.push(`${defect} <- ${describeRequest(request)}`);
        return defect === undefined;
      }),
      {
        numRuns: HTTP_RUNS,
        endOnFailure: true,
        seed: process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']),
      },
    );
  } finally {
    agent.destroy();
    recordStatuses(statuses);
  }

  expect(defects, 'VAL-04 no answer is a 5xx and every error is a problem body').toEqual([]);
  const stillThere = await api.get('/v1/forms/type/survey');
  expect(stillThere.status(), 'VAL-04 the server still answers after the run').toBe(200);
});

test('VAL-04 raw requests with broken request lines, headers and framing get no 5xx, and errors are problems', async ({
  mock,
  api,
}) => {
  test.setTimeout(60_000);
  await api.post('/contacts', { data: envelope({ firstname: 'Target' }) });
  const defects: string[] = [];
  const statuses = new Map<number, number>();
  let unanswered = 0;

  await fc.assert(
    fc.asyncProperty(rawRequestArbitrary(mock.tokens), async (bytes) => {
      const raw = await rawExchange(mock.port, bytes);
      if (raw === '') {
        // A request node is still waiting to complete when the client hangs up gets no answer: not a defect.
        unanswered++;
        return true;
      }
      const answer = parseRawAnswer(raw);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const contentType = /\r\ncontent-type:\s*([^\r]*)/i.exec(answer.headers)?.[1];
      const method = bytes.toString('latin1').split(' ', 1)[0] ?? '';
      const defect = defectOf(answer.status, contentType, answer.body, method);
      if (defect !== undefined) defects.push(`${defect} <- ${JSON.stringify(bytes.toString('latin1').slice(0, 200))}`);
      return defect === undefined;
    }),
    { numRuns: RAW_RUNS, endOnFailure: true },
  );
  recordStatuses(statuses);
  test.info().annotations.push({
    type: 'unanswered',
    description: `${unanswered} incomplete request(s) closed by the client before an answer`,
  });

  expect(defects, 'VAL-04 no answer is a 5xx and every error is a problem body').toEqual([]);
  expect(unanswered, 'almost every raw request is answered').toBeLessThan(RAW_RUNS / 10);
  const stillThere = await api.get('/v1/forms/type/survey');
  expect(stillThere.status(), 'VAL-04 the server still answers after the run').toBe(200);
});

test('VAL-04 a client that hangs up in the middle of a body does not take the server down', async ({ mock, api }) => {
  const { connect } = await import('node:net');
  await new Promise<void>((resolve) => {
    const socket = connect(mock.port, '127.0.0.1', () => {
      socket.write(
        `PATCH /contacts/1001 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${mock.tokens.space}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"data":{"contact":',
      );
      setImmediate(() => socket.destroy());
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });

  expect((await api.get('/v1/forms/type/survey')).status(), 'VAL-04 the server still answers').toBe(200);
});

test('VAL-04 headers beyond node’s limit get a 431 problem, and CONNECT a 405 problem', async ({ mock }) => {
  const huge = parseRawAnswer(
    await rawExchange(mock.port, `GET /contacts/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`),
  );
  expect(huge.status, 'VAL-04 oversized headers are a 431').toBe(431);
  expect((JSON.parse(huge.body) as { status: number }).status, 'SCH-03 the problem status equals 431').toBe(431);

  const connectAnswer = parseRawAnswer(
    await rawExchange(mock.port, 'CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: x\r\n\r\n'),
  );
  expect(connectAnswer.status, 'VAL-04 CONNECT is refused').toBe(405);
  expect((JSON.parse(connectAnswer.body) as { status: number }).status, 'SCH-03 the problem status equals 405').toBe(
    405,
  );
});

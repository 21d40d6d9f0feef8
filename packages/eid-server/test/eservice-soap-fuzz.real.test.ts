import { afterAll, beforeAll, expect, it } from 'vitest';
import { stackTrace } from './helpers/https-client.js';
import { startTestEidServer, type TestEidServer } from './helpers/eid-server.js';
import { FuzzClient, type FuzzAnswer as Answer } from './helpers/fuzz-client.js';
import { find, parseAnswer, useIdRequest } from './helpers/soap-eservice.js';
import { soapFuzzRequest, type SoapFuzzRequest } from './helpers/soap-fuzz-requests.js';
import { SeededRandom } from './helpers/seeded-random.js';

/**
 * 3 000 valid and broken TR-03130 SOAP requests at the real HTTPS port, 16 at a time over
 * keep-alive connections: no 5xx but the SOAP Fault's 500, every 200 and 500 a SOAP envelope, no
 * stack trace, the API key never echoed, and the server still serves afterwards.
 */
const REQUESTS = 3_000;
const CONCURRENCY = 16;
const SEED = 0x50a9_f022;
/** The server's body limit (http/app.ts): above it, it may close before the upload ends. */
const BODY_LIMIT = 256 * 1024;

let server: TestEidServer;
let client: FuzzClient;

beforeAll(async () => {
  server = await startTestEidServer();
  client = new FuzzClient(server, CONCURRENCY);
});
afterAll(async () => {
  client.close();
  await server.close();
});

/** A fuzzed SOAP request as it goes to the eService endpoint. */
function send(fuzz: SoapFuzzRequest): Promise<Answer> {
  return client.send(toEservice(fuzz));
}

function toEservice(fuzz: SoapFuzzRequest) {
  const headers = { ...fuzz.headers, 'content-length': String(fuzz.body.length) };
  return { ...fuzz, method: 'POST', path: '/eservice', headers };
}

/** What a SOAP answer says, short: `ok`, the ResultMinor's fragment, `fault`, or `not-soap`. */
function soapVerdict(body: string): string {
  try {
    const root = parseAnswer(body);
    if (root.name !== 'Envelope') return 'not-soap';
    if (find(root, 'Fault') !== undefined) return 'fault';
    if (find(root, 'ServerVersion') !== undefined) return 'serverInfo';
    const minor = find(root, 'ResultMinor')?.text;
    if (minor !== undefined) return minor.slice(minor.indexOf('#') + 1);
    return find(root, 'ResultMajor')?.text.endsWith('#ok') === true ? 'ok' : 'not-soap';
  } catch {
    return 'not-soap';
  }
}

/** The histogram's bucket, and whether the answer is acceptable. */
function judge(fuzz: SoapFuzzRequest, answer: Answer): { bucket: string; fine: boolean } {
  if (typeof answer.status !== 'number') {
    const closed = /^(ECONNRESET|EPIPE)$/.test(answer.status);
    const oversize = closed && fuzz.body.length > BODY_LIMIT;
    return { bucket: oversize ? 'closed-oversize' : answer.status, fine: oversize };
  }
  if (answer.status === 200 || answer.status === 500) {
    const verdict = soapVerdict(answer.body);
    const fine =
      answer.status === 500 ? verdict === 'fault' : !['fault', 'not-soap'].includes(verdict);
    return { bucket: `${answer.status}:${verdict}`, fine };
  }
  return { bucket: String(answer.status), fine: answer.status >= 400 && answer.status < 500 };
}

async function sessionIdHex(): Promise<string> {
  const answer = await server.soap(useIdRequest({ GivenNames: 'REQUIRED' }));
  return find(find(parseAnswer(answer.body), 'Session') ?? parseAnswer(''), 'ID')?.text ?? '';
}

it(`answers ${REQUESTS} fuzzed SOAP requests with a result or a Fault, never a leak`, async () => {
  const sessionIdsHex = await Promise.all(Array.from({ length: 8 }, sessionIdHex));
  const random = new SeededRandom(SEED);
  const context = { apiKey: server.setup.apiKey, sessionIdsHex };
  const requests = Array.from({ length: REQUESTS }, () => soapFuzzRequest(random, context));

  const histogram = new Map<string, number>();
  const failures: { mutations: string[]; status: number | string; body: string }[] = [];
  const seconds = await client.sendAll(requests.map(toEservice), CONCURRENCY, (fuzz, answer) => {
    const { bucket, fine } = judge(fuzz, answer);
    histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
    const leak = stackTrace.test(answer.body) || answer.body.includes(server.setup.apiKey);
    if (!fine || leak) {
      failures.push({
        mutations: fuzz.mutations,
        status: answer.status,
        body: answer.body.slice(0, 300),
      });
    }
  });

  const counts = Object.fromEntries([...histogram].sort(([a], [b]) => a.localeCompare(b)));
  console.log(`SOAP fuzz: ${REQUESTS} requests in ${seconds} s: ${JSON.stringify(counts)}`);

  expect(failures.slice(0, 5)).toEqual([]);
  expect(failures).toHaveLength(0);
  // The run reached past the parser: sessions started, results looked up, Faults given.
  expect(histogram.get('200:ok')).toBeGreaterThan(200);
  expect(histogram.get('200:invalidSession')).toBeGreaterThan(50);
  expect(histogram.get('500:fault')).toBeGreaterThan(500);

  expect(sessionVerdict(await server.soap(useIdRequest({ GivenNames: 'REQUIRED' })))).toBe('ok');
  const health = await send({ headers: {}, body: Buffer.alloc(0), mutations: [] });
  expect(health.status).toBe(401);
}, 90_000);

function sessionVerdict(answer: { status: number; body: string }): string {
  return answer.status === 200 ? soapVerdict(answer.body) : String(answer.status);
}

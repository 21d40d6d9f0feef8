import type { SeededRandom } from './seeded-random.js';

/**
 * Requests against the eService API, from valid to badly broken: valid session starts and
 * result reads, mutated in method, path, headers, fields and bytes. Everything is derived from
 * the seeded generator, so a failing run can be repeated.
 */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface FuzzContext {
  apiKey: string;
  /** Where RefreshAddresses of valid requests point: the service's own origin. */
  origin: string;
  /** Sessions that exist, so that some result reads find one. */
  sessionIds: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const operations = ['givenNames', 'familyNames', 'dateOfBirth', 'placeOfResidence', 'restrictedId'];
const selections = ['REQUIRED', 'ALLOWED', 'PROHIBITED'];

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'FOO'];

const contentTypes = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/json; charset="',
  'text/plain',
  'application/xml',
  'application/vnd.paos+xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '',
];

const oddStrings = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '😀'.repeat(50),
  'ß\u202e\u200bÄÖÜ',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '%00%ff',
  '\r\nx-injected: 1',
];

const oddValues: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  [],
  {},
  [1, 'two', null],
  { REQUIRED: 'REQUIRED' },
];

function validBody(random: SeededRandom, context: FuzzContext): { [key: string]: Json } {
  const asked: { [key: string]: Json } = {};
  for (const operation of operations) {
    if (random.chance(0.4)) asked[operation] = random.pick(selections.slice(0, 2));
  }
  asked.givenNames ??= 'REQUIRED';
  const body: { [key: string]: Json } = {
    operations: asked,
    refreshAddress: `${context.origin}/done?n=${random.int(1000)}`,
  };
  if (random.chance(0.3)) {
    asked.ageVerification = 'REQUIRED';
    body.ageVerification = { age: random.int(100) };
  }
  if (random.chance(0.2)) {
    asked.placeVerification = 'ALLOWED';
    body.placeVerification = { communityId: '02760503' };
  }
  if (random.chance(0.3)) body.transactionInfo = 'Bestellung 4711';
  if (random.chance(0.2)) body.communicationErrorAddress = `${context.origin}/error`;
  return body;
}

function hugeString(random: SeededRandom): string {
  return random.pick(['x', 'ä', '😀', '\\"']).repeat(random.pick([1001, 2001, 50_000, 300_000]));
}

function nestedJunk(random: SeededRandom): Json {
  const depth = random.pick([10, 100, 2_000]);
  let value: Json = random.pick(oddValues);
  for (let i = 0; i < depth; i++) value = random.chance(0.5) ? [value] : { a: value };
  return value;
}

function oddValue(random: SeededRandom): Json {
  switch (random.int(4)) {
    case 0:
      return random.pick(oddValues);
    case 1:
      return random.pick(oddStrings);
    case 2:
      return hugeString(random);
    default:
      return nestedJunk(random);
  }
}

function oddUrl(random: SeededRandom, context: FuzzContext): string {
  const host = new URL(context.origin).host;
  return random.pick([
    `http://${host}/done`,
    'https://evil.example/done',
    'javascript:alert(1)',
    'https://',
    `https://user:pass@${host}/done`,
    `https://${host}.evil.example/`,
    `https://${host}/${'a'.repeat(3000)}`,
    'https://[::1]/',
    'https://127.1/',
    'data:text/html,hi',
    `HTTPS://${host.toUpperCase()}/done`,
  ]);
}

/** One structural change: a field dropped, retyped, added, or one of its values made odd. */
function mutateObject(
  random: SeededRandom,
  body: { [key: string]: Json },
  context: FuzzContext,
): void {
  const key = random.pick([...Object.keys(body), 'operations']);
  switch (random.int(8)) {
    case 0:
      Reflect.deleteProperty(body, key);
      break;
    case 1:
      body[key] = oddValue(random);
      break;
    case 2:
      body[random.pick(['extra', '__proto__', 'constructor', 'prototype', 'Operations'])] =
        oddValue(random);
      break;
    case 3:
      body.refreshAddress = oddUrl(random, context);
      break;
    case 4: {
      const current = body.operations;
      const asked =
        typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {};
      const name = random.pick([...operations, 'emailAddress', 'shoeSize', 'GIVENNAMES']);
      asked[name] = random.chance(0.5)
        ? random.pick(['required', 'MAYBE', 'PROHIBITED'])
        : oddValue(random);
      body.operations = asked;
      break;
    }
    case 5:
      body.ageVerification = { age: random.pick([-1, 151, 17.5, 1e9, '18', null]) };
      break;
    case 6:
      body.placeVerification = {
        communityId: random.pick(['', '0', '0276050', 'zz', '0276050315000000', 'ÄÖ']),
      };
      break;
    default:
      body.operations = {};
  }
}

/** The JSON text, sometimes with a key twice. */
function serialize(random: SeededRandom, body: Json): string {
  const text = JSON.stringify(body);
  if (!random.chance(0.1) || !text.startsWith('{"')) return text;
  return `{"operations":{"givenNames":"REQUIRED"},${text.slice(1)}`;
}

/** Byte-level damage: truncated, invalid UTF-8, flipped bytes, a BOM, or nothing at all. */
function damageBytes(random: SeededRandom, bytes: Buffer): Buffer {
  switch (random.int(6)) {
    case 0:
      return bytes.subarray(0, random.int(bytes.length));
    case 1: {
      const at = random.int(bytes.length);
      const invalid = random.pick([[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8]]);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(invalid), bytes.subarray(at)]);
    }
    case 2: {
      const copy = Buffer.from(bytes);
      for (let i = 0; i < 1 + random.int(4); i++) copy[random.int(copy.length)] = random.int(256);
      return copy;
    }
    case 3:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 4:
      return Buffer.alloc(0);
    default:
      return random.bytes(random.int(2048));
  }
}

function sessionsBody(random: SeededRandom, context: FuzzContext): Buffer {
  const body = validBody(random, context);
  const mutations = random.chance(0.35) ? 0 : 1 + random.int(3);
  for (let i = 0; i < mutations; i++) mutateObject(random, body, context);
  const bytes = Buffer.from(serialize(random, body));
  return random.chance(0.15) ? damageBytes(random, bytes) : bytes;
}

function sessionId(random: SeededRandom, context: FuzzContext): string {
  const known = random.pick(context.sessionIds);
  return random.pick([
    known,
    known,
    known.toUpperCase(),
    `${known}0`,
    known.slice(0, -1),
    random.bytes(32).toString('hex'),
    '%zz',
    '%E0%A4%A',
    '%00',
    '..%2f..',
    encodeURIComponent('😀ä'),
    'a'.repeat(150),
    '',
  ]);
}

function oddPath(random: SeededRandom, context: FuzzContext): string {
  return random.pick([
    '/api/v1/sessions/',
    '/api/v1//sessions',
    '/API/V1/SESSIONS',
    '/api/v1/sessions?x=1&x=2',
    '/api/v2/sessions',
    `/api/v1/sessions/${sessionId(random, context)}`,
    `/api/v1/sessions/${sessionId(random, context)}/result/x`,
    `/tc-token/${sessionId(random, context)}`,
    '/api/v1/sessions/../../healthz',
    `/${'x/'.repeat(2000)}`,
    '/healthz?%zz',
    '/paos',
    '/',
  ]);
}

function headersFor(random: SeededRandom, context: FuzzContext, hasBody: boolean) {
  const headers: Record<string, string | string[]> = {};
  const bearer = `Bearer ${context.apiKey}`;
  if (random.chance(0.75)) headers.authorization = bearer;
  else {
    const odd = random.pick([
      'Bearer wrong',
      `Bearer ${context.apiKey}x`,
      `bearer ${context.apiKey}`,
      `Basic ${Buffer.from(`x:${context.apiKey}`).toString('base64')}`,
      'Bearer ',
      `Bearer ${'k'.repeat(600)}`,
      [bearer, 'Bearer wrong'],
      ['Bearer wrong', bearer],
    ]);
    if (random.chance(0.8)) headers.authorization = odd;
  }
  if (hasBody) {
    headers['content-type'] = random.chance(0.8) ? 'application/json' : random.pick(contentTypes);
  }
  if (random.chance(0.05)) headers['x-fuzz'] = 'y'.repeat(random.pick([100, 20_000]));
  if (random.chance(0.05)) headers['content-encoding'] = random.pick(['gzip', 'br', 'identity']);
  if (random.chance(0.03)) headers.accept = random.pick(['text/html', 'application/xml', '*/*']);
  return headers;
}

export function fuzzRequest(random: SeededRandom, context: FuzzContext): FuzzRequest {
  const startsSession = random.chance(0.6);
  let method = startsSession ? 'POST' : 'GET';
  let path = startsSession
    ? '/api/v1/sessions'
    : `/api/v1/sessions/${sessionId(random, context)}/result`;
  if (random.chance(0.1)) method = random.pick(methods);
  if (random.chance(0.1)) path = oddPath(random, context);
  const body = startsSession || random.chance(0.05) ? sessionsBody(random, context) : undefined;
  const headers = headersFor(random, context, body !== undefined);
  // Node's client sends a GET/HEAD/DELETE body without a length: the server would read it as
  // the next request on the connection. Every body here states its length.
  if (body !== undefined) headers['content-length'] = String(body.length);
  return { method, path, headers, body };
}

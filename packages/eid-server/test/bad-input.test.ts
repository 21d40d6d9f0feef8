import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecPrivateKeyFromPem } from '../src/crypto/brainpool.js';
import { startPaos, transmitResponse } from './card-double/client-messages.js';
import { readServerMessage } from './card-double/server-messages.js';
import {
  startConfiguredEidServer,
  type ConfiguredEidServer,
} from './helpers/configured-eid-server.js';
import { startTestEidServer, type TestEidServer } from './helpers/eid-server.js';
import { httpsRequest, type HttpsAnswer, type HttpsRequest } from './helpers/https-client.js';
import { openPaosSession, type EidServerAccess, type PaosSession } from './helpers/paos-session.js';
import { pskPost } from './helpers/psk-client.js';

/**
 * Bad input at the eID-Server's real HTTPS port: PAOS over TLS-PSK, the TC token and the JSON
 * eService API each answer it with a 4xx and a short error, never a 5xx, a stack trace or a
 * secret. Every answer is kept, and the last test searches them and the logs for secrets.
 */
let server: TestEidServer;
let access: EidServerAccess;
const answers: HttpsAnswer[] = [];
const sessions: PaosSession[] = [];

beforeAll(async () => {
  server = await startTestEidServer();
  access = { origin: server.setup.publicOrigin, ca: server.ca, apiKey: server.setup.apiKey };
});
afterAll(() => server.close());

async function kept(answer: Promise<HttpsAnswer>): Promise<HttpsAnswer> {
  answers.push(await answer);
  return answer;
}

async function newSession(): Promise<PaosSession> {
  const session = await openPaosSession(access);
  sessions.push(session);
  answers.push(session.tcToken);
  return session;
}

function request(path: string, options: Partial<HttpsRequest> = {}): Promise<HttpsAnswer> {
  return kept(httpsRequest(`${access.origin}${path}`, { ca: server.ca, ...options }));
}

const asService = (headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${server.setup.apiKey}`,
  'content-type': 'application/json',
  ...headers,
});

function startSession(body: string, headers: Record<string, string> = asService()) {
  return request('/api/v1/sessions', { method: 'POST', headers, body });
}

function expectErrorAnswer(answer: HttpsAnswer, status: number, code: string): void {
  expect(answer.status, answer.body).toBe(status);
  const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\bat \S+:\d+|node_modules|\.ts\b|\/work\//);
}

const codeOf: Record<number, string> = {
  400: 'invalid-request',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

const soap = (body: string, header = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n ')}
]>
${soap('<StartPAOS xmlns="urn:iso:std:iso-iec:24727:tech:schema">&lol9;</StartPAOS>')}`;

const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
${soap('<StartPAOS xmlns="urn:iso:std:iso-iec:24727:tech:schema"><SessionIdentifier>&xxe;</SessionIdentifier></StartPAOS>')}`;

describe('PAOS over TLS-PSK', () => {
  it('answers malformed messages with a 4xx and keeps the session for a correct StartPAOS', async () => {
    const session = await newSession();
    const start = startPaos(session.sessionId).xml;
    const bad: [string, string | Buffer, string | undefined, number][] = [
      ['not XML', '<soap:Envelope><soap:Body>', undefined, 400],
      ['empty', '', undefined, 400],
      ['300 KiB', `<a>${'x'.repeat(300 * 1024)}</a>`, undefined, 413],
      ['billion laughs', billionLaughs, undefined, 400],
      ['external entity', externalEntity, undefined, 400],
      ['an unknown message', soap('<Bogus xmlns="urn:x"/>'), undefined, 400],
      ['a server message', soap('<DIDAuthenticate xmlns="urn:x"/>'), undefined, 400],
      ['no header', start.replace(/<soap:Header>.*<\/soap:Header>/s, ''), undefined, 400],
      [
        'an empty MessageID',
        start.replace(/<wsa:MessageID>[^<]*</, '<wsa:MessageID><'),
        undefined,
        400,
      ],
      [
        '10 000 levels deep',
        soap(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`),
        undefined,
        400,
      ],
      ['random bytes', randomBytes(4096), undefined, 400],
      ['random bytes as octets', randomBytes(4096), 'application/octet-stream', 415],
      ['JSON', '{"StartPAOS":{}}', 'application/json', 415],
    ];
    for (const [name, body, contentType, status] of bad) {
      const answer = await kept(session.paos(body, contentType));
      expectErrorAnswer(answer, status, codeOf[status] ?? '');
      expect(answer.body, name).not.toContain('root:');
    }
    const eac1 = await kept(session.paos(start));
    expect(eac1.status).toBe(200);
    expect(readServerMessage(eac1.body).type).toBe('EAC1');
    expect(JSON.parse((await kept(session.result())).body)).toEqual({ status: 'pending' });
  });

  it('ends a session as failed/protocol when StartPAOS is replayed, then refuses its PSK', async () => {
    const session = await newSession();
    const start = startPaos(session.sessionId).xml;
    expect(readServerMessage((await kept(session.paos(start))).body).type).toBe('EAC1');
    const replay = await kept(session.paos(start));
    expect(replay.status).toBe(200);
    const ended = readServerMessage(replay.body);
    expect(ended).toMatchObject({ type: 'StartPAOSResponse', result: { major: 'error' } });
    await expect(session.paos(start)).rejects.toThrow();
    const result = await kept(session.result());
    expect(JSON.parse(result.body)).toEqual({ status: 'failed', reason: 'protocol' });
  });

  it('ends a session as failed/protocol on a message out of order', async () => {
    const session = await newSession();
    const eac1 = readServerMessage(
      (await kept(session.paos(startPaos(session.sessionId).xml))).body,
    );
    const early = transmitResponse(eac1.messageId, [Buffer.from('9000', 'hex')]).xml;
    const ended = readServerMessage((await kept(session.paos(early))).body);
    expect(ended).toMatchObject({ type: 'StartPAOSResponse', result: { major: 'error' } });
    expect(JSON.parse((await kept(session.result())).body)).toEqual({
      status: 'failed',
      reason: 'protocol',
    });
  });

  it('ends a session as failed/protocol on a StartPAOS naming another session', async () => {
    const session = await newSession();
    const other = await newSession();
    const ended = readServerMessage(
      (await kept(session.paos(startPaos(other.sessionId).xml))).body,
    );
    expect(ended).toMatchObject({ type: 'StartPAOSResponse', result: { major: 'error' } });
    expect(JSON.parse((await kept(session.result())).body)).toMatchObject({ reason: 'protocol' });
    expect(
      readServerMessage((await kept(other.paos(startPaos(other.sessionId).xml))).body).type,
    ).toBe('EAC1');
  });

  it('refuses PAOS over certificate TLS with 403', async () => {
    const session = await newSession();
    const answer = await request('/paos', {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.paos+xml' },
      body: startPaos(session.sessionId).xml,
    });
    expectErrorAnswer(answer, 403, 'forbidden');
    expect(
      readServerMessage((await kept(session.paos(startPaos(session.sessionId).xml))).body).type,
    ).toBe('EAC1');
  });

  it('fails the TLS handshake for an unknown identity or a wrong PSK: no HTTP answer', async () => {
    const session = await newSession();
    const post = (identity: string, psk: Buffer) =>
      pskPost(`${access.origin}/paos`, {
        identity,
        psk,
        ca: server.ca,
        body: startPaos(identity).xml,
      });
    await expect(post(randomBytes(32).toString('hex'), session.psk)).rejects.toThrow(
      /alert|ECONNRESET|socket/i,
    );
    await expect(post(session.sessionId, randomBytes(32))).rejects.toThrow(
      /alert|ECONNRESET|socket|decrypt|mac/i,
    );
    await expect(post('', session.psk)).rejects.toThrow();
    expect(
      readServerMessage((await kept(session.paos(startPaos(session.sessionId).xml))).body).type,
    ).toBe('EAC1');
  });
});

describe('TC token', () => {
  it('is XML, not cached, and served only until the eID-Client starts', async () => {
    const session = await newSession();
    expect(session.tcToken.status).toBe(200);
    expect(session.tcToken.headers['content-type']).toMatch(/^text\/xml\b/);
    expect(session.tcToken.headers['cache-control']).toBe('no-store');
    await kept(session.paos(startPaos(session.sessionId).xml));
    expectErrorAnswer(await request(`/tc-token/${session.sessionId}`), 404, 'not-found');
  });

  it('is not found for an unknown or malformed session', async () => {
    expectErrorAnswer(
      await request(`/tc-token/${randomBytes(32).toString('hex')}`),
      404,
      'not-found',
    );
    expectErrorAnswer(await request('/tc-token/..%2f..%2fetc%2fpasswd'), 404, 'not-found');
    // The router's own refusals (a parameter over maxParamLength) come in the house shape too.
    const long = await request(`/tc-token/${'a'.repeat(5000)}`);
    expectErrorAnswer(long, 400, 'invalid-request');
    expect(long.body).not.toContain('aaaa');
  });
});

describe('JSON eService API', () => {
  const valid = JSON.stringify({
    operations: { givenNames: 'REQUIRED' },
    refreshAddress: 'https://127.0.0.1/done',
  });

  it('needs the API key', async () => {
    expectErrorAnswer(
      await startSession(valid, { 'content-type': 'application/json' }),
      401,
      'not-authenticated',
    );
    expectErrorAnswer(
      await startSession(valid, asService({ authorization: 'Bearer wrong' })),
      401,
      'not-authenticated',
    );
    expectErrorAnswer(
      await startSession(valid, asService({ authorization: server.setup.apiKey })),
      401,
      'not-authenticated',
    );
    expectErrorAnswer(
      await startSession(valid, asService({ authorization: `Basic ${server.setup.apiKey}` })),
      401,
      'not-authenticated',
    );
    expectErrorAnswer(
      await startSession(valid, asService({ authorization: `Bearer ${server.setup.apiKey}x` })),
      401,
      'not-authenticated',
    );
    const result = await request(`/api/v1/sessions/${randomBytes(32).toString('hex')}/result`);
    expectErrorAnswer(result, 401, 'not-authenticated');
    // Without a key, a bad body teaches nothing about the schema: the key is checked first.
    const probe = await startSession(JSON.stringify({ operations: { x: 1 }, bogus: 2 }), {
      'content-type': 'application/json',
    });
    expectErrorAnswer(probe, 401, 'not-authenticated');
    expect(probe.body).not.toContain('bogus');
  });

  it.each([
    ['bad JSON', '{"operations":'],
    ['not an object', '[1,2,3]'],
    ['unknown fields', JSON.stringify({ ...JSON.parse(valid), extra: 1 })],
    [
      'unknown operations',
      JSON.stringify({ ...JSON.parse(valid), operations: { shoeSize: 'REQUIRED' } }),
    ],
    [
      'an unknown selection',
      JSON.stringify({ ...JSON.parse(valid), operations: { givenNames: 'MAYBE' } }),
    ],
    [
      'an age over 150',
      JSON.stringify({
        ...JSON.parse(valid),
        operations: { ageVerification: 'REQUIRED' },
        ageVerification: { age: 151 },
      }),
    ],
    [
      'a negative age',
      JSON.stringify({
        ...JSON.parse(valid),
        operations: { ageVerification: 'REQUIRED' },
        ageVerification: { age: -1 },
      }),
    ],
    [
      'a fractional age',
      JSON.stringify({
        ...JSON.parse(valid),
        operations: { ageVerification: 'REQUIRED' },
        ageVerification: { age: 17.5 },
      }),
    ],
    [
      'age verification without an age',
      JSON.stringify({ ...JSON.parse(valid), operations: { ageVerification: 'REQUIRED' } }),
    ],
    [
      'a bad community id',
      JSON.stringify({
        ...JSON.parse(valid),
        operations: { placeVerification: 'REQUIRED' },
        placeVerification: { communityId: '0276050' },
      }),
    ],
    [
      'an http refreshAddress',
      JSON.stringify({ ...JSON.parse(valid), refreshAddress: 'http://127.0.0.1/done' }),
    ],
    [
      'a refreshAddress on a foreign origin',
      JSON.stringify({ ...JSON.parse(valid), refreshAddress: 'https://evil.example/done' }),
    ],
    [
      'a refreshAddress on another port',
      JSON.stringify({ ...JSON.parse(valid), refreshAddress: 'https://127.0.0.1:1/done' }),
    ],
    [
      'a javascript: refreshAddress',
      JSON.stringify({ ...JSON.parse(valid), refreshAddress: 'javascript:alert(1)' }),
    ],
    [
      'an http communicationErrorAddress',
      JSON.stringify({ ...JSON.parse(valid), communicationErrorAddress: 'http://127.0.0.1/e' }),
    ],
    ['no refreshAddress', JSON.stringify({ operations: { givenNames: 'REQUIRED' } })],
    ['nothing requested', JSON.stringify({ ...JSON.parse(valid), operations: {} })],
    [
      'only prohibited operations',
      JSON.stringify({ ...JSON.parse(valid), operations: { givenNames: 'PROHIBITED' } }),
    ],
    [
      'an unavailable operation required',
      JSON.stringify({ ...JSON.parse(valid), operations: { emailAddress: 'REQUIRED' } }),
    ],
    [
      'a huge transactionInfo',
      JSON.stringify({ ...JSON.parse(valid), transactionInfo: 'x'.repeat(1001) }),
    ],
    [
      'a prototype key',
      '{"operations":{"__proto__":{"givenNames":"REQUIRED"}},"refreshAddress":"https://127.0.0.1/done"}',
    ],
  ])('refuses %s with 400', async (_name, body) => {
    expectErrorAnswer(await startSession(body), 400, 'invalid-request');
  });

  it('refuses a body too large with 413 and a foreign content type with 415', async () => {
    expectErrorAnswer(await startSession(`"${'x'.repeat(300 * 1024)}"`), 413, 'payload-too-large');
    expectErrorAnswer(
      await startSession(valid, asService({ 'content-type': 'application/x-www-form-urlencoded' })),
      415,
      'unsupported-media-type',
    );
  });

  it('answers a result: 404 unknown, 400 malformed, 202 pending', async () => {
    const result = (id: string) =>
      request(`/api/v1/sessions/${id}/result`, { headers: asService() });
    expectErrorAnswer(await result(randomBytes(32).toString('hex')), 404, 'not-found');
    expectErrorAnswer(await result('not-a-session'), 400, 'invalid-request');
    expectErrorAnswer(
      await result(randomBytes(32).toString('hex').toUpperCase()),
      400,
      'invalid-request',
    );
    const session = await newSession();
    const pending = await result(session.sessionId);
    expect(pending.status).toBe(202);
    expect(pending.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(pending.body)).toEqual({ status: 'pending' });
  });

  it('keeps no secret in any answer or log line', () => {
    const { pki, apiKey } = server.setup;
    const pemBodies = [pki.tls.keyPem, pki.atPrivateKeyPem, pki.sectorPrivateKeyPem].flatMap(
      (pem) => pem.split('\n').filter((line) => line.length > 0 && !line.startsWith('-----')),
    );
    const scalars = [pki.atPrivateKeyPem, pki.sectorPrivateKeyPem].map((pem) =>
      ecPrivateKeyFromPem(pem),
    );
    const secrets = [
      apiKey,
      ...pemBodies,
      ...scalars.flatMap((key) => [key.toString('hex'), key.toString('base64')]),
    ];
    const text = (answer: HttpsAnswer) => `${JSON.stringify(answer.headers)}\n${answer.body}`;
    const everything = [...answers.map(text), ...server.logLines];
    expect(answers.length).toBeGreaterThan(50);
    for (const secret of secrets) {
      for (const piece of everything) expect(piece.includes(secret)).toBe(false);
    }
    const psks = sessions.flatMap(({ psk }) => [
      psk.toString('hex'),
      psk.toString('hex').toUpperCase(),
      psk.toString('base64'),
    ]);
    const withoutTcTokens = everything.filter(
      (_, index) => !sessions.some((s) => s.tcToken === answers[index]),
    );
    expect(psks.length).toBeGreaterThan(10);
    for (const psk of psks) {
      for (const piece of withoutTcTokens) expect(piece.includes(psk)).toBe(false);
    }
  });
});

describe('with a clock and a second service', () => {
  let configured: ConfiguredEidServer;
  let clock = Date.now();
  let mine: EidServerAccess;
  let theirs: EidServerAccess;

  beforeAll(async () => {
    configured = await startConfiguredEidServer({
      now: () => new Date(clock),
      edit: async (config, dir) => {
        config.sessions = { ttlSeconds: 30, resultTtlSeconds: 10 };
        const services = config.services as Record<string, unknown>[];
        await writeFile(join(dir, 'other.key'), 'the-other-services-key\n');
        services.push({ ...services[0], id: 'other', name: 'Another', apiKeyFile: 'other.key' });
      },
    });
    mine = {
      origin: configured.setup.publicOrigin,
      ca: configured.ca,
      apiKey: configured.setup.apiKey,
    };
    theirs = { ...mine, apiKey: 'the-other-services-key' };
  });
  afterAll(() => configured.close());

  const resultAs = (who: EidServerAccess, sessionId: string) =>
    httpsRequest(`${who.origin}/api/v1/sessions/${sessionId}/result`, {
      ca: who.ca,
      headers: { authorization: `Bearer ${who.apiKey}` },
    });

  it('hides a session from another service', async () => {
    const session = await openPaosSession(mine);
    expectErrorAnswer(await resultAs(theirs, session.sessionId), 404, 'not-found');
    const replay = startPaos(session.sessionId).xml;
    await session.paos(replay);
    await session.paos(replay);
    expectErrorAnswer(await resultAs(theirs, session.sessionId), 404, 'not-found');
    expect(JSON.parse((await resultAs(mine, session.sessionId)).body)).toMatchObject({
      status: 'failed',
    });
    expectErrorAnswer(await resultAs(mine, session.sessionId), 404, 'not-found');
  });

  it('ends a new session after its time: no TC token, no PSK handshake, an "expired" result', async () => {
    const session = await openPaosSession(mine);
    clock += 30_000;
    expectErrorAnswer(
      await httpsRequest(`${mine.origin}/tc-token/${session.sessionId}`, { ca: mine.ca }),
      404,
      'not-found',
    );
    await expect(session.paos(startPaos(session.sessionId).xml)).rejects.toThrow();
    expect(JSON.parse((await session.result()).body)).toEqual({
      status: 'failed',
      reason: 'expired',
    });
    expectErrorAnswer(await session.result(), 404, 'not-found');
  });

  it('ends a running session after its time as "expired"', async () => {
    const session = await openPaosSession(mine);
    expect(
      readServerMessage((await session.paos(startPaos(session.sessionId).xml)).body).type,
    ).toBe('EAC1');
    clock += 29_999;
    expect((await session.result()).status).toBe(202);
    clock += 1;
    await expect(session.paos(startPaos(session.sessionId).xml)).rejects.toThrow();
    expect(JSON.parse((await session.result()).body)).toEqual({
      status: 'failed',
      reason: 'expired',
    });
  });

  it('keeps a result for resultTtlSeconds after the session ended', async () => {
    const first = await openPaosSession(mine);
    const second = await openPaosSession(mine);
    for (const session of [first, second]) {
      const start = startPaos(session.sessionId).xml;
      await session.paos(start);
      await session.paos(start);
    }
    clock += 9_999;
    expect((await first.result()).status).toBe(200);
    clock += 1;
    expectErrorAnswer(await second.result(), 404, 'not-found');
  });
});

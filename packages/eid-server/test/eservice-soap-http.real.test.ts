import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecSharedX } from '../src/crypto/brainpool.js';
import { SIMULATOR_CVCA_NAME } from '../src/pki/test-pki.js';
import type { XmlElement } from '../src/xml/element.js';
import { CardDouble, type CardDoubleOptions } from './card-double/card.js';
import {
  makeCardIdentity,
  makeDocumentPki,
  type DocumentPki,
} from './card-double/card-identity.js';
import { EidClientDouble, type ClientHooks } from './card-double/client.js';
import { startPaos } from './card-double/client-messages.js';
import { makeCardSecurity } from './fixtures/card-security-builder.js';
import {
  startConfiguredEidServer,
  type ConfiguredEidServer,
} from './helpers/configured-eid-server.js';
import { httpsRequest, stackTrace, type HttpsAnswer } from './helpers/https-client.js';
import { pskPost } from './helpers/psk-client.js';
import {
  find,
  getResultRequest,
  parseAnswer,
  soapEnvelope,
  useIdRequest,
} from './helpers/soap-eservice.js';

/**
 * The TR-03130 SOAP eService interface at the real HTTPS port, with the card double as the
 * citizen's card and eID-Client in process: useID, a whole authentication, getResult with its
 * RequestCounter, getServerInfo, and what the interface refuses.
 */
const MINOR = 'http://www.bsi.bund.de/eid/server/2.0/resultminor';
const RESULT_OK = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok';
const RESULT_ERROR = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error';
let server: ConfiguredEidServer;
let documents: DocumentPki;

beforeAll(async () => {
  documents = makeDocumentPki('SOAP card double');
  server = await startConfiguredEidServer({
    edit: async (config, dir) => {
      // The card double's document signer chains to its own CSCA: the server must trust it.
      await writeFile(join(dir, 'card-double-csca.der'), documents.csca.der);
      (config.trust as { certificates: string[] }).certificates.push('card-double-csca.der');
    },
  });
});
afterAll(() => server.close());

function post(body: string | Buffer, headers: Record<string, string> = {}): Promise<HttpsAnswer> {
  return httpsRequest(`${server.setup.publicOrigin}/eservice`, {
    method: 'POST',
    ca: server.ca,
    headers: {
      authorization: `Bearer ${server.setup.apiKey}`,
      'content-type': 'text/xml; charset=utf-8',
      ...headers,
    },
    body,
  });
}

async function soap(xml: string): Promise<XmlElement> {
  const answer = await post(xml);
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8');
  return parseAnswer(answer.body);
}

const textOf = (root: XmlElement, ...path: string[]) =>
  path.reduce<XmlElement | undefined>((at, name) => (at ? find(at, name) : undefined), root)?.text;

function result(root: XmlElement): { major?: string; minor?: string } {
  const major = textOf(root, 'ResultMajor');
  const minor = textOf(root, 'ResultMinor');
  return { ...(major && { major }), ...(minor && { minor }) };
}

function pairs(element: XmlElement | undefined): Record<string, string> {
  return Object.fromEntries((element?.children ?? []).map((child) => [child.name, child.text]));
}

interface UseIdAnswer {
  /** Session/ID as getResult names it (hex). */
  sessionIdHex: string;
  pskId: string;
  pskKey: Buffer;
  eCardServerAddress: string | undefined;
}

async function useId(operations: Record<string, string>, extra = ''): Promise<UseIdAnswer> {
  const answer = await soap(useIdRequest(operations, extra));
  expect(result(answer)).toEqual({ major: RESULT_OK });
  const psk = find(answer, 'PSK');
  return {
    sessionIdHex: textOf(answer, 'Session', 'ID') ?? '',
    pskId: textOf(psk ?? answer, 'ID') ?? '',
    pskKey: Buffer.from(textOf(psk ?? answer, 'Key') ?? '', 'hex'),
    eCardServerAddress: textOf(answer, 'eCardServerAddress'),
  };
}

const getResult = (sessionIdHex: string, counter: number) =>
  soap(getResultRequest(sessionIdHex, counter));

function newCard(options: Partial<CardDoubleOptions> = {}): CardDouble {
  return new CardDouble({
    trustAnchor: { name: SIMULATOR_CVCA_NAME, publicKey: server.setup.pki.cvcaPublicKey },
    identity: makeCardIdentity(documents.documentSigner),
    ...options,
  });
}

/** What AusweisApp does after it fetched the TC token: PAOS under the token's identity. */
function authenticate(started: UseIdAnswer, card = newCard(), hooks: ClientHooks = {}) {
  return new EidClientDouble(server.authentications, started.pskId, card, hooks).run();
}

const askEverything = {
  GivenNames: 'REQUIRED',
  FamilyNames: 'REQUIRED',
  DateOfBirth: 'ALLOWED',
  PlaceOfResidence: 'REQUIRED',
  RestrictedID: 'REQUIRED',
  AgeVerification: 'REQUIRED',
};
const age18 = '<eid:AgeVerificationRequest><eid:Age>18</eid:Age></eid:AgeVerificationRequest>';

describe('useID', () => {
  it('without a PSK: a new session, its PSK, and where AusweisApp finds the server', async () => {
    const started = await useId({ GivenNames: 'REQUIRED' });
    expect(started.eCardServerAddress).toBe(`${server.setup.publicOrigin}/paos`);
    expect(Buffer.from(started.sessionIdHex, 'hex').toString('utf8')).toBe(started.pskId);
    expect(started.pskKey.length).toBeGreaterThanOrEqual(16);
    expect(server.authentications.pskFor(started.pskId)).toEqual(started.pskKey);
  });

  it('with the eService’s own PSK: the session id is its id, the TLS-PSK channel takes its key', async () => {
    const pskId = `eservice-${randomBytes(12).toString('hex')}`;
    const key = randomBytes(32);
    const psk = `<eid:PSK><eid:ID>${pskId}</eid:ID><eid:Key>${key.toString('hex')}</eid:Key></eid:PSK>`;
    const started = await useId({ GivenNames: 'REQUIRED' }, psk);
    expect(started.pskId).toBe(pskId);
    expect(started.pskKey).toEqual(key);
    expect(started.sessionIdHex).toBe(Buffer.from(pskId, 'utf8').toString('hex').toUpperCase());

    // A TC token naming this id and key opens the PAOS channel; another key does not.
    const paos = `${server.setup.publicOrigin}/paos`;
    const startPaosXml = startPaos(pskId).xml;
    const opened = await pskPost(paos, { identity: pskId, psk: key, ca: server.ca, body: '<x/>' });
    expect(opened.status).toBe(400);
    await expect(
      pskPost(paos, { identity: pskId, psk: randomBytes(32), ca: server.ca, body: startPaosXml }),
    ).rejects.toThrow();

    // The eService's id is the session: the whole exchange runs under it.
    expect(authenticate(started).result).toEqual({ major: 'ok' });
    const answer = await getResult(started.sessionIdHex, 1);
    expect(result(answer)).toEqual({ major: RESULT_OK });
    expect(textOf(answer, 'PersonalData', 'GivenNames')).toBe('ERIKA');
  });

  it('an id already in use is refused, not shared', async () => {
    const pskId = `eservice-${randomBytes(12).toString('hex')}`;
    const psk = `<eid:PSK><eid:ID>${pskId}</eid:ID><eid:Key>${randomBytes(32).toString('hex')}</eid:Key></eid:PSK>`;
    await useId({ GivenNames: 'REQUIRED' }, psk);
    const again = await soap(useIdRequest({ GivenNames: 'REQUIRED' }, psk));
    expect(result(again)).toEqual({ major: RESULT_ERROR, minor: `${MINOR}/useID#missingArgument` });
    expect(find(again, 'PSK')).toBeUndefined();
  });

  it('an operation the server does not offer → missingTerminalRights, and no session', async () => {
    const before = server.authentications.openSessions;
    const answer = await soap(useIdRequest({ GivenNames: 'REQUIRED', Sex: 'REQUIRED' }));
    expect(result(answer)).toEqual({
      major: RESULT_ERROR,
      minor: `${MINOR}/useID#missingTerminalRights`,
    });
    expect(textOf(answer, 'ResultMessage')).toContain('Sex');
    expect(find(answer, 'Session')).toBeUndefined();
    expect(server.authentications.openSessions).toBe(before);
    // One the XSD names but no CHAT right covers (the e-mail address) is not offered either.
    const email = await soap(useIdRequest({ GivenNames: 'REQUIRED', EmailAddress: 'REQUIRED' }));
    expect(result(email).minor).toBe(`${MINOR}/useID#missingTerminalRights`);
    expect(server.authentications.openSessions).toBe(before);
  });

  it('an unknown operation PROHIBITED is no request for it', async () => {
    const started = await useId({ GivenNames: 'REQUIRED', Sex: 'PROHIBITED' });
    expect(started.pskId).not.toBe('');
  });
});

describe('a full authentication, then getResult', () => {
  it('PersonalData, RestrictedID, FulfilsAgeVerification and OperationsAllowedByUser', async () => {
    const started = await useId(askEverything, age18);
    const card = newCard();
    expect(authenticate(started, card).result).toEqual({ major: 'ok' });

    const answer = await getResult(started.sessionIdHex, 1);
    expect(result(answer)).toEqual({ major: RESULT_OK });
    const personal = find(answer, 'PersonalData');
    expect(personal?.children.map((child) => child.name)).toEqual([
      'GivenNames',
      'FamilyNames',
      'DateOfBirth',
      'PlaceOfResidence',
      'RestrictedID',
    ]);
    const data = personal ?? answer;
    expect(textOf(data, 'GivenNames')).toBe('ERIKA');
    expect(textOf(data, 'FamilyNames')).toBe('MUSTERMANN');
    expect(pairs(find(data, 'DateOfBirth'))).toEqual({
      DateString: '19640812',
      DateValue: '1964-08-12',
    });
    expect(pairs(find(data, 'StructuredPlace'))).toEqual({
      Street: 'HEIDESTRA\u1e9eE 17',
      City: 'K\u00d6LN',
      Country: 'D',
      ZipCode: '51147',
    });
    const [service] = server.authentications.services();
    const sectorKey = service?.credentials.sectorPrivateKey;
    const pseudonym = createHash('sha256')
      .update(ecSharedX(sectorKey ?? Buffer.alloc(0), card.restrictedIdentificationPublicKey))
      .digest('hex');
    expect(textOf(data, 'RestrictedID', 'ID')).toBe(pseudonym.toUpperCase());
    expect(textOf(answer, 'FulfilsAgeVerification', 'FulfilsRequest')).toBe('true');
    expect(find(answer, 'FulfilsPlaceVerification')).toBeUndefined();

    const allowed = pairs(find(answer, 'OperationsAllowedByUser'));
    expect(allowed).toMatchObject({
      GivenNames: 'ALLOWED',
      FamilyNames: 'ALLOWED',
      DateOfBirth: 'ALLOWED',
      PlaceOfResidence: 'ALLOWED',
      RestrictedID: 'ALLOWED',
      AgeVerification: 'ALLOWED',
      DocumentType: 'PROHIBITED',
      PlaceVerification: 'PROHIBITED',
    });

    // Read once: afterwards the session is gone, whatever the counter.
    expect(result(await getResult(started.sessionIdHex, 2))).toEqual({
      major: RESULT_ERROR,
      minor: `${MINOR}/getResult#invalidSession`,
    });
    expect(result(await getResult(started.sessionIdHex, 1))).toMatchObject({
      minor: `${MINOR}/getResult#invalidSession`,
    });
  });

  it('the citizen’s deselection shows in OperationsAllowedByUser and the data', async () => {
    const started = await useId({ GivenNames: 'REQUIRED', DateOfBirth: 'ALLOWED' });
    const run = authenticate(started, newCard(), {
      chooseRights: ({ required, optional }) =>
        [...required, ...optional].filter((right) => right !== 'readDG8'),
    });
    expect(run.result).toEqual({ major: 'ok' });
    const answer = await getResult(started.sessionIdHex, 1);
    expect(pairs(find(answer, 'OperationsAllowedByUser'))).toMatchObject({
      GivenNames: 'ALLOWED',
      DateOfBirth: 'PROHIBITED',
    });
    expect(find(find(answer, 'PersonalData') ?? answer, 'DateOfBirth')).toBeUndefined();
  });

  it('while pending: noResultYet, a repeated counter → invalidCounter, a higher one → noResultYet', async () => {
    const started = await useId({ GivenNames: 'REQUIRED' });
    const noResultYet = { major: RESULT_ERROR, minor: `${MINOR}/getResult#noResultYet` };
    const invalidCounter = { major: RESULT_ERROR, minor: `${MINOR}/getResult#invalidCounter` };
    expect(result(await getResult(started.sessionIdHex, 1))).toEqual(noResultYet);
    expect(result(await getResult(started.sessionIdHex, 1))).toEqual(invalidCounter);
    expect(result(await getResult(started.sessionIdHex, 2))).toEqual(noResultYet);
    expect(result(await getResult(started.sessionIdHex, 2))).toEqual(invalidCounter);

    expect(authenticate(started).result).toEqual({ major: 'ok' });
    // A stale counter does not take the finished result away.
    expect(result(await getResult(started.sessionIdHex, 1))).toEqual(invalidCounter);
    const answer = await getResult(started.sessionIdHex, 3);
    expect(result(answer)).toEqual({ major: RESULT_OK });
    expect(textOf(answer, 'GivenNames')).toBe('ERIKA');
  });

  it('an unknown session → invalidSession', async () => {
    const unknown = randomBytes(32).toString('hex');
    expect(result(await getResult(unknown, 1))).toEqual({
      major: RESULT_ERROR,
      minor: `${MINOR}/getResult#invalidSession`,
    });
  });
});

describe('getResult for sessions that did not succeed', () => {
  it('cancelled by the citizen → the cancellation minor', async () => {
    const started = await useId({ GivenNames: 'REQUIRED' });
    expect(authenticate(started, newCard(), { cancelAt: 'EAC1' }).result.major).toBe('error');
    const answer = await getResult(started.sessionIdHex, 1);
    expect(result(answer)).toEqual({
      major: RESULT_ERROR,
      minor: 'http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#cancellationByUser',
    });
    expect(find(answer, 'PersonalData')).toBeUndefined();
  });

  it('an expired document → invalidDocument, no personal data', async () => {
    const started = await useId({ GivenNames: 'REQUIRED', FamilyNames: 'REQUIRED' });
    const expired = newCard({
      holder: { dateOfBirth: '19640812', dateOfExpiry: '20200101', communityId: '02760503150000' },
    });
    expect(authenticate(started, expired).result).toEqual({ major: 'ok' });
    const answer = await getResult(started.sessionIdHex, 1);
    expect(result(answer)).toEqual({
      major: RESULT_ERROR,
      minor: `${MINOR}/getResult#invalidDocument`,
    });
    expect(JSON.stringify(answer)).not.toContain('ERIKA');
  });

  it('an EF.CardSecurity from an untrusted signer → invalidDocument', async () => {
    const started = await useId({ GivenNames: 'REQUIRED' });
    const card = newCard();
    const untrusted = makeDocumentPki('Untrusted');
    const run = authenticate(started, card, {
      efCardSecurity: () =>
        makeCardSecurity({ content: card.securityInfos, signer: untrusted.documentSigner }),
    });
    expect(run.result.major).toBe('error');
    expect(result(await getResult(started.sessionIdHex, 1))).toEqual({
      major: RESULT_ERROR,
      minor: `${MINOR}/getResult#invalidDocument`,
    });
  });
});

describe('getServerInfo', () => {
  it('the version, and every operation the test AT certificate grants', async () => {
    const answer = await soap(soapEnvelope('<eid:getServerInfoRequest/>'));
    expect(pairs(find(answer, 'ServerVersion'))).toEqual({
      VersionString: 'SIDbox eID-Server, TR-03130 2.0',
      Major: '2',
      Minor: '0',
    });
    const rights = pairs(find(answer, 'DocumentVerificationRights'));
    // The test AT certificate grants DG1–DG21, RI, age and community id verification.
    const granted = [
      'DocumentType',
      'IssuingState',
      'DateOfExpiry',
      'GivenNames',
      'FamilyNames',
      'ArtisticName',
      'AcademicTitle',
      'DateOfBirth',
      'PlaceOfBirth',
      'Nationality',
      'BirthName',
      'PlaceOfResidence',
      'MunicipalityID',
      'ResidencePermitI',
      'ResidencePermitII',
      'PhoneNumber',
      'RestrictedID',
      'AgeVerification',
      'PlaceVerification',
    ];
    expect(rights).toEqual(Object.fromEntries(granted.map((name) => [name, 'ALLOWED'])));
    expect(Object.keys(rights)).not.toContain('EmailAddress');
  });
});

describe('what the interface refuses', () => {
  function expectFault(answer: HttpsAnswer): void {
    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8');
    const fault = find(parseAnswer(answer.body), 'Fault');
    expect(textOf(fault ?? parseAnswer(answer.body), 'faultcode')).toBe('soap:Client');
    expect(answer.body).not.toMatch(stackTrace);
    expect(answer.body).not.toContain(server.setup.apiKey);
  }

  it.each([
    ['malformed XML', '<soapenv:Envelope><soapenv:Body><eid:useIDRequest>'],
    ['not XML at all', 'useID please'],
    ['an empty body', ''],
    [
      'a DOCTYPE with an external entity',
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${soapEnvelope('<eid:getServerInfoRequest>&e;</eid:getServerInfoRequest>')}`,
    ],
    ['an unknown operation', soapEnvelope('<eid:deleteAllSessionsRequest/>')],
    [
      'two operations in one Body',
      soapEnvelope('<eid:getServerInfoRequest/><eid:getServerInfoRequest/>'),
    ],
    ['not a SOAP envelope', '<eid:getServerInfoRequest xmlns:eid="http://bsi.bund.de/eID/"/>'],
    [
      'a getResult without RequestCounter',
      soapEnvelope(
        `<eid:getResultRequest><eid:Session><eid:ID>${'AB'.repeat(32)}</eid:ID></eid:Session></eid:getResultRequest>`,
      ),
    ],
    ['a session id that is not hex', getResultRequest(`Z${'A'.repeat(63)}`, 1)],
    ['a negative RequestCounter', getResultRequest('AB'.repeat(32), -1)],
    [
      'an unknown entity',
      soapEnvelope('<eid:getServerInfoRequest>&bogus;</eid:getServerInfoRequest>'),
    ],
  ])('%s → SOAP Fault, HTTP 500, no stack trace', async (_name, xml) => {
    expectFault(await post(xml));
  });

  it('invalid UTF-8 → SOAP Fault', async () => {
    const bytes = Buffer.concat([
      Buffer.from(soapEnvelope('<eid:useIDRequest><eid:UseOperations><eid:GivenNames>')),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('</eid:GivenNames></eid:UseOperations></eid:useIDRequest>'),
    ]);
    expectFault(await post(bytes, { 'content-type': 'text/xml' }));
  });

  it.each([
    ['no Authorization', (): Record<string, string> => ({})],
    ['a wrong key', () => ({ authorization: 'Bearer wrong-key-wrong-key' })],
    ['the key in another scheme', () => ({ authorization: `Basic ${server.setup.apiKey}` })],
    ['the key with a suffix', () => ({ authorization: `Bearer ${server.setup.apiKey}x` })],
  ])('%s → 401 in the house shape', async (_name, headers) => {
    const answer = await httpsRequest(`${server.setup.publicOrigin}/eservice`, {
      method: 'POST',
      ca: server.ca,
      headers: { 'content-type': 'text/xml', ...headers() },
      body: soapEnvelope('<eid:getServerInfoRequest/>'),
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'not-authenticated', message: expect.any(String) as unknown },
    });
  });

  it('no key → 401 before the body is read: the answer comes while the upload is still open', async () => {
    const { hostname, port } = new URL(server.setup.publicOrigin);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: hostname,
        port,
        method: 'POST',
        path: '/eservice',
        ca: server.ca,
        servername: 'localhost',
        headers: { 'content-type': 'text/xml', 'content-length': String(10 * 1024 * 1024) },
      });
      req.on('response', (response) => {
        resolve(response.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      // A first piece only: the rest of the announced 10 MiB never comes.
      req.write(soapEnvelope('<eid:getServerInfoRequest/>'));
    });
    expect(status).toBe(401);
  });
});

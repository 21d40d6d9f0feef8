import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { Agent, request } from 'node:https';
import { promisify } from 'node:util';
import type { SecureVersion, TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_CHECK_SERVICE } from '../src/pki/test-setup.js';
import { startPaos } from './card-double/client-messages.js';
import {
  startConfiguredEidServer,
  type ConfiguredEidServer,
} from './helpers/configured-eid-server.js';
import { readResponse, type HttpsAnswer } from './helpers/https-client.js';
import { pskPost } from './helpers/psk-client.js';
import { find, parseAnswer, soapEnvelope } from './helpers/soap-eservice.js';

/**
 * An eService that authenticates by mutual TLS only: its client certificate's SHA-256 is
 * configured, it has no API key. The server asks every TLS client for a certificate then; a
 * browser and AusweisApp, which have none, must be served as before.
 */
interface ClientCertificate {
  keyPem: string;
  certPem: string;
  certDer: Buffer;
}

/** A self-signed EC P-256 client certificate, as an eService's operator makes one with openssl. */
async function makeClientCertificate(commonName: string): Promise<ClientCertificate> {
  const { stdout } = await promisify(execFile)('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
    ...['-keyout', '-', '-subj', `/CN=${commonName}`, '-days', '2'],
  ]);
  const pem = (label: string) =>
    new RegExp(`-----BEGIN ${label}-----[^-]+-----END ${label}-----`).exec(stdout)?.[0] ?? '';
  const certPem = pem('CERTIFICATE');
  return { keyPem: pem('PRIVATE KEY'), certPem, certDer: new X509Certificate(certPem).raw };
}

let server: ConfiguredEidServer;
let eService: ClientCertificate;
let stranger: ClientCertificate;

beforeAll(async () => {
  [eService, stranger] = await Promise.all([
    makeClientCertificate('eservice.example'),
    makeClientCertificate('stranger.example'),
  ]);
  const fingerprint = createHash('sha256').update(eService.certDer).digest('hex');
  server = await startConfiguredEidServer({
    edit: (config) => {
      const [service] = config.services as Record<string, unknown>[];
      if (service?.id !== SELF_CHECK_SERVICE) throw new Error('the test setup changed');
      delete service.apiKeyFile;
      service.clientCertificateSha256 = fingerprint;
    },
  });
});
afterAll(() => server.close());

interface ClientTls {
  cert?: ClientCertificate;
  maxVersion?: SecureVersion;
  agent?: Agent;
  headers?: Record<string, string>;
}

interface TlsAnswer extends HttpsAnswer {
  /** Whether the TLS session was resumed (no new certificate exchange). */
  resumed: boolean;
}

function send(method: string, path: string, body: string | undefined, tls: ClientTls = {}) {
  return new Promise<TlsAnswer>((resolve, reject) => {
    const req = request(
      `${server.setup.publicOrigin}${path}`,
      {
        method,
        ca: server.ca,
        servername: 'localhost',
        // A fresh connection per request unless the test brings an agent: identities never mix.
        agent: tls.agent ?? false,
        ...(tls.cert && { cert: tls.cert.certPem, key: tls.cert.keyPem }),
        ...(tls.maxVersion && { maxVersion: tls.maxVersion }),
        headers: {
          ...(body !== undefined && { 'content-type': 'text/xml; charset=utf-8' }),
          ...tls.headers,
        },
      },
      (response) =>
        void readResponse(response).then(
          (answer) =>
            resolve({ ...answer, resumed: (response.socket as TLSSocket).isSessionReused() }),
          reject,
        ),
    );
    req.on('error', reject);
    req.end(body);
  });
}

const serverInfo = soapEnvelope('<eid:getServerInfoRequest/>');
const soap = (tls: ClientTls) => send('POST', '/eservice', serverInfo, tls);
const versionOf = (answer: HttpsAnswer) => find(parseAnswer(answer.body), 'VersionString')?.text;

describe('the eService interface by client certificate', () => {
  it.each(['TLSv1.3', 'TLSv1.2'] as const)(
    'over %s: the configured certificate is served',
    async (version) => {
      const answer = await soap({ cert: eService, maxVersion: version });
      expect(answer.status).toBe(200);
      expect(versionOf(answer)).toBe('SIDbox eID-Server, TR-03130 2.0');
    },
  );

  it('useID by certificate starts a session of that service', async () => {
    const before = server.authentications.openSessions;
    const answer = await send(
      'POST',
      '/eservice',
      soapEnvelope(
        '<eid:useIDRequest><eid:UseOperations><eid:GivenNames>REQUIRED</eid:GivenNames></eid:UseOperations></eid:useIDRequest>',
      ),
      { cert: eService },
    );
    expect(answer.status).toBe(200);
    expect(find(parseAnswer(answer.body), 'ResultMajor')?.text).toMatch(/#ok$/);
    expect(server.authentications.openSessions).toBe(before + 1);
  });

  it('a resumed TLS session still knows the certificate', async () => {
    const agent = new Agent({ keepAlive: false, maxCachedSessions: 10 });
    try {
      const first = await soap({ cert: eService, agent });
      const second = await soap({ cert: eService, agent });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.resumed).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it.each([
    ['no certificate', {}],
    ['no certificate over TLS 1.2', { maxVersion: 'TLSv1.2' as const }],
    ['another self-signed certificate', { cert: 'stranger' as const }],
    ['another certificate and the old API key', { cert: 'stranger' as const, key: true }],
  ])(
    '%s → 401',
    async (
      _name,
      { cert, maxVersion, key }: { cert?: 'stranger'; maxVersion?: SecureVersion; key?: boolean },
    ) => {
      const answer = await soap({
        ...(cert && { cert: stranger }),
        ...(maxVersion && { maxVersion }),
        ...(key && { headers: { authorization: `Bearer ${server.setup.apiKey}` } }),
      });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'not-authenticated' } });
    },
  );

  it('the JSON API is served by certificate too, and refused without one', async () => {
    const body = JSON.stringify({
      operations: { givenNames: 'REQUIRED' },
      refreshAddress: `${server.setup.publicOrigin}/done`,
    });
    const json = { 'content-type': 'application/json' };
    const withCert = await send('POST', '/api/v1/sessions', body, {
      cert: eService,
      headers: json,
    });
    expect(withCert.status).toBe(201);
    const without = await send('POST', '/api/v1/sessions', body, { headers: json });
    expect(without.status).toBe(401);
  });
});

describe('clients without a certificate, while the server asks for one', () => {
  it.each(['TLSv1.3', 'TLSv1.2'] as const)(
    'a browser over %s: the self-check pages, the TC token, then PAOS over TLS-PSK',
    async (maxVersion) => {
      const start = await send('GET', '/self-check?lang=de', undefined, { maxVersion });
      expect(start.status).toBe(200);
      expect(start.body).toContain('<html lang="de"');

      const activation = await send('GET', '/self-check/start?lang=de', undefined, { maxVersion });
      expect(activation.status).toBe(303);
      const tcTokenUrl = new URL(
        new URL(String(activation.headers.location)).searchParams.get('tcTokenURL') ?? '',
      );
      expect(tcTokenUrl.origin).toBe(server.setup.publicOrigin);

      const token = await send('GET', tcTokenUrl.pathname, undefined, { maxVersion });
      expect(token.status).toBe(200);
      const parsed = parseAnswer(token.body);
      const identity = find(parsed, 'SessionIdentifier')?.text ?? '';
      const psk = Buffer.from(find(parsed, 'PSK')?.text ?? '', 'hex');
      expect(identity).not.toBe('');

      // AusweisApp's RSA-PSK handshake gets the same CertificateRequest and has no certificate.
      const paos = await pskPost(`${server.setup.publicOrigin}/paos`, {
        identity,
        psk,
        ca: server.ca,
        body: startPaos(identity).xml,
      });
      expect(paos.status).toBe(200);
      expect(paos.body).toContain('DIDAuthenticate');
    },
  );

  it('the health check answers a plain client', async () => {
    const health = await send('GET', '/healthz', undefined);
    expect(health.status).toBe(200);
  });
});

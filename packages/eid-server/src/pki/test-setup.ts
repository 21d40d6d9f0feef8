import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { simulatorCscaCertificate } from './simulator-trust.js';
import { createTestPki, type TestPki, type TestTerminal } from './test-pki.js';

export interface TestSetupOptions {
  /** Where eID-Clients reach the server: the TC token and PAOS origin, and the subjectURL. */
  host: string;
  port: number;
  /** The interface to listen on (default 127.0.0.1). */
  listenHost?: string;
  /**
   * The eService's own origin (its subjectURL), when it serves its TC tokens itself; AusweisApp
   * wants the TC token from the subjectURL's origin. Default: this server's, as for the self-check.
   */
  serviceOrigin?: string;
  serviceName?: string;
  /** Hub members, each with a service of its own for its eID apps (`organisation: <id>`). */
  members?: { organisationId: string; name: string }[];
  /** The hub the eID-Server pulls the members' apps from, and the key it sends. */
  hub?: { url: string; apiKey: string };
  /** Also an OpenID Connect provider at /oidc (needs `hub`): a new EC P-256 signing key. */
  oidc?: boolean;
}

/** A member's service: its id and the API key its access points use with the JSON API. */
export interface MemberService {
  organisationId: string;
  serviceId: string;
  apiKey: string;
}

export interface TestSetup {
  configFile: string;
  /** The self-check service's API key for the JSON eService interface. */
  apiKey: string;
  publicOrigin: string;
  /**
   * Base64 SHA-256 of the TLS certificate's public key (SPKI): what a kiosk terminal's
   * `testEidServer.tlsSpkiSha256` (and Chromium's --ignore-certificate-errors-spki-list) names.
   */
  tlsSpkiSha256: string;
  pki: TestPki;
  /** In the order of `options.members`. */
  members: MemberService[];
}

/** The service every test setup has: the self-check ("Online-Ausweis testen"). */
export const SELF_CHECK_SERVICE = 'self-check';

/** A member's service id: `member-<organisation uuid>`. */
export const memberServiceId = (organisationId: string) => `member-${organisationId.toLowerCase()}`;

/**
 * Writes a complete test setup into `dir`: TLS certificate, a DV/AT chain under the test CVCA
 * name the AusweisApp Simulator trusts, the sector key, the Simulator's CSCA as trust anchor, an
 * API key and `eid-server.yaml` naming them; per hub member a service with its own AT
 * certificate, description, sector key and API key, all with this server's origin as subjectURL
 * (the apps' pages and the access points' RefreshAddress `/apps/done` live here). For tests and demos: AusweisApp accepts it only with
 * pre-verification off, and no real card trusts it.
 */
export async function writeTestSetup(dir: string, options: TestSetupOptions): Promise<TestSetup> {
  const publicOrigin = new URL(`https://${options.host}:${options.port}`).origin;
  const serviceOrigin = options.serviceOrigin ?? publicOrigin;
  // A member's terminal names this server's origin; with another serviceOrigin (an eService that
  // serves its own TC tokens) the members' pages could not start their sessions here.
  if (options.members?.length && serviceOrigin !== publicOrigin)
    throw new Error('members need the default serviceOrigin (this server)');
  const pki = await createTestPki({
    origin: serviceOrigin,
    serviceName: options.serviceName ?? 'SIDbox Online-Ausweis testen',
    hosts: [...new Set([options.host, 'localhost', '127.0.0.1'])],
    moreTerminals: (options.members ?? []).map(({ name }) => ({ serviceName: name })),
  });
  const apiKey = randomBytes(32).toString('base64url');
  await mkdir(join(dir, 'terminal'), { recursive: true, mode: 0o700 });
  const files: [string, string | Buffer][] = [
    ['tls.key.pem', pki.tls.keyPem],
    ['tls.cert.pem', pki.tls.certPem],
    ['terminal/dv.cvc', pki.dvCertificate],
    ['terminal/at.cvc', pki.atCertificate],
    ['terminal/at.key.pem', pki.atPrivateKeyPem],
    ['terminal/description.der', pki.certificateDescription],
    ['terminal/sector.key.pem', pki.sectorPrivateKeyPem],
    ['simulator-csca.der', simulatorCscaCertificate],
    ['self-check.key', `${apiKey}\n`],
  ];
  const members = (options.members ?? []).map(({ organisationId }, index) => {
    const serviceId = memberServiceId(organisationId);
    const terminal = pki.moreTerminals[index] as TestTerminal;
    const folder = `members/${serviceId}`;
    const memberKey = randomBytes(32).toString('base64url');
    files.push(
      [`${folder}/at.cvc`, terminal.atCertificate],
      [`${folder}/at.key.pem`, terminal.atPrivateKeyPem],
      [`${folder}/description.der`, terminal.certificateDescription],
      [`${folder}/sector.key.pem`, terminal.sectorPrivateKeyPem],
      [`${folder}/api.key`, `${memberKey}\n`],
    );
    return { organisationId, serviceId, folder, apiKey: memberKey };
  });
  for (const { folder } of members)
    await mkdir(join(dir, folder), { recursive: true, mode: 0o700 });
  if (options.hub) files.push(['hub.key', `${options.hub.apiKey}\n`]);
  if (options.oidc) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    files.push(['oidc-signing.key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' })]);
  }
  for (const [name, content] of files) {
    await writeFile(join(dir, name), content, { mode: 0o600 });
  }
  const config = {
    listen: { host: options.listenHost ?? '127.0.0.1', port: options.port },
    publicOrigin,
    tls: { key: 'tls.key.pem', certificate: 'tls.cert.pem' },
    trust: { certificates: ['simulator-csca.der'] },
    ...(serviceOrigin === publicOrigin && { selfCheck: { service: SELF_CHECK_SERVICE } }),
    services: [
      {
        id: SELF_CHECK_SERVICE,
        name: 'Online-Ausweis testen',
        apiKeyFile: 'self-check.key',
        terminal: {
          certificates: ['terminal/dv.cvc', 'terminal/at.cvc'],
          privateKey: 'terminal/at.key.pem',
          certificateDescription: 'terminal/description.der',
          sectorPrivateKey: 'terminal/sector.key.pem',
        },
      },
      ...members.map(({ organisationId, serviceId, folder }, index) => ({
        id: serviceId,
        name: options.members?.[index]?.name ?? serviceId,
        apiKeyFile: `${folder}/api.key`,
        organisation: organisationId,
        terminal: {
          certificates: ['terminal/dv.cvc', `${folder}/at.cvc`],
          privateKey: `${folder}/at.key.pem`,
          certificateDescription: `${folder}/description.der`,
          sectorPrivateKey: `${folder}/sector.key.pem`,
        },
      })),
    ],
    ...(options.hub && { hub: { url: options.hub.url, apiKeyFile: 'hub.key' } }),
    ...(options.oidc && { oidc: { signingKey: 'oidc-signing.key.pem' } }),
  };
  const configFile = join(dir, 'eid-server.yaml');
  const header = '# A test setup made by `sidbox eid-server test-pki`: for tests and demos only.\n';
  await writeFile(configFile, header + stringify(config), { mode: 0o600 });
  const spki = new X509Certificate(pki.tls.certPem).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  const tlsSpkiSha256 = createHash('sha256').update(spki).digest('base64');
  return {
    configFile,
    apiKey,
    publicOrigin,
    tlsSpkiSha256,
    pki,
    members: members.map(({ organisationId, serviceId, apiKey }) => ({
      organisationId,
      serviceId,
      apiKey,
    })),
  };
}

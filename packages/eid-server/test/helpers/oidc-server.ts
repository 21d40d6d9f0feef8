import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { AuthenticationService } from '../../src/authentication-service.js';
import { loadEidServerConfig } from '../../src/config/load.js';
import { buildApp } from '../../src/http/app.js';
import { writeTestSetup, type TestSetup } from '../../src/pki/test-setup.js';
import { makeDocumentPki } from '../card-double/card-identity.js';
import type { ClientHooks } from '../card-double/client.js';
import { citizenPath, type CitizenPath } from './citizen-path.js';
import { capturingLogger, freePort } from './eid-server.js';
import { FakeOidcClientDirectory } from './oidc-fake-clients.js';
import { fetchTrusting, OidcBrowser } from './oidc-browser.js';

/** What AusweisApp appends to the RefreshAddress when it sends the browser there. */
const RESULT_OK = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok';

/**
 * The eID-Server with its OpenID provider, two members' services and their platforms from a
 * FAKE hub, trusting the card double's document PKI, on a real HTTPS port: the whole sign-in in
 * process (openid-client, the sign-in page, the card double, the token).
 */
export interface OidcServer {
  /** The test setup's folder. */
  dir: string;
  setup: TestSetup;
  issuer: string;
  directory: FakeOidcClientDirectory;
  /** Two members with a service each, and one without. */
  members: { a: string; b: string; withoutService: string };
  citizen: CitizenPath;
  logLines: string[];
  /** A platform's openid-client configuration, by discovery. */
  client(clientId: string, auth?: 'post' | 'basic'): Promise<oidc.Configuration>;
  /** A new browser that trusts the server. */
  browser(): OidcBrowser;
  /**
   * The browser's way from the sign-in page's start link through the card double back to the
   * provider: where the provider sends the browser next (the platform's redirect URI).
   */
  readCard(browser: OidcBrowser, signinPage: URL, hooks?: ClientHooks): Promise<URL>;
  close(): Promise<void>;
}

export async function startOidcServer(): Promise<OidcServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-oidc-'));
  const members = { a: randomUUID(), b: randomUUID(), withoutService: randomUUID() };
  const setup = await writeTestSetup(dir, {
    host: '127.0.0.1',
    port: await freePort(),
    members: [
      { organisationId: members.a, name: 'Hochschule Aurora' },
      { organisationId: members.b, name: 'Sportverein Blau-Weiß' },
    ],
    // Never asked: the fake directory stands in for the hub.
    hub: { url: 'http://127.0.0.1:9', apiKey: 'unused' },
    oidc: true,
  });
  const documents = makeDocumentPki('Oidc');
  const loaded = await loadEidServerConfig(setup.configFile);
  const config = { ...loaded, trust: { certificates: [documents.csca.der] } };
  const logLines: string[] = [];
  const logger = capturingLogger(logLines);
  const authentications = new AuthenticationService(config, logger);
  const directory = new FakeOidcClientDirectory();
  const app = await buildApp({ config, authentications, logger, oidcClients: directory });
  await app.listen({ host: '127.0.0.1', port: config.config.listen.port });
  const citizen = await citizenPath(dir, setup, documents, authentications);
  const issuer = `${setup.publicOrigin}/oidc`;
  const customFetch = fetchTrusting(citizen.ca);
  return {
    dir,
    setup,
    issuer,
    directory,
    members,
    citizen,
    logLines,
    async client(clientId, auth = 'post') {
      const secret = directory.list.find((c) => c.clientId === clientId)?.clientSecret ?? '';
      const configuration = await oidc.discovery(
        new URL(issuer),
        clientId,
        undefined,
        auth === 'post' ? oidc.ClientSecretPost(secret) : oidc.ClientSecretBasic(secret),
        { [oidc.customFetch]: customFetch },
      );
      configuration[oidc.customFetch] = customFetch;
      return configuration;
    },
    browser: () => new OidcBrowser(citizen.ca),
    async readCard(browser, signinPage, hooks) {
      const page = await browser.get(signinPage.href);
      const start = /href="([^"]*\/start[^"]*)"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
      const activation = await browser.redirect(new URL(start ?? '', signinPage).href);
      const tcTokenUrl = activation.searchParams.get('tcTokenURL') ?? '';
      const tcToken = await browser.get(tcTokenUrl);
      const refresh = /<RefreshAddress>([^<]*)<\/RefreshAddress>/.exec(tcToken.body)?.[1] ?? '';
      const refreshAddress = new URL(refresh.replaceAll('&amp;', '&'));
      const sessionId = new URL(tcTokenUrl).pathname.split('/').at(-1) ?? '';
      citizen.runCard({ activation, sessionId, refreshAddress }, citizen.newCard(), hooks);
      refreshAddress.searchParams.set('ResultMajor', RESULT_OK);
      const resume = await browser.redirect(refreshAddress.href);
      return browser.redirect(resume.href);
    },
    async close() {
      await app.close();
      authentications.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

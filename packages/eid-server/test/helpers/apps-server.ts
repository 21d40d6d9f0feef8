import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationService } from '../../src/authentication-service.js';
import { loadEidServerConfig, type LoadedConfig } from '../../src/config/load.js';
import { buildApp } from '../../src/http/app.js';
import { SIMULATOR_CVCA_NAME } from '../../src/pki/test-pki.js';
import { writeTestSetup, type TestSetup } from '../../src/pki/test-setup.js';
import { CardDouble, type CardDoubleOptions } from '../card-double/card.js';
import { makeCardIdentity, makeDocumentPki } from '../card-double/card-identity.js';
import { EidClientDouble, type ClientHooks, type ClientRun } from '../card-double/client.js';
import { capturingLogger, freePort } from './eid-server.js';
import { FakeAppDirectory } from './fake-app-directory.js';
import { httpsRequest, type HttpsAnswer } from './https-client.js';

/** What AusweisApp appends to the RefreshAddress when it sends the browser there. */
const RESULT_OK = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok';

/**
 * The eID-Server with two members' services and their apps from a fake hub, trusting the card
 * double's document PKI, on a real HTTPS port with a clock the test controls: the citizen's
 * whole path in process (app page, start, card, result, form).
 */
export interface AppsServer {
  setup: TestSetup;
  config: LoadedConfig;
  directory: FakeAppDirectory;
  /** Two members with a service each, and one without. */
  members: { a: string; b: string; withoutService: string };
  authentications: AuthenticationService;
  origin: string;
  logLines: string[];
  /** Moves the pages' clock (tokens, hand-over codes) on. */
  advance(ms: number): void;
  get(path: string, headers?: Record<string, string>): Promise<HttpsAnswer>;
  post(path: string, form: Record<string, string>): Promise<HttpsAnswer>;
  newCard(options?: Partial<CardDoubleOptions>): CardDouble;
  /** GET the start address: the activation, the session, the RefreshAddress. */
  start(path: string): Promise<StartedApp>;
  runCard(started: StartedApp, card?: CardDouble, hooks?: ClientHooks): ClientRun;
  /** The RefreshAddress as AusweisApp sends the browser there. */
  result(started: StartedApp): Promise<HttpsAnswer>;
  close(): Promise<void>;
}

export interface StartedApp {
  sessionId: string;
  refreshAddress: URL;
}

export async function startAppsServer(): Promise<AppsServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-apps-'));
  const members = { a: randomUUID(), b: randomUUID(), withoutService: randomUUID() };
  const setup = await writeTestSetup(dir, {
    host: '127.0.0.1',
    port: await freePort(),
    members: [
      { organisationId: members.a, name: 'Hotel Aurora' },
      { organisationId: members.b, name: 'Sportverein Blau-Weiß' },
    ],
    // Never asked: the fake directory stands in for the hub.
    hub: { url: 'http://127.0.0.1:9', apiKey: 'unused' },
  });
  const documents = makeDocumentPki('Apps');
  const loaded = await loadEidServerConfig(setup.configFile);
  const config = { ...loaded, trust: { certificates: [documents.csca.der] } };
  const logLines: string[] = [];
  const logger = capturingLogger(logLines);
  let now = Date.now();
  const authentications = new AuthenticationService(config, logger, () => new Date(now));
  const directory = new FakeAppDirectory();
  const app = await buildApp({ config, authentications, logger, directory, now: () => now });
  await app.listen({ host: '127.0.0.1', port: config.config.listen.port });
  const ca = await readFile(join(dir, 'tls.cert.pem'), 'utf8');
  const origin = setup.publicOrigin;
  const get = (path: string, headers: Record<string, string> = {}) =>
    httpsRequest(new URL(path, origin).href, { ca, headers });
  const newCard = (options: Partial<CardDoubleOptions> = {}) =>
    new CardDouble({
      trustAnchor: { name: SIMULATOR_CVCA_NAME, publicKey: setup.pki.cvcaPublicKey },
      identity: makeCardIdentity(documents.documentSigner),
      ...options,
    });
  return {
    setup,
    config,
    directory,
    members,
    authentications,
    origin,
    logLines,
    advance: (ms) => void (now += ms),
    get,
    post: (path, form) =>
      httpsRequest(new URL(path, origin).href, {
        ca,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    newCard,
    async start(path) {
      const answer = await get(path);
      if (answer.status !== 303) throw new Error(`${path} answered ${answer.status}`);
      const activation = new URL(String(answer.headers['location']));
      const tcTokenUrl = activation.searchParams.get('tcTokenURL') ?? '';
      const tcToken = await get(tcTokenUrl);
      const refreshAddress = /<RefreshAddress>([^<]*)<\/RefreshAddress>/.exec(tcToken.body)?.[1];
      return {
        sessionId: new URL(tcTokenUrl).pathname.split('/').at(-1) ?? '',
        refreshAddress: new URL((refreshAddress ?? '').replaceAll('&amp;', '&')),
      };
    },
    runCard: (started, card = newCard(), hooks = {}) =>
      new EidClientDouble(authentications, started.sessionId, card, hooks).run(),
    result(started) {
      const url = new URL(started.refreshAddress);
      url.searchParams.set('ResultMajor', RESULT_OK);
      return get(url.pathname + url.search);
    },
    async close() {
      await app.close();
      authentications.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

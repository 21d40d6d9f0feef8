import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEidServerConfig, type LoadedConfig } from '../../src/config/load.js';
import { SIMULATOR_CVCA_NAME } from '../../src/pki/test-pki.js';
import { writeTestSetup, type TestSetup } from '../../src/pki/test-setup.js';
import { startEidServer, type RunningEidServer } from '../../src/server.js';
import { CardDouble, type CardDoubleOptions } from '../card-double/card.js';
import {
  makeCardIdentity,
  makeDocumentPki,
  type DocumentPki,
} from '../card-double/card-identity.js';
import { EidClientDouble, type ClientHooks, type ClientRun } from '../card-double/client.js';
import { capturingLogger, freePort } from './eid-server.js';
import { httpsRequest, type HttpsAnswer } from './https-client.js';

/**
 * The test setup's eID-Server with its self-check pages, trusting the card double's document
 * PKI instead of the Simulator's, so that a test can play the whole citizen's path in process:
 * start page, the eID-Client activation, the card, and the result page.
 */
export interface SelfCheckServer {
  server: RunningEidServer;
  config: LoadedConfig;
  origin: string;
  /** The TLS certificate, PEM. */
  ca: string;
  logLines: string[];
  get(path: string, headers?: Record<string, string>): Promise<HttpsAnswer>;
  newCard(options?: Partial<CardDoubleOptions>): CardDouble;
  /** GET /self-check/start: the eID-Client activation it redirects to, and what it leads to. */
  startCheck(language: string): Promise<StartedCheck>;
  /** The in-process eID-Client with the card on the reader, for a started check. */
  runCard(check: StartedCheck, card?: CardDouble, hooks?: ClientHooks): ClientRun;
  close(): Promise<void>;
}

export interface StartedCheck {
  activation: URL;
  sessionId: string;
  /** The RefreshAddress of the TC token: the result page. */
  refreshAddress: URL;
}

export async function startSelfCheckServer(): Promise<SelfCheckServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-self-check-'));
  const setup: TestSetup = await writeTestSetup(dir, { host: '127.0.0.1', port: await freePort() });
  const documents: DocumentPki = makeDocumentPki('Self-check');
  const loaded = await loadEidServerConfig(setup.configFile);
  const config = { ...loaded, trust: { certificates: [documents.csca.der] } };
  const logLines: string[] = [];
  const server = await startEidServer(config, capturingLogger(logLines));
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
    server,
    config,
    origin,
    ca,
    logLines,
    get,
    newCard,
    async startCheck(language) {
      const answer = await get(`/self-check/start?lang=${language}`);
      if (answer.status !== 303) throw new Error(`/self-check/start answered ${answer.status}`);
      const activation = new URL(String(answer.headers['location']));
      const tcTokenUrl = activation.searchParams.get('tcTokenURL') ?? '';
      const tcToken = await get(tcTokenUrl);
      const refreshAddress = /<RefreshAddress>([^<]*)<\/RefreshAddress>/.exec(tcToken.body)?.[1];
      return {
        activation,
        sessionId: new URL(tcTokenUrl).pathname.split('/').at(-1) ?? '',
        refreshAddress: new URL((refreshAddress ?? '').replaceAll('&amp;', '&')),
      };
    },
    runCard: (check, card = newCard(), hooks = {}) =>
      new EidClientDouble(server.authentications, check.sessionId, card, hooks).run(),
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthenticationService } from '../../src/authentication-service.js';
import { SIMULATOR_CVCA_NAME } from '../../src/pki/test-pki.js';
import type { TestSetup } from '../../src/pki/test-setup.js';
import { CardDouble, type CardDoubleOptions } from '../card-double/card.js';
import { makeCardIdentity, type DocumentPki } from '../card-double/card-identity.js';
import { EidClientDouble, type ClientHooks, type ClientRun } from '../card-double/client.js';
import { httpsRequest, type HttpsAnswer } from './https-client.js';

/** A started authentication, as the page's start address led there. */
export interface StartedAuthentication {
  /** The eID-Client activation the start address redirected to. */
  activation: URL;
  sessionId: string;
  /** The RefreshAddress of the TC token: the result page. */
  refreshAddress: URL;
}

/** The citizen's side of an in-process eID-Server: its pages over HTTPS, and a card double. */
export interface CitizenPath {
  origin: string;
  /** The TLS certificate, PEM. */
  ca: string;
  get(path: string, headers?: Record<string, string>): Promise<HttpsAnswer>;
  /** A card of `documents`' PKI, for the test setup's (the Simulator's) CVCA. */
  newCard(options?: Partial<CardDoubleOptions>): CardDouble;
  /** GET a start address (303 to the activation), then its TC token. */
  start(path: string): Promise<StartedAuthentication>;
  /** The in-process eID-Client with the card on the reader, for a started authentication. */
  runCard(started: StartedAuthentication, card?: CardDouble, hooks?: ClientHooks): ClientRun;
}

/** The citizen's path to the test setup in `dir`, its server trusting `documents`. */
export async function citizenPath(
  dir: string,
  setup: TestSetup,
  documents: DocumentPki,
  authentications: AuthenticationService,
): Promise<CitizenPath> {
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
    origin,
    ca,
    get,
    newCard,
    async start(path) {
      const answer = await get(path);
      if (answer.status !== 303) throw new Error(`${path} answered ${answer.status}`);
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
    runCard: (started, card = newCard(), hooks = {}) =>
      new EidClientDouble(authentications, started.sessionId, card, hooks).run(),
  };
}

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationService } from '../../src/authentication-service.js';
import { loadEidServerConfig, type LoadedConfig } from '../../src/config/load.js';
import { buildApp } from '../../src/http/app.js';
import { writeTestSetup, type TestSetup } from '../../src/pki/test-setup.js';
import { makeDocumentPki } from '../card-double/card-identity.js';
import { citizenPath, type CitizenPath, type StartedAuthentication } from './citizen-path.js';
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
export interface AppsServer extends Omit<CitizenPath, 'ca'> {
  setup: TestSetup;
  config: LoadedConfig;
  directory: FakeAppDirectory;
  /** Two members with a service each, and one without. */
  members: { a: string; b: string; withoutService: string };
  authentications: AuthenticationService;
  logLines: string[];
  /** Moves the pages' clock (tokens, hand-over codes) on. */
  advance(ms: number): void;
  post(path: string, form: Record<string, string>): Promise<HttpsAnswer>;
  /** The RefreshAddress as AusweisApp sends the browser there. */
  result(started: StartedAuthentication): Promise<HttpsAnswer>;
  close(): Promise<void>;
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
  const { ca, ...citizen } = await citizenPath(dir, setup, documents, authentications);
  return {
    setup,
    config,
    directory,
    members,
    authentications,
    logLines,
    ...citizen,
    advance: (ms) => void (now += ms),
    post: (path, form) =>
      httpsRequest(new URL(path, citizen.origin).href, {
        ca,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    result(started) {
      const url = new URL(started.refreshAddress);
      url.searchParams.set('ResultMajor', RESULT_OK);
      return citizen.get(url.pathname + url.search);
    },
    async close() {
      await app.close();
      authentications.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

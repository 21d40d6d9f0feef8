import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEidServerConfig, type LoadedConfig } from '../../src/config/load.js';
import { writeTestSetup, type TestSetup } from '../../src/pki/test-setup.js';
import { startEidServer, type RunningEidServer } from '../../src/server.js';
import { makeDocumentPki, type DocumentPki } from '../card-double/card-identity.js';
import { citizenPath, type CitizenPath, type StartedAuthentication } from './citizen-path.js';
import { capturingLogger, freePort } from './eid-server.js';

/**
 * The test setup's eID-Server with its self-check pages, trusting the card double's document
 * PKI instead of the Simulator's, so that a test can play the whole citizen's path in process:
 * start page, the eID-Client activation, the card, and the result page.
 */
export interface SelfCheckServer extends Omit<CitizenPath, 'start'> {
  server: RunningEidServer;
  config: LoadedConfig;
  logLines: string[];
  /** GET /self-check/start: the eID-Client activation it redirects to, and what it leads to. */
  startCheck(language: string): Promise<StartedAuthentication>;
  close(): Promise<void>;
}

export async function startSelfCheckServer(): Promise<SelfCheckServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-self-check-'));
  const setup: TestSetup = await writeTestSetup(dir, { host: '127.0.0.1', port: await freePort() });
  const documents: DocumentPki = makeDocumentPki('Self-check');
  const loaded = await loadEidServerConfig(setup.configFile);
  const config = { ...loaded, trust: { certificates: [documents.csca.der] } };
  const logLines: string[] = [];
  const server = await startEidServer(config, capturingLogger(logLines));
  const { start, ...citizen } = await citizenPath(dir, setup, documents, server.authentications);
  return {
    server,
    config,
    logLines,
    ...citizen,
    startCheck: (language) => start(`/self-check/start?lang=${language}`),
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

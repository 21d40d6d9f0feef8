import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { AuthenticationService } from '../../src/authentication-service.js';
import { loadEidServerConfig } from '../../src/config/load.js';
import { buildApp } from '../../src/http/app.js';
import { writeTestSetup, type TestSetup } from '../../src/pki/test-setup.js';
import { capturingLogger, freePort } from './eid-server.js';

export interface ConfiguredEidServerOptions {
  /** Changes the written test setup's YAML (as an object) before the server loads it. */
  edit?: (config: Record<string, unknown>, dir: string) => Promise<void> | void;
  /** The clock of the sessions, for expiry without waiting. */
  now?: () => Date;
}

export interface ConfiguredEidServer {
  setup: TestSetup;
  dir: string;
  ca: string;
  logLines: string[];
  authentications: AuthenticationService;
  close(): Promise<void>;
}

/**
 * The eID-Server's real HTTPS app on a test setup the test may edit and with a clock it controls:
 * what `startEidServer` builds, without its sweep timer.
 */
export async function startConfiguredEidServer(
  options: ConfiguredEidServerOptions = {},
): Promise<ConfiguredEidServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-eid-server-'));
  const setup = await writeTestSetup(dir, { host: '127.0.0.1', port: await freePort() });
  const config = parse(await readFile(setup.configFile, 'utf8')) as Record<string, unknown>;
  await options.edit?.(config, dir);
  await writeFile(setup.configFile, stringify(config));
  const loaded = await loadEidServerConfig(setup.configFile);
  const logLines: string[] = [];
  const logger = capturingLogger(logLines);
  const authentications = new AuthenticationService(loaded, logger, options.now);
  const app = await buildApp({ config: loaded, authentications, logger });
  await app.listen({ host: loaded.config.listen.host, port: loaded.config.listen.port });
  return {
    setup,
    dir,
    ca: await readFile(join(dir, 'tls.cert.pem'), 'utf8'),
    logLines,
    authentications,
    close: async () => {
      await app.close();
      authentications.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

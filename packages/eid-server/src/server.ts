import type { Logger } from 'pino';
import { AuthenticationService } from './authentication-service.js';
import type { AppDirectory } from './apps/app-directory.js';
import type { LoadedConfig } from './config/load.js';
import { buildApp, type EidServerHttp } from './http/app.js';

export interface RunningEidServer {
  /** Where the server listens, e.g. https://127.0.0.1:4443 (the public origin may differ). */
  url: string;
  /** How eID-Clients reach it (TC token URLs, PAOS address). */
  publicOrigin: string;
  authentications: AuthenticationService;
  close(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 10_000;

/** Starts the eID-Server from a loaded configuration; `close()` ends it and forgets every session. */
export async function startEidServer(
  config: LoadedConfig,
  logger: Logger,
  options: { directory?: AppDirectory; now?: () => number } = {},
): Promise<RunningEidServer> {
  const authentications = new AuthenticationService(config, logger);
  const app: EidServerHttp = await buildApp({ config, authentications, logger, ...options });
  const { host, port } = config.config.listen;
  const address = await app.listen({ host, port });
  const sweeper = setInterval(() => authentications.sweep(), SWEEP_INTERVAL_MS);
  sweeper.unref();
  logger.info({ address, publicOrigin: config.config.publicOrigin }, 'eID-Server listening');
  return {
    url: address,
    publicOrigin: config.config.publicOrigin,
    authentications,
    async close() {
      clearInterval(sweeper);
      await app.close();
      authentications.close();
    },
  };
}

import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLogger } from '@sidbox/runtime';
import { selfCheckDemoService } from '@sidbox/hub';
import {
  loadEidServerConfig,
  startEidServer,
  writeTestSetup,
  type RunningEidServer,
} from '@sidbox/eid-server';
import { parse, stringify } from 'yaml';

export interface DemoEidServer {
  server: RunningEidServer;
  selfCheckUrl: string;
  /** The terminal YAML: the given example plus the test eID-Server's TLS key and self-check. */
  terminalConfig: string;
}

/** The conventional port if it is free, else any free loopback port. */
async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: taken } = server.address() as AddressInfo;
        server.close(() => resolve(taken));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0)) ?? preferred;
}

/**
 * `npm run demo`'s eID-Server: a `sidbox eid-server test-pki` setup in `dir`, running, and a
 * terminal configuration that trusts it and offers its self-check.
 */
export async function startDemoEidServer(
  dir: string,
  exampleConfig: string,
): Promise<DemoEidServer> {
  const setup = await writeTestSetup(join(dir, 'eid-server'), {
    host: '127.0.0.1',
    port: await freePort(4443),
  });
  const logger = createLogger('eid-server', { level: process.env.SIDBOX_LOG_LEVEL ?? 'warn' });
  const server = await startEidServer(await loadEidServerConfig(setup.configFile), logger);
  const selfCheckUrl = `${setup.publicOrigin}/self-check`;
  const terminal = parse(await readFile(exampleConfig, 'utf8')) as Record<string, unknown>;
  terminal.testEidServer = { tlsSpkiSha256: [setup.tlsSpkiSha256] };
  terminal.services = [
    selfCheckDemoService(selfCheckUrl),
    ...((terminal.services as unknown[] | undefined) ?? []),
  ];
  const terminalConfig = join(dir, 'terminal.yaml');
  await writeFile(terminalConfig, stringify(terminal), { mode: 0o600 });
  return { server, selfCheckUrl, terminalConfig };
}

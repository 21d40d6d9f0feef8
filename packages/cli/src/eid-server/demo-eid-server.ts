import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { EidServerOidcClientsResponse } from '@sidbox/protocol';
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

/** Where the demo's eID-Server will listen, chosen before the hub starts (it names it). */
export interface DemoEidServerPlace {
  port: number;
  origin: string;
  selfCheckUrl: string;
}

export async function demoEidServerPlace(): Promise<DemoEidServerPlace> {
  const port = await freePort(4443);
  const origin = `https://127.0.0.1:${port}`;
  return { port, origin, selfCheckUrl: `${origin}/self-check` };
}

export interface DemoEidServerOptions {
  place: DemoEidServerPlace;
  /** The hub the members' apps come from, and the key the eID-Server presents to it. */
  hub: { url: string; apiKey: string };
  /** Organisation ids of the members: each gets its own test certificate and sector. */
  members: { organisationId: string; name: string }[];
}

/**
 * `npm run demo`'s eID-Server: a `sidbox eid-server test-pki` setup in `dir` with a service per
 * member, running, and a terminal configuration that trusts it and offers its self-check.
 */
export async function startDemoEidServer(
  dir: string,
  exampleConfig: string,
  options: DemoEidServerOptions,
): Promise<DemoEidServer> {
  const { place } = options;
  const setup = await writeTestSetup(join(dir, 'eid-server'), {
    host: '127.0.0.1',
    port: place.port,
    members: options.members,
    hub: options.hub,
    // "Mit dem Personalausweis anmelden" for the demo's registered platforms.
    oidc: true,
  });
  const logger = createLogger('eid-server', { level: process.env.SIDBOX_LOG_LEVEL ?? 'warn' });
  const server = await startEidServer(await loadEidServerConfig(setup.configFile), logger);
  const terminal = parse(await readFile(exampleConfig, 'utf8')) as Record<string, unknown>;
  terminal.testEidServer = { tlsSpkiSha256: [setup.tlsSpkiSha256] };
  terminal.services = [
    selfCheckDemoService(place.selfCheckUrl),
    ...((terminal.services as unknown[] | undefined) ?? []),
  ];
  const terminalConfig = join(dir, 'terminal.yaml');
  await writeFile(terminalConfig, stringify(terminal), { mode: 0o600 });
  return { server, selfCheckUrl: place.selfCheckUrl, terminalConfig };
}

/**
 * The platforms registered in the demo hub for "Mit dem Personalausweis anmelden" (client id and
 * name, never the secret), as the eID-Server pulls them: what the demo prints is what runs.
 */
export async function demoOidcPlatforms(hub: {
  url: string;
  apiKey: string;
}): Promise<{ clientId: string; name: string }[]> {
  const answer = await fetch(`${hub.url}/api/eid-server/oidc-clients`, {
    headers: { authorization: `Bearer ${hub.apiKey}` },
  });
  if (!answer.ok) throw new Error(`the hub's platforms: ${answer.status}`);
  const { clients } = EidServerOidcClientsResponse.parse(await answer.json());
  return clients.map(({ clientId, name }) => ({ clientId, name }));
}

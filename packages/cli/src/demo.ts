import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { openEidConnection } from '@sidbox/eid';
import { silentLogger } from '@sidbox/runtime';
import { startDemoHub } from './hub/start-demo-hub.js';
import {
  demoEidServerPlace,
  demoOidcPlatforms,
  startDemoEidServer,
} from './eid-server/demo-eid-server.js';
import { citizenOfficeExample, runDemoTerminal } from './terminal/demo-terminal.js';

const say = (line = ''): void => void process.stdout.write(`${line}\n`);

/** One line on the eID core: the AusweisApp version and the readers it sees, or why not. */
async function eidCoreLine(): Promise<string> {
  try {
    const connection = await openEidConnection({ kind: 'ausweisapp' }, silentLogger());
    try {
      const info = await connection.client.getInfo();
      const readers = (await connection.client.getReaderList()).filter((r) => r.attached);
      const names = readers.map((r) => r.name).join(', ') || 'none';
      return `eID core: AusweisApp ${info.VersionInfo['Implementation-Version']}, readers: ${names}`;
    } finally {
      await connection.close();
    }
  } catch (error) {
    return `eID core: AusweisApp not available (${(error as Error).message})`;
  }
}

/**
 * `npm run demo`: the hub on SQLite with demo data and the training terminal enrolled and
 * connected to it, until Ctrl+C or SIGTERM; then everything stops and its files are removed.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description('start the hub with demo data and a training terminal connected to it')
    .action(async () => {
      say('SIDbox demo');
      say(await eidCoreLine());
      const workDir = await mkdtemp(join(tmpdir(), 'sidbox-demo-'));
      try {
        // The hub names the eID-Server (the members' apps run there) and the eID-Server needs
        // the hub's members: its place is chosen first, it starts after the hub.
        const place = await demoEidServerPlace();
        const eidServerKey = randomBytes(24).toString('base64url');
        const hub = await startDemoHub({
          dataDir: join(workDir, 'hub'),
          selfCheckUrl: place.selfCheckUrl,
          eidServer: { origin: place.origin, apiKey: eidServerKey },
        });
        try {
          const eidServer = await startDemoEidServer(workDir, citizenOfficeExample, {
            place,
            hub: { url: hub.url, apiKey: eidServerKey },
            members: [
              { organisationId: hub.members.city, name: 'Stadt Bonn' },
              { organisationId: hub.members.dealer, name: 'Autohaus Gabler' },
            ],
          });
          try {
            const credential = join(workDir, 'terminal.json');
            await writeFile(credential, JSON.stringify(hub.trainingTerminalCredential), {
              mode: 0o600,
            });
            say(`Hub admin UI:   ${hub.adminUrl}`);
            say(`  demo login:   ${hub.login.email} / ${hub.login.password}`);
            say(`eID-Server (test PKI): ${eidServer.server.publicOrigin}`);
            say(`  Online-Ausweis testen: ${eidServer.selfCheckUrl}`);
            say(`  the city's eID apps (hub: eID-Apps): ${place.origin}/apps/<id>`);
            say(`  library desk (hand-over): ${place.origin}/apps/bibliotheksausweis/handover`);
            // "Mit dem Personalausweis anmelden": what a platform's OIDC settings name.
            say(`  OIDC issuer:  ${eidServer.server.publicOrigin}/oidc`);
            const platforms = await demoOidcPlatforms({ url: hub.url, apiKey: eidServerKey });
            for (const { name, clientId } of platforms)
              say(`    ${name}: client id ${clientId} (secret: renew it in the hub admin UI)`);
            say('  Ihr Smartphone einrichten: kiosk home → Smartphone, and after a PIN change');
            say('    (its one-time link names 127.0.0.1: open it on this machine)');
            await runDemoTerminal({
              say,
              config: eidServer.terminalConfig,
              hub: { credential, stateDir: join(workDir, 'terminal-state') },
            });
          } finally {
            await eidServer.server.close();
          }
        } finally {
          await hub.close();
        }
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
      say('SIDbox demo stopped.');
    });
}

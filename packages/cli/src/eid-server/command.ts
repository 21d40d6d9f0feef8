import { resolve } from 'node:path';
import { Command } from 'commander';
import { createLogger } from '@sidbox/runtime';
import { loadEidServerConfig, startEidServer, writeTestSetup } from '@sidbox/eid-server';
import { ConfigError } from '@sidbox/protocol/config-file';
import { portFromFlag } from '../hub/storage-flags.js';
import { untilSignal } from '../until-signal.js';
import { UsageError } from '../usage-error.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** How the test AusweisApp accepts a test PKI (eid-server.md); production never does this. */
const ausweisAppTestSetting = `AusweisApp accepts these test certificates only with pre-verification off. Either run
  sidbox eid auth <tcTokenURL> --reader Simulator --test-pki
or, for a desktop AusweisApp 1.26 used only for tests, add to
  ~/.config/Unknown Organization/AusweisApp2.conf   (AusweisApp.conf for 2.x; edit while it is stopped)
the lines
  [preverification]
  enabled=false`;

async function loadOrExplain(file: string) {
  try {
    return await loadEidServerConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new UsageError(`${file}: configuration has problems:\n${error.message}`);
    }
    throw error;
  }
}

function testPkiCommand(): Command {
  return new Command('test-pki')
    .description(
      'write a complete test setup (TLS, DV/AT certificates, sector key, config) into a folder',
    )
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--host <name>', 'host name eID-Clients use to reach the server', 'localhost')
    .option('--port <n>', 'TCP port', '4443')
    .action(async (o: { out: string; host: string; port: string }) => {
      const setup = await writeTestSetup(resolve(o.out), {
        host: o.host,
        port: portFromFlag(o.port),
      });
      say(`test setup written: ${setup.configFile}`);
      say(`run it: sidbox eid-server --config ${setup.configFile}`);
      say(`self-check service API key: in ${resolve(o.out, 'self-check.key')}`);
      say(`self-check pages: ${setup.publicOrigin}/self-check`);
      say(
        `a kiosk terminal trusts its TLS key with:  testEidServer: { tlsSpkiSha256: ['${setup.tlsSpkiSha256}'] }`,
      );
      say(ausweisAppTestSetting);
    });
}

/** `sidbox eid-server`: the TR-03130 eID-Server, and its test setup. */
export function eidServerCommand(): Command {
  return new Command('eid-server')
    .description('run the eID-Server (TC token, PAOS over TLS-PSK, EAC, eService interface)')
    .option('--config <file>', 'the eID-Server YAML configuration')
    .addCommand(testPkiCommand())
    .action(async (o: { config?: string }) => {
      if (o.config === undefined) throw new UsageError('--config <file> is required');
      const logger = createLogger('eid-server');
      const running = await startEidServer(await loadOrExplain(o.config), logger);
      say(`SIDbox eID-Server listening at ${running.url} (public origin ${running.publicOrigin})`);
      await untilSignal(() => running.close());
    });
}

import { Command, Option } from 'commander';
import { addUser, KeyVaultError, seedDemo, startHub, type Role } from '@sidbox/hub';
import { readPasswordFromStdin } from './read-password.js';
import { portFromFlag, storageFromFlags } from './storage-flags.js';
import { eidServerFromFlags } from './eid-server-flags.js';
import { keyEncryptionFromFlags, writeNewKekFile } from './kek-flags.js';
import { UsageError } from '../usage-error.js';
import { untilSignal } from '../until-signal.js';

const roles: Role[] = ['association-admin', 'member-admin', 'member-viewer'];
const say = (line: string): void => void process.stdout.write(`${line}\n`);

function userCommand(): Command {
  const add = new Command('add')
    .description('add an admin user; the password is read from stdin')
    .requiredOption(
      '--org <id|slug>',
      'organisation id or slug ("association" for the association)',
    )
    .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
    .requiredOption('--email <email>', 'sign-in email')
    .action(async (_options: unknown, command: Command) => {
      const o = command.optsWithGlobals<{
        org: string;
        role: Role;
        email: string;
        data?: string;
      }>();
      const storage = storageFromFlags(o.data);
      const password = await readPasswordFromStdin();
      const user = await addUser({
        ...storage,
        org: o.org,
        role: o.role,
        email: o.email,
        password,
      });
      say(`added ${user.email} (${user.role}) to ${o.org}`);
    });
  return new Command('user').description('manage admin users').addCommand(add);
}

function demoSeedCommand(): Command {
  return new Command('demo-seed')
    .description('fill an empty hub database with the demo data (members, terminals, survey)')
    .requiredOption('--hub-url <url>', 'URL terminals reach the hub at (goes into credentials)')
    .action(async (_options: unknown, command: Command) => {
      const o = command.optsWithGlobals<{ data?: string; hubUrl: string }>();
      const { login } = await seedDemo({ ...storageFromFlags(o.data), hubUrl: o.hubUrl });
      say(`demo data added; sign in as ${login.email} / ${login.password}`);
    });
}

function generateKekCommand(): Command {
  return new Command('generate-kek')
    .description('write a new key-encryption key (mode 0600) for --key-encryption-key-file')
    .argument('<file>', 'where to write it; an existing file is never replaced')
    .action((file: string) => {
      writeNewKekFile(file);
      say(`wrote a new key-encryption key to ${file}; keep a copy apart from the database backups`);
    });
}

/** Bad flags anywhere below `hub` become a UsageError (exit 2), as for every sidbox command. */
function quiet(command: Command): Command {
  command
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  command.commands.forEach(quiet);
  return command;
}

interface HubFlags {
  port: string;
  host: string;
  data?: string;
  publicUrl?: string;
  eidServerOrigin?: string;
  eidServerKeyFile?: string;
  keyEncryptionKeyFile?: string;
  previousKeyEncryptionKeyFile?: string;
  trustProxy?: string;
  telemetryRetentionDays?: string;
}

/** `sidbox hub`: the service platform (API and admin UI), plus user and demo-data tools. */
export function hubCommand(): Command {
  const hub = new Command('hub')
    .description('run the hub: API and admin UI (SQLite in --data, or DATABASE_URL=postgres://…)')
    .option('--port <n>', 'TCP port', '8080')
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--data <dir>', 'data directory (SQLite file); also for the subcommands')
    .option('--public-url <url>', 'URL terminals reach the hub at (default: the listening URL)')
    .option('--eid-server-origin <url>', "the association's eID-Server, for members' eID apps")
    .option('--eid-server-key-file <file>', 'file with the key the eID-Server presents to the hub')
    .option(
      '--trust-proxy <addresses>',
      'reverse proxies in front, comma-separated addresses or CIDR ranges (X-Forwarded-For)',
    )
    .option(
      '--telemetry-retention-days <n>',
      'days raw telemetry is kept before it is folded into daily counts (default 90)',
    )
    .option(
      '--key-encryption-key-file <file>',
      'key-encryption key that seals the signing keys (or env SIDBOX_HUB_KEK); required',
    )
    .option(
      '--previous-key-encryption-key-file <file>',
      'the key it replaces, while rotating (or env SIDBOX_HUB_PREVIOUS_KEK)',
    )
    .addCommand(userCommand())
    .addCommand(demoSeedCommand())
    .addCommand(generateKekCommand())
    .action(async (o: HubFlags) => {
      const running = await startHub({
        port: portFromFlag(o.port),
        host: o.host,
        ...storageFromFlags(o.data),
        ...(o.publicUrl && { publicUrl: o.publicUrl }),
        ...eidServerFromFlags(o.eidServerOrigin, o.eidServerKeyFile),
        ...keyEncryptionFromFlags(o),
        ...(o.trustProxy && { trustProxy: o.trustProxy.split(',').map((a) => a.trim()) }),
        ...(o.telemetryRetentionDays && {
          telemetryRetentionDays: Number(o.telemetryRetentionDays),
        }),
      }).catch((error: unknown) => {
        // No KEK, or not the one the keys are sealed with: the operator's to fix (exit 2).
        throw error instanceof KeyVaultError ? new UsageError(error.message) : error;
      });
      say(`SIDbox hub: admin UI at ${running.url}/`);
      await untilSignal(() => running.close());
    });
  return quiet(hub);
}

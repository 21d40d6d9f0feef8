import { Command } from 'commander';
import { join } from 'node:path';
import { emit, table } from '../output.js';
import { exitCodes, UsageError } from '../usage-error.js';
import { ConfigPartitionError } from './config-partition.js';
import { GptError } from './gpt.js';
import { loadConfig } from './load-config.js';
import { MbrError } from './mbr.js';
import { ImageError, personalise, verifyImage } from './personalise.js';

/** Where the base build leaves the prebuilt image unless --base says otherwise. */
function defaultBase(): string {
  return join(process.env.SIDBOX_IMAGE_CACHE ?? '/var/cache/sidbox-image', 'sidbox-base.img');
}

/** Problems with the inputs (a bad config, a broken base) are usage errors: one line, exit 2. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof ConfigPartitionError ||
      error instanceof ImageError ||
      error instanceof MbrError ||
      error instanceof GptError
    ) {
      throw new UsageError(error.message);
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(`no such file: ${(error as NodeJS.ErrnoException).path ?? ''}`);
    }
    throw error;
  }
}

/** `sidbox image build|verify|load-config`: personalise, check and (on the stick) read a stick. */
export function imageCommand(): Command {
  const image = new Command('image').description(
    'personalise and verify SIDbox stick images (the base is built by npm run test:image)',
  );
  image.addCommand(
    new Command('build')
      .description('write a personalised stick image: the prebuilt base plus the config partition')
      .requiredOption('--config <file.yaml>', 'terminal configuration (YAML)')
      .option('--credential <terminal.json>', 'hub credential from enrollment')
      .requiredOption('--out <file.img>', 'the image to write')
      .option('--base <file.img>', 'the prebuilt base image', defaultBase())
      .action(
        async (options: { config: string; credential?: string; out: string; base: string }) => {
          const { baseSha256 } = await explained(() =>
            personalise({
              base: options.base,
              out: options.out,
              configFile: options.config,
              ...(options.credential && { credentialFile: options.credential }),
            }),
          );
          process.stdout.write(`${options.out}: personalised (base sha256 ${baseSha256})\n`);
        },
      ),
  );
  image.addCommand(
    new Command('verify')
      .description('check a stick image: partition table, base hash, config, credential')
      .argument('<image>', 'the stick image (or the stick device)')
      .option('--base <file.img>', 'compare with this trusted base image (or its manifest)')
      .option('--json', 'machine-readable output')
      .action(async (file: string, options: { base?: string; json?: boolean }) => {
        const checks = await explained(() => verifyImage(file, options.base));
        const ok = checks.every((c) => c.ok);
        emit(Boolean(options.json), { ok, checks }, () =>
          table(checks.map((c) => [c.check, c.ok ? 'ok' : 'FAILED', c.detail])),
        );
        process.exitCode = ok ? exitCodes.ok : exitCodes.failed;
      }),
  );
  image.addCommand(
    new Command('load-config')
      .description('on the stick, at boot: read the config partition of the boot medium')
      .requiredOption(
        '--out <dir>',
        'runtime directory for terminal.yaml, terminal.json, kiosk.env',
      )
      .action(async (options: { out: string }) => {
        const loaded = await explained(() => loadConfig(options.out));
        process.stdout.write(
          `sidbox image: configuration loaded from ${loaded.disk}` +
            `${loaded.credential ? ' (with hub credential)' : ''}\n`,
        );
      }),
  );
  return image;
}

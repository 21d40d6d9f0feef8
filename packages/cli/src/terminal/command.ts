import { Command } from 'commander';
import { createLogger } from '@sidbox/runtime';
import { localTerminalConfigJsonSchema } from '@sidbox/protocol';
import {
  EspeakSpeaker,
  ConfigError,
  createKioskBrowser,
  defaultCtlSocketPath,
  loadTerminalConfig,
  readCredentialFile,
  TerminalDaemon,
} from '@sidbox/terminal';
import { UsageError } from '../usage-error.js';

export interface TerminalRunOptions {
  config: string;
  headless?: boolean;
  training?: boolean;
  ctlSocket: string;
  /** The hub credential file from enrollment; without it the terminal stays local. */
  credential?: string;
  /** Where hub sync keeps its outbox journal and last good configuration. */
  stateDir?: string;
  /** Log level; SIDBOX_LOG_LEVEL or info when absent. */
  logLevel?: string;
}

/** Loads the configuration; a bad one is a usage error listing every problem (exit 2). */
export async function loadConfigOrExplain(file: string) {
  try {
    return await loadTerminalConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new UsageError(`${file}: configuration has problems:\n${error.message}`);
    }
    throw error;
  }
}

/** A missing or malformed credential file is a usage error (exit 2). */
async function readCredentialOrExplain(file: string) {
  try {
    return await readCredentialFile(file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs the daemon until SIGTERM/SIGINT, then stops it in order; no child survives. */
export async function runTerminal(
  options: TerminalRunOptions,
  onReady: (daemon: TerminalDaemon) => void = () => undefined,
): Promise<void> {
  const config = await loadConfigOrExplain(options.config);
  const credential = options.credential && (await readCredentialOrExplain(options.credential));
  const logger = createLogger('terminal', options.logLevel ? { level: options.logLevel } : {});
  const daemon = new TerminalDaemon({
    config,
    training: options.training === true,
    ctlSocketPath: options.ctlSocket,
    browser: createKioskBrowser({
      headless: options.headless === true,
      logger,
      ...(config.testEidServer && { trustedSpki: config.testEidServer.tlsSpkiSha256 }),
    }),
    speaker: new EspeakSpeaker(),
    logger,
    ...(credential && {
      hub: { credential, ...(options.stateDir !== undefined && { stateDir: options.stateDir }) },
    }),
  });
  await daemon.start();
  onReady(daemon);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await daemon.stop();
}

/** `sidbox terminal --config <file.yaml>` and `sidbox terminal schema`. */
export function terminalCommand(): Command {
  const terminal = new Command('terminal')
    .description('run the terminal daemon (kiosk browser, sessions, eID, control socket)')
    .option('--config <file>', 'terminal configuration (YAML)')
    .option('--headless', 'run Chromium headless (tests, CI)')
    .option('--training', 'training mode: simulated card, events flagged as training')
    .option('--ctl-socket <path>', 'control socket path', defaultCtlSocketPath())
    .option('--credential <file>', 'hub credential from enrollment (terminal.json)')
    .option('--state-dir <dir>', 'where hub sync keeps its outbox and last good configuration')
    .action(async (options: Omit<TerminalRunOptions, 'config'> & { config?: string }) => {
      if (!options.config) throw new UsageError('terminal: --config <file.yaml> is required');
      await runTerminal({ ...options, config: options.config }, (daemon) =>
        process.stderr.write(
          `sidbox terminal: ready (kiosk UI ${daemon.kioskOrigin}, control socket ${options.ctlSocket})\n`,
        ),
      );
    });
  terminal.addCommand(
    new Command('schema')
      .description('print the JSON Schema of the terminal configuration')
      .action(() => {
        process.stdout.write(`${JSON.stringify(localTerminalConfigJsonSchema, null, 2)}\n`);
      }),
  );
  return terminal;
}

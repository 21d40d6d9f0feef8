import { Command, Option } from 'commander';
import {
  openEidConnection,
  startAuthentication,
  startChangePin,
  trainingScenarios,
  type EidConnection,
  type EidSource,
  type EidWorkflow,
} from '@sidbox/eid';
import { createLogger } from '@sidbox/runtime';
import { translate, type Outcome } from '@sidbox/protocol';
import { emit, table } from '../output.js';
import { exitCodes, UsageError } from '../usage-error.js';
import type { SuppliedValues } from './answer-steps.js';
import { runWorkflow } from './run-workflow.js';
import { digitRules, secretFlag } from './values.js';
import { showInfo } from './info.js';

interface SourceOptions {
  reader?: string;
  training?: string;
  binary?: string;
  testPki?: boolean;
  json?: boolean;
  timeout: string;
  verbose?: boolean;
}

interface ValueOptions {
  pin?: string;
  newPin?: string;
  can?: string;
  puk?: string;
}

function sourceOf(options: SourceOptions): EidSource {
  if (options.reader !== undefined && options.training !== undefined) {
    throw new UsageError('use either --reader or --training, not both');
  }
  if (options.training !== undefined) {
    if (!trainingScenarios.some((s) => s.id === options.training)) {
      throw new UsageError(
        `unknown training scenario "${options.training}" (see: sidbox eid scenarios)`,
      );
    }
    return { kind: 'training', scenario: options.training };
  }
  return {
    kind: 'ausweisapp',
    ...(options.binary ? { binary: options.binary } : {}),
    ...(options.testPki ? { acceptTestPki: true } : {}),
  };
}

function stepTimeoutMs(options: SourceOptions): number {
  const seconds = Number(options.timeout);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
    throw new UsageError('--timeout must be a whole number of seconds between 1 and 3600');
  }
  return seconds * 1000;
}

function printOutcome(json: boolean, outcome: Outcome): void {
  emit(json, outcome, () =>
    [
      `${outcome.training ? '[TRAINING] ' : ''}${outcome.code}: ${translate('en', outcome.messageKey as never)}`,
      ...(outcome.url ? [`next: ${outcome.url}`] : []),
      ...(outcome.retryCounter !== undefined ? [`PIN tries left: ${outcome.retryCounter}`] : []),
    ].join('\n'),
  );
  process.exitCode = outcome.ok ? exitCodes.ok : exitCodes.failed;
}

/** Runs one workflow on a fresh connection; SIGINT/SIGTERM cancel it, and the connection is
 *  always closed, so no AusweisApp process outlives the command. */
async function withWorkflow(
  options: SourceOptions,
  values: SuppliedValues,
  start: (connection: EidConnection, timeoutMs: number) => EidWorkflow,
): Promise<void> {
  const source = sourceOf(options);
  const timeoutMs = stepTimeoutMs(options);
  const logger = createLogger('cli', { level: options.verbose ? 'debug' : 'warn' });
  const connection = await openEidConnection(source, logger);
  let workflow: EidWorkflow | undefined;
  const interrupt = (): void => workflow?.cancel();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    workflow = start(connection, timeoutMs);
    const insertInto =
      source.kind === 'training'
        ? connection.client.readers.values().next().value?.name
        : options.reader;
    const outcome = await runWorkflow(
      workflow,
      { ...values, ...(insertInto ? { insertInto } : {}) },
      (line) => {
        if (!options.json) process.stderr.write(`… ${line}\n`);
      },
    );
    printOutcome(Boolean(options.json), outcome);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await connection.close();
  }
}

function withSourceOptions(command: Command): Command {
  return command
    .option(
      '--reader <name>',
      'use this reader of AusweisApp ("Simulator" inserts its simulated card)',
    )
    .option(
      '--training <scenario>',
      'use a training card instead of AusweisApp (see: sidbox eid scenarios)',
    )
    .option('--binary <path>', 'AusweisApp binary to run (default: found on PATH)')
    .option(
      '--test-pki',
      "accept a test eID-Server's certificates (AusweisApp pre-verification off; never in production)",
    )
    .option('--timeout <seconds>', 'time allowed for each step', '60')
    .option('--json', 'machine-readable output')
    .option('--verbose', 'log workflow steps to stderr');
}

export function eidCommand(): Command {
  const eid = new Command('eid').description(
    'the eID core: AusweisApp, readers, PIN change, authentication',
  );

  eid
    .command('info')
    .description('AusweisApp version, API level and readers with their card state')
    .option('--binary <path>', 'AusweisApp binary to run (default: found on PATH)')
    .option('--json', 'machine-readable output')
    .action(showInfo);

  withSourceOptions(eid.command('change-pin'))
    .description('set a new PIN: transport PIN (5 digits) or current PIN → new 6-digit PIN')
    .option('--pin <digits>', 'transport PIN (5 digits) or current PIN (6 digits)')
    .option('--new-pin <digits>', 'the new PIN (6 digits)')
    .option('--can <digits>', 'card access number, when the card asks for it (6 digits)')
    .option('--puk <digits>', 'PUK from the PIN letter, when the PIN is blocked (10 digits)')
    .action(async (options: SourceOptions & ValueOptions) => {
      const values: SuppliedValues = {
        pin: secretFlag(options.pin, digitRules.changePin),
        newPin: secretFlag(options.newPin, digitRules.newPin),
        can: secretFlag(options.can, digitRules.can),
        puk: secretFlag(options.puk, digitRules.puk),
        deselect: [],
      };
      await withWorkflow(options, values, (connection, stepTimeoutMs) =>
        startChangePin(connection.client, { training: connection.training, stepTimeoutMs }),
      );
    });

  withSourceOptions(eid.command('auth'))
    .description('authenticate at an eID service; prints the outcome with the next URL')
    .argument('<tcTokenURL>', "the provider's TC token URL")
    .option('--pin <digits>', 'PIN (6 digits)')
    .option('--can <digits>', 'card access number, when the card asks for it (6 digits)')
    .option('--puk <digits>', 'PUK from the PIN letter, when the PIN is blocked (10 digits)')
    .option('--deselect <rights>', 'optional access rights to refuse, comma-separated', '')
    .addOption(
      new Option(
        '--developer-mode',
        'test eID servers only: relaxes TLS checks in AusweisApp',
      ).hideHelp(),
    )
    .action(
      async (
        tcTokenURL: string,
        options: SourceOptions & ValueOptions & { deselect: string; developerMode?: boolean },
      ) => {
        if (!URL.canParse(tcTokenURL) || !/^https?:$/.test(new URL(tcTokenURL).protocol)) {
          throw new UsageError('<tcTokenURL> must be an http(s) URL');
        }
        const values: SuppliedValues = {
          pin: secretFlag(options.pin, digitRules.authPin),
          can: secretFlag(options.can, digitRules.can),
          puk: secretFlag(options.puk, digitRules.puk),
          deselect: options.deselect.split(',').filter(Boolean),
        };
        await withWorkflow(options, values, (connection, stepTimeoutMs) =>
          startAuthentication(connection.client, {
            tcTokenURL,
            developerMode: Boolean(options.developerMode),
            training: connection.training,
            stepTimeoutMs,
          }),
        );
      },
    );

  eid
    .command('scenarios')
    .description('the training cards staff can use for training and demos')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) => {
      emit(Boolean(options.json), trainingScenarios, () =>
        table([
          ['SCENARIO', 'CARD', 'DESCRIPTION'],
          ...trainingScenarios.map((s) => [s.id, s.cardValues, s.description.en]),
        ]),
      );
    });

  return eid;
}

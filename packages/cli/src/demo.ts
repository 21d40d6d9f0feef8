import { Command } from 'commander';
import {
  createLogger,
  openEidConnection,
  Secret,
  startChangePin,
  trainingScenarios,
} from '@sidbox/eid';
import { translate, trainingLabel, type Outcome } from '@sidbox/protocol';
import { readerRows } from './eid/info.js';
import { runWorkflow } from './eid/run-workflow.js';
import { table } from './output.js';

const say = (line = ''): void => void process.stdout.write(`${line}\n`);

function describe(outcome: Outcome): string {
  const label = outcome.training ? `${trainingLabel('en')} ` : '';
  return `${label}${outcome.code} — ${translate('en', outcome.messageKey as never)}`;
}

/** The main job for now: the real AusweisApp, its readers, and PIN changes on it and on a training card. */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'start AusweisApp, show its readers, run a PIN change on the Simulator and on a training card',
    )
    .action(async () => {
      const logger = createLogger('demo', { level: 'warn' });
      say('SIDbox demo — the eID core');
      say('');
      say('1. Starting AusweisApp headless (private port, private home, no log file) …');
      const started = Date.now();
      const connection = await openEidConnection({ kind: 'ausweisapp' }, logger);
      try {
        const { client } = connection;
        const info = await client.getInfo();
        say(
          `   ${info.VersionInfo.Name} ${info.VersionInfo['Implementation-Version']} ready in ${Date.now() - started} ms, SDK API level ${client.apiLevel}`,
        );
        say('');
        say('2. Card readers AusweisApp sees:');
        const readers = (await client.getReaderList()).filter((r) => r.attached);
        say(
          table([['READER', 'TYPE', 'CARD'], ...readerRows(readers)])
            .split('\n')
            .map((line) => `   ${line}`)
            .join('\n'),
        );
        say('');
        say(
          '3. PIN change with the real AusweisApp and its Simulator card (PIN typed "on the reader"):',
        );
        const simulated = await runWorkflow(
          startChangePin(client, { training: false, stepTimeoutMs: 30_000 }),
          { deselect: [], insertInto: 'Simulator' },
          (line) => say(`   … ${line}`),
        );
        say(`   → ${describe(simulated)}`);
      } finally {
        await connection.close();
      }
      say('');
      say('4. Fast Lane on a training card: transport PIN letter 12345 → own PIN:');
      const scenario = trainingScenarios.find((s) => s.id === 'transport-pin');
      const training = await openEidConnection(
        { kind: 'training', scenario: 'transport-pin' },
        logger,
      );
      try {
        say(`   card: ${scenario?.title.en ?? 'transport-pin'} (${scenario?.cardValues ?? ''})`);
        const outcome = await runWorkflow(
          startChangePin(training.client, { training: true, stepTimeoutMs: 30_000 }),
          {
            pin: Secret.digits('12345'),
            newPin: Secret.digits('135790'),
            deselect: [],
            insertInto: training.client.readers.keys().next().value,
          },
          (line) => say(`   … ${line}`),
        );
        say(`   → ${describe(outcome)}`);
      } finally {
        await training.close();
      }
      say('');
      say('Next:');
      say('  sidbox eid scenarios                      training cards for staff and demos');
      say(
        '  sidbox eid change-pin --training can-needed --pin 123456 --can 654321 --new-pin 246810',
      );
      say('  sidbox eid info --json                    AusweisApp version and readers');
      say('  sidbox doctor                             what this machine still needs');
      say('(run them as: npm run sidbox -- <command>)');
    });
}

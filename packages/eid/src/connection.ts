import { silentLogger, type Logger } from '@sidbox/runtime';
import { SdkClient } from './sdk/client.js';
import { AusweisAppSupervisor } from './supervisor/supervisor.js';
import { TrainingCardError } from './training/card-swap-error.js';
import { createTrainingChannel } from './training/channel.js';

/** Where a workflow's SDK messages come from: the real AusweisApp, or a training card. */
export type EidSource =
  | {
      kind: 'ausweisapp';
      binary?: string;
      /** Accept a test PKI's authorization certificates (tests and demos only). */
      acceptTestPki?: boolean;
    }
  | { kind: 'training'; scenario: string };

export interface EidConnection {
  readonly client: SdkClient;
  readonly training: boolean;
  /** The scenario of the training card; null with the real AusweisApp. */
  readonly trainingScenario: string | null;
  /**
   * Training only: a fresh card of `scenario` on the training reader, as staff would put it
   * there (READER events, a waiting workflow goes on). TrainingCardError when it cannot be.
   */
  insertTrainingCard(scenario: string): void;
  /** The supervised AusweisApp, when the source is the real one. */
  readonly supervisor: AusweisAppSupervisor | null;
  /** Stops everything this connection started; no process survives it. */
  close(): Promise<void>;
}

export async function openEidConnection(
  source: EidSource,
  logger: Logger = silentLogger(),
): Promise<EidConnection> {
  if (source.kind === 'training') {
    const channel = createTrainingChannel(source.scenario);
    const client = new SdkClient(channel, { logger });
    await client.negotiateApiLevel();
    return {
      client,
      training: true,
      get trainingScenario() {
        return channel.scenario.id;
      },
      insertTrainingCard: (scenario) => channel.insertCard(scenario),
      supervisor: null,
      close: async () => client.close(),
    };
  }
  const supervisor = new AusweisAppSupervisor({
    binary: source.binary,
    acceptTestPki: source.acceptTestPki ?? false,
    logger,
  });
  const client = await supervisor.start();
  return {
    get client() {
      return supervisor.client ?? client;
    },
    training: false,
    trainingScenario: null,
    insertTrainingCard: () => {
      throw new TrainingCardError('not-training', 'no training card: the real AusweisApp runs');
    },
    supervisor,
    close: () => supervisor.stop(),
  };
}

import type { Logger } from './log.js';
import { silentLogger } from './log.js';
import { SdkClient } from './sdk/client.js';
import { AusweisAppSupervisor } from './supervisor/supervisor.js';
import { createTrainingChannel } from './training/channel.js';

/** Where a workflow's SDK messages come from: the real AusweisApp, or a training card. */
export type EidSource =
  { kind: 'ausweisapp'; binary?: string } | { kind: 'training'; scenario: string };

export interface EidConnection {
  readonly client: SdkClient;
  readonly training: boolean;
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
    const client = new SdkClient(createTrainingChannel(source.scenario), { logger });
    await client.negotiateApiLevel();
    return {
      client,
      training: true,
      supervisor: null,
      close: async () => client.close(),
    };
  }
  const supervisor = new AusweisAppSupervisor({ binary: source.binary, logger });
  const client = await supervisor.start();
  return {
    get client() {
      return supervisor.client ?? client;
    },
    training: false,
    supervisor,
    close: () => supervisor.stop(),
  };
}

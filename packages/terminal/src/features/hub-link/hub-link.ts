import { mkdir } from 'node:fs/promises';
import type { Logger } from '@sidbox/runtime';
import type { TerminalConfig, TerminalCredential } from '@sidbox/protocol';
import type { ActionHandlers } from '../../daemon/actions.js';
import type { DaemonBus } from '../../daemon/daemon-events.js';
import { Subscriptions, type Part } from '../../daemon/part.js';
import type { Fetch } from '../../hub-sync/hub-client.js';
import { HubSync, type HeartbeatFacts, type HubSyncTiming } from '../../hub-sync/hub-sync.js';
import type { SessionController } from '../../session/controller.js';
import type { EidSession } from '../../session/eid-session.js';
import { TelemetryRecorder } from '../../telemetry/recorder.js';
import { surveyResponse } from './survey.js';

/** How the daemon reaches its hub: the enrolled credential and where sync keeps its state. */
export interface HubConnectionOptions {
  credential: TerminalCredential;
  /** Outbox journal and last good configuration; none keeps them in memory. */
  stateDir?: string;
  timing?: Partial<HubSyncTiming>;
  fetch?: Fetch;
}

export interface HubLinkOptions {
  /** The enrolled hub; without it the terminal runs on its local configuration alone. */
  connection: HubConnectionOptions | undefined;
  session: SessionController;
  eid: EidSession;
  heartbeatFacts: () => Promise<HeartbeatFacts>;
  /** Replaces the running configuration (only called when no session runs). */
  apply: (config: TerminalConfig) => void;
  /** Asked per event: staff can switch training mode while the daemon runs. */
  training: () => boolean;
  bus: DaemonBus;
  logger: Logger;
}

/**
 * The daemon's side of hub sync: a verified configuration waits until the terminal is idle
 * (never swapped under a citizen), then replaces the local one; telemetry and survey answers go
 * to the outbox. Sync failures stay inside HubSync; the citizen never notices the hub.
 */
export class HubLink implements Part {
  readonly name = 'hub link';
  readonly sync: HubSync | undefined;
  readonly #options: HubLinkOptions;
  readonly #telemetry: TelemetryRecorder;
  readonly #subscriptions = new Subscriptions();
  #pending: TerminalConfig | undefined;

  constructor(options: HubLinkOptions) {
    this.#options = options;
    const { connection, logger } = options;
    this.sync = connection
      ? new HubSync({
          credential: connection.credential,
          ...(connection.stateDir !== undefined && { stateDir: connection.stateDir }),
          heartbeatFacts: options.heartbeatFacts,
          logger: logger.child({ component: 'hub-sync' }),
          ...(connection.timing && { timing: connection.timing }),
          ...(connection.fetch && { fetch: connection.fetch }),
        })
      : undefined;
    this.#telemetry = new TelemetryRecorder(options.training, (event) =>
      this.sync?.enqueueTelemetry(event),
    );
  }

  readonly actions: Pick<ActionHandlers, 'survey'> = {
    survey: (action) => {
      const response = surveyResponse(action, this.#options.training());
      if (this.sync) this.sync.enqueueSurvey(response);
      else this.#options.logger.info('survey answered; no hub enrolled, so it is not kept');
    },
  };

  async start(): Promise<void> {
    const { sync } = this;
    if (!sync) return;
    const { connection, session, eid, bus } = this.#options;
    if (connection?.stateDir !== undefined)
      await mkdir(connection.stateDir, { recursive: true, mode: 0o700 });
    this.#telemetry.start(session, eid);
    this.#subscriptions.add(
      () => this.#telemetry.stop(),
      sync.on('config', (config) => this.#offer(config)),
      session.on('changed', ({ phase }) => {
        if (phase === 'idle') this.#applyIfIdle();
      }),
      bus.on('service-opened', ({ serviceId }) =>
        this.#telemetry.record({ type: 'service-opened', serviceId }),
      ),
    );
    await sync.start();
    // The last good configuration of a previous run: the hub answers 304 for it, no event.
    const saved = sync.config;
    if (saved && !this.#pending) this.#offer(saved);
  }

  async stop(): Promise<void> {
    this.#subscriptions.drop();
    await this.sync?.stop();
  }

  #offer(config: TerminalConfig): void {
    this.#pending = config;
    this.#applyIfIdle();
  }

  #applyIfIdle(): void {
    const pending = this.#pending;
    if (!pending || this.#options.session.snapshot.phase !== 'idle') return;
    this.#pending = undefined;
    this.#options.apply(pending);
  }
}

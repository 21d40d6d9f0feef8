import type { TelemetryEvent } from '@sidbox/protocol';
import type { SessionController } from '../session/controller.js';
import type { EidSession } from '../session/eid-session.js';
import { telemetryEvents, type TelemetryFact } from './events.js';

export type TelemetrySink = (event: TelemetryEvent) => void;

/**
 * Turns session and eID happenings into anonymous telemetry events for the sink (the hub-sync
 * outbox). Only counts and codes leave: no URL, no reader name, no PIN step detail.
 */
export class TelemetryRecorder {
  /** Asked per event: staff can switch training mode while the daemon runs. */
  readonly #training: () => boolean;
  readonly #sink: TelemetrySink;
  #unsubscribe: (() => void)[] = [];

  constructor(training: () => boolean, sink: TelemetrySink) {
    this.#training = training;
    this.#sink = sink;
  }

  start(session: SessionController, eid: EidSession): void {
    this.#unsubscribe = [
      session.on('session-started', () => this.record({ type: 'session-started' })),
      session.on('session-ended', ({ reason, durationMs }) =>
        this.record({ type: 'session-ended', reason, durationMs }),
      ),
      eid.on('outcome', ({ workflow, code }) =>
        this.record({ type: 'eid-outcome', workflow, code }),
      ),
    ];
  }

  record(fact: TelemetryFact): void {
    for (const event of telemetryEvents(fact, { training: this.#training() })) this.#sink(event);
  }

  stop(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }
}

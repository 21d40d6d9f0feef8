import { randomUUID } from 'node:crypto';
import type { OutcomeCode, TelemetryEvent, WorkflowKind } from '@sidbox/protocol';
import type { SessionEndReason } from '../session/machine.js';

/** Something worth counting, as the daemon sees it; turned into anonymous telemetry events. */
export type TelemetryFact =
  | { type: 'session-started' }
  | { type: 'session-ended'; reason: SessionEndReason; durationMs: number }
  | { type: 'service-opened'; serviceId: string }
  | { type: 'eid-outcome'; workflow: WorkflowKind; code: OutcomeCode };

export interface EventStamp {
  training: boolean;
  now?: Date;
  newId?: () => string;
}

const longestSessionSeconds = 86_400;

/**
 * The events for one fact: a fresh id each (the hub counts each id once), the terminal's clock,
 * the training flag, and nothing else. A successful PIN change is also a `pin-changed` event,
 * the count the association reports ("625 PIN activations").
 */
export function telemetryEvents(fact: TelemetryFact, stamp: EventStamp): TelemetryEvent[] {
  const newId = stamp.newId ?? randomUUID;
  const base = () => ({
    id: newId(),
    terminalTime: (stamp.now ?? new Date()).toISOString(),
    training: stamp.training,
  });
  switch (fact.type) {
    case 'session-started':
      return [{ type: 'session-started', ...base() }];
    case 'session-ended':
      return [
        {
          type: 'session-ended',
          ...base(),
          reason: fact.reason,
          durationSeconds: Math.min(longestSessionSeconds, Math.round(fact.durationMs / 1000)),
        },
      ];
    case 'service-opened':
      return [{ type: 'service-opened', ...base(), serviceId: fact.serviceId }];
    case 'eid-outcome': {
      const outcome: TelemetryEvent = {
        type: 'eid-outcome',
        ...base(),
        workflow: fact.workflow,
        code: fact.code,
      };
      if (fact.code !== 'pin-changed') return [outcome];
      return [outcome, { type: 'pin-changed', ...base() }];
    }
  }
}

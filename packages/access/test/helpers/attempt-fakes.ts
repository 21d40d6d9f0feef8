import type { AccessAllowlist, AccessDecision, AccessDecisionRequest } from '@sidbox/protocol';
import type { AttemptPorts } from '../../src/attempt.js';
import type { HubAnswer, Identification, JournalEntry } from '../../src/ports.js';

/** What the fakes saw, in order, so a test can check the sequence of steps. */
export type Step =
  | { step: 'identify' }
  | { step: 'hub'; request: AccessDecisionRequest }
  | { step: 'journal'; entry: JournalEntry }
  | { step: 'open'; decisionId: string };

export interface FakeWorld {
  identification: Identification;
  hubAnswer: (request: AccessDecisionRequest) => HubAnswer<AccessDecision>;
  allowlist: AccessAllowlist | undefined;
  openFails?: string;
}

export const now = new Date('2025-03-05T09:00:00Z'); // a Wednesday, 10:00 in Berlin

/** In-memory fakes of every port of an attempt (the middle's tests need no I/O). */
export function fakePorts(world: FakeWorld): { ports: AttemptPorts; steps: Step[] } {
  const steps: Step[] = [];
  let tick = 0;
  const ports: AttemptPorts = {
    identifier: {
      identify: async () => {
        steps.push({ step: 'identify' });
        return world.identification;
      },
    },
    hub: {
      decide: async (request) => {
        steps.push({ step: 'hub', request });
        return world.hubAnswer(request);
      },
    },
    allowlist: { current: () => world.allowlist },
    journal: {
      append: async (entry) => void steps.push({ step: 'journal', entry }),
    },
    actuator: {
      open: async (decisionId) => {
        steps.push({ step: 'open', decisionId });
        if (world.openFails) throw new Error(world.openFails);
      },
    },
    allowlistMaxAgeMs: 24 * 3600_000,
    now: () => now,
    newId: () => '00000000-0000-4000-8000-000000000001',
    clock: () => (tick += 5),
  };
  return { ports, steps };
}

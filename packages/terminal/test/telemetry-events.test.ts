import { describe, expect, it } from 'vitest';
import { TelemetryEvent } from '@sidbox/protocol';
import { telemetryEvents, type TelemetryFact } from '../src/telemetry/events.js';

const now = new Date('2026-05-04T10:00:00.000Z');
let counter = 0;
const stamp = {
  training: true,
  now,
  newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
};

describe('telemetry events', () => {
  const facts: TelemetryFact[] = [
    { type: 'session-started' },
    { type: 'session-ended', reason: 'mat-left', durationMs: 93_400 },
    { type: 'service-opened', serviceId: 'fuehrungszeugnis' },
    { type: 'eid-outcome', workflow: 'auth', code: 'wrong-pin' },
    { type: 'eid-outcome', workflow: 'change-pin', code: 'pin-changed' },
  ];

  it('produces only what the protocol accepts: strict, anonymous, with fresh ids', () => {
    const events = facts.flatMap((fact) => telemetryEvents(fact, stamp));
    for (const event of events) expect(TelemetryEvent.parse(event)).toEqual(event);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.every((e) => e.training && e.terminalTime === now.toISOString())).toBe(true);
  });

  it('rounds the session length to seconds and caps it at a day', () => {
    const [ended] = telemetryEvents(facts[1] as TelemetryFact, stamp);
    expect(ended).toMatchObject({ reason: 'mat-left', durationSeconds: 93 });
    const [long] = telemetryEvents(
      { type: 'session-ended', reason: 'idle-timeout', durationMs: 3 * 86_400_000 },
      stamp,
    );
    expect(long).toMatchObject({ durationSeconds: 86_400 });
  });

  it('counts a successful PIN change as outcome and as pin-changed, a failed one as outcome only', () => {
    expect(telemetryEvents(facts[4] as TelemetryFact, stamp).map((e) => e.type)).toEqual([
      'eid-outcome',
      'pin-changed',
    ]);
    expect(
      telemetryEvents(
        { type: 'eid-outcome', workflow: 'change-pin', code: 'wrong-pin' },
        stamp,
      ).map((e) => e.type),
    ).toEqual(['eid-outcome']);
  });
});

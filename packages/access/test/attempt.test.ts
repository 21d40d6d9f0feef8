import { createHash } from 'node:crypto';
import type { AccessAllowlist } from '@sidbox/protocol';
import { describe, expect, it } from 'vitest';
import { runAttempt } from '../src/attempt.js';
import { fakePorts, now, type FakeWorld } from './helpers/attempt-fakes.js';

const restrictedIdHex = 'a1'.repeat(32);
const hash = createHash('sha256').update(restrictedIdHex).digest('hex');
const decisionId = '00000000-0000-4000-8000-000000000001';

const allowlist = (
  entries: AccessAllowlist['entries'],
  issuedAt = '2025-03-05T08:00:00Z',
): AccessAllowlist => ({
  appId: 'door',
  pointId: '11111111-1111-4111-8111-111111111111',
  issuedAt,
  timeZone: 'Europe/Berlin',
  entries,
});

const world = (changes: Partial<FakeWorld>): FakeWorld => ({
  identification: { ok: true, restrictedIdHex },
  hubAnswer: () => ({ kind: 'unreachable', cause: 'timeout' }),
  allowlist: undefined,
  ...changes,
});

describe('an access attempt', () => {
  it('online grant: the hub gets only the pseudonym hash, the door opens, nothing is journaled', async () => {
    const { ports, steps } = fakePorts(
      world({
        hubAnswer: (r) => ({
          kind: 'answer',
          value: { decisionId: r.decisionId, granted: true, reason: 'granted' },
        }),
      }),
    );
    const report = await runAttempt(ports);
    expect(report).toMatchObject({ decided: true, granted: true, source: 'online', opened: true });
    expect(steps).toEqual([
      { step: 'identify' },
      { step: 'hub', request: { decisionId, pseudonymHash: hash, at: now.toISOString() } },
      { step: 'open', decisionId },
    ]);
    expect(JSON.stringify(report)).not.toContain(hash);
    expect(JSON.stringify(report)).not.toContain(restrictedIdHex);
  });

  it('online refusal: the door stays shut, whatever the cached list says', async () => {
    const { ports, steps } = fakePorts(
      world({
        hubAnswer: (r) => ({
          kind: 'answer',
          value: { decisionId: r.decisionId, granted: false, reason: 'revoked' },
        }),
        allowlist: allowlist([{ pseudonymHash: hash, windows: [] }]),
      }),
    );
    expect(await runAttempt(ports)).toMatchObject({
      decided: true,
      granted: false,
      reason: 'revoked',
      source: 'online',
    });
    expect(steps.map((s) => s.step)).toEqual(['identify', 'hub']);
  });

  it('the hub refusing the point (HTTP 401) is not overruled by the cached list', async () => {
    const { ports, steps } = fakePorts(
      world({
        hubAnswer: () => ({ kind: 'refused', status: 401 }),
        allowlist: allowlist([{ pseudonymHash: hash, windows: [] }]),
      }),
    );
    expect(await runAttempt(ports)).toMatchObject({
      decided: false,
      why: 'hub-refused-point',
      detail: 'HTTP 401',
    });
    expect(steps.map((s) => s.step)).toEqual(['identify', 'hub']);
  });

  it('hub timeout: the cached list grants, the decision is journaled before the door opens', async () => {
    const { ports, steps } = fakePorts(
      world({ allowlist: allowlist([{ pseudonymHash: hash, windows: [] }]) }),
    );
    expect(await runAttempt(ports)).toMatchObject({
      decided: true,
      granted: true,
      reason: 'granted',
      source: 'offline',
      opened: true,
    });
    expect(steps.map((s) => s.step)).toEqual(['identify', 'hub', 'journal', 'open']);
    expect(steps[2]).toEqual({
      step: 'journal',
      entry: {
        decisionId,
        granted: true,
        reason: 'granted',
        pseudonymHash: hash,
        at: now.toISOString(),
      },
    });
  });

  it('hub timeout, not on the cached list: refused as unknown, and journaled', async () => {
    const { ports, steps } = fakePorts(
      world({ allowlist: allowlist([{ pseudonymHash: 'b'.repeat(64), windows: [] }]) }),
    );
    expect(await runAttempt(ports)).toMatchObject({
      decided: true,
      granted: false,
      reason: 'unknown',
      source: 'offline',
    });
    expect(steps.map((s) => s.step)).toEqual(['identify', 'hub', 'journal']);
  });

  it('hub timeout, outside the time window of the cached list: refused', async () => {
    const weekend = [{ days: [6, 7], from: '08:00', to: '18:00' }];
    const { ports } = fakePorts(
      world({ allowlist: allowlist([{ pseudonymHash: hash, windows: weekend }]) }),
    );
    expect(await runAttempt(ports)).toMatchObject({ granted: false, reason: 'outside-window' });
  });

  it('hub timeout, cached list older than allowed: no decision, nothing journaled', async () => {
    const { ports, steps } = fakePorts(
      world({
        allowlist: allowlist([{ pseudonymHash: hash, windows: [] }], '2025-03-03T08:00:00Z'),
      }),
    );
    expect(await runAttempt(ports)).toMatchObject({
      decided: false,
      why: 'hub-unreachable-allowlist-expired',
      detail: 'timeout',
    });
    expect(steps.map((s) => s.step)).toEqual(['identify', 'hub']);
  });

  it('hub timeout without a cached list: no decision', async () => {
    const { ports, steps } = fakePorts(world({}));
    expect(await runAttempt(ports)).toMatchObject({
      decided: false,
      why: 'hub-unreachable-no-allowlist',
    });
    expect(steps.map((s) => s.step)).toEqual(['identify', 'hub']);
  });

  it('no pseudonym from the card: the hub is not asked', async () => {
    const { ports, steps } = fakePorts(
      world({ identification: { ok: false, reason: 'eid-cancelled' } }),
    );
    expect(await runAttempt(ports)).toMatchObject({
      decided: false,
      why: 'no-identity',
      detail: 'eid-cancelled',
    });
    expect(steps.map((s) => s.step)).toEqual(['identify']);
  });

  it('an actuator failure is reported with the grant, not thrown', async () => {
    const { ports } = fakePorts(
      world({
        allowlist: allowlist([{ pseudonymHash: hash, windows: [] }]),
        openFails: 'broker gone',
      }),
    );
    expect(await runAttempt(ports)).toMatchObject({
      granted: true,
      opened: false,
      openError: 'broker gone',
    });
  });

  it('measures each phase', async () => {
    const { ports } = fakePorts(
      world({ allowlist: allowlist([{ pseudonymHash: hash, windows: [] }]) }),
    );
    const report = await runAttempt(ports);
    expect(report.durations).toEqual({ identifyMs: 5, decideMs: 5, actuateMs: 5, totalMs: 30 });
  });
});

import { describe, expect, it } from 'vitest';
import type { SessionOutcome } from '../src/session/outcome.js';
import {
  SessionIdTakenError,
  SessionLimitError,
  SessionStore,
} from '../src/session/session-store.js';

/** The in-memory sessions with a clock the test moves: expiry, results read once, limits. */
const TTL_MS = 30_000;
const RESULT_TTL_MS = 10_000;

function storeWithClock(maxOpen = 100) {
  const clock = { now: 1_000_000 };
  const store = new SessionStore<{ note: string }>({
    ttlMs: TTL_MS,
    resultTtlMs: RESULT_TTL_MS,
    maxOpen,
    now: () => clock.now,
  });
  return { store, clock };
}

const cancelled: SessionOutcome = { kind: 'cancelled' };
const EXPIRED: SessionOutcome = { kind: 'failed', reason: 'expired' };

describe('SessionStore', () => {
  it('gives each session a 64-hex id, a 32-byte PSK and its detail made with the id', () => {
    const { store } = storeWithClock();
    const a = store.create('svc', (id) => ({ note: `for ${id}` }));
    const b = store.create('svc', (id) => ({ note: `for ${id}` }));
    expect(a.id).toMatch(/^[0-9a-f]{64}$/);
    expect(a.psk).toHaveLength(32);
    expect(a.detail.note).toBe(`for ${a.id}`);
    expect(a.state).toBe('new');
    expect(b.id).not.toBe(a.id);
    expect(b.psk.equals(a.psk)).toBe(false);
  });

  it('ends a new session at its time, not a millisecond before, as an expired result', () => {
    const { store, clock } = storeWithClock();
    const session = store.create('svc', () => ({ note: '' }));
    clock.now += TTL_MS - 1;
    expect(store.get(session.id)?.state).toBe('new');
    clock.now += 1;
    expect(store.get(session.id)?.state).toBe('finished');
    expect(store.takeResult('svc', session.id)).toEqual({ kind: 'finished', outcome: EXPIRED });
    expect(store.takeResult('svc', session.id)).toEqual({ kind: 'unknown' });
  });

  it('ends a running session at the same time: running does not extend it', () => {
    const { store, clock } = storeWithClock();
    const session = store.create('svc', () => ({ note: '' }));
    clock.now += TTL_MS / 2;
    session.state = 'running';
    expect(store.takeResult('svc', session.id)).toEqual({ kind: 'pending' });
    clock.now += TTL_MS / 2;
    expect(store.takeResult('svc', session.id)).toEqual({ kind: 'finished', outcome: EXPIRED });
  });

  it('keeps an expired result for resultTtlMs, then forgets the session', () => {
    const { store, clock } = storeWithClock();
    const session = store.create('svc', () => ({ note: '' }));
    clock.now += TTL_MS + RESULT_TTL_MS - 1;
    expect(store.get(session.id)?.outcome).toEqual(EXPIRED);
    clock.now += RESULT_TTL_MS;
    expect(store.get(session.id)).toBeUndefined();
    expect(store.takeResult('svc', session.id)).toEqual({ kind: 'unknown' });
  });

  it('keeps a result for resultTtlMs after the finish, counted from the finish', () => {
    const { store, clock } = storeWithClock();
    const early = store.create('svc', () => ({ note: '' }));
    const late = store.create('svc', () => ({ note: '' }));
    clock.now += TTL_MS - 1;
    store.finish(late, cancelled);
    store.finish(early, cancelled);
    clock.now += RESULT_TTL_MS - 1;
    expect(store.takeResult('svc', early.id)).toEqual({ kind: 'finished', outcome: cancelled });
    clock.now += 1;
    expect(store.takeResult('svc', late.id)).toEqual({ kind: 'unknown' });
  });

  it('hands a result out once: a second read finds nothing', () => {
    const { store } = storeWithClock();
    const session = store.create('svc', () => ({ note: '' }));
    expect(store.takeResult('svc', session.id)).toEqual({ kind: 'pending' });
    store.finish(session, { kind: 'failed', reason: 'protocol' });
    expect(store.takeResult('svc', session.id)).toEqual({
      kind: 'finished',
      outcome: { kind: 'failed', reason: 'protocol' },
    });
    expect(store.takeResult('svc', session.id)).toEqual({ kind: 'unknown' });
    expect(store.get(session.id)).toBeUndefined();
  });

  it('does not show a session to another service, pending or finished, nor consume it', () => {
    const { store } = storeWithClock();
    const session = store.create('mine', () => ({ note: '' }));
    expect(store.takeResult('theirs', session.id)).toEqual({ kind: 'unknown' });
    store.finish(session, cancelled);
    expect(store.takeResult('theirs', session.id)).toEqual({ kind: 'unknown' });
    expect(store.takeResult('mine', session.id)).toEqual({ kind: 'finished', outcome: cancelled });
  });

  it('does not know ids it never made', () => {
    const { store } = storeWithClock();
    store.create('svc', () => ({ note: '' }));
    for (const id of ['', 'x', '0'.repeat(64), '__proto__', 'constructor']) {
      expect(store.get(id)).toBeUndefined();
      expect(store.takeResult('svc', id)).toEqual({ kind: 'unknown' });
    }
  });

  it('refuses a session beyond maxOpen until a result is read or forgotten', () => {
    const { store, clock } = storeWithClock(2);
    const first = store.create('svc', () => ({ note: '' }));
    clock.now += 1000;
    const second = store.create('svc', () => ({ note: '' }));
    expect(() => store.create('svc', () => ({ note: '' }))).toThrow(SessionLimitError);
    store.finish(second, cancelled);
    expect(() => store.create('svc', () => ({ note: '' }))).toThrow(SessionLimitError);
    store.takeResult('svc', second.id);
    const third = store.create('svc', () => ({ note: '' }));
    expect(() => store.create('svc', () => ({ note: '' }))).toThrow(SessionLimitError);
    // Expired, the first session still holds its place until its result goes.
    clock.now += TTL_MS - 1000;
    expect(store.get(first.id)?.outcome).toEqual(EXPIRED);
    expect(() => store.create('svc', () => ({ note: '' }))).toThrow(SessionLimitError);
    clock.now += RESULT_TTL_MS;
    expect(store.get(first.id)).toBeUndefined();
    expect(store.create('svc', () => ({ note: '' })).id).not.toBe(third.id);
  });

  it('sweeps: an unfinished session expires into a result, a result is forgotten after its time', () => {
    const { store, clock } = storeWithClock();
    const old = store.create('svc', () => ({ note: '' }));
    const finished = store.create('svc', () => ({ note: '' }));
    store.finish(finished, cancelled);
    clock.now += RESULT_TTL_MS;
    const young = store.create('svc', () => ({ note: '' }));
    expect(store.size).toBe(2);
    clock.now += TTL_MS - RESULT_TTL_MS;
    store.sweep();
    expect(store.size).toBe(2);
    expect(store.get(old.id)?.outcome).toEqual(EXPIRED);
    expect(store.get(young.id)).toBe(young);
    clock.now += RESULT_TTL_MS;
    store.sweep();
    expect(store.size).toBe(1);
    store.clear();
    expect(store.size).toBe(0);
  });

  it("takes an eService's own PSK, and refuses an id in use", () => {
    const { store } = storeWithClock();
    const psk = { id: 'eservice-session-0001', key: Buffer.alloc(32, 7) };
    const session = store.create('svc', () => ({ note: '' }), psk);
    expect(session.id).toBe(psk.id);
    expect(session.psk.equals(psk.key)).toBe(true);
    expect(() => store.create('svc', () => ({ note: '' }), psk)).toThrow(SessionIdTakenError);
  });
});

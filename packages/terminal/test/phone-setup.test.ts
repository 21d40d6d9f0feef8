import { createServer } from 'node:net';
import { silentLogger } from '@sidbox/runtime';
import { LocalTerminalConfig, type PhoneCheckCreated } from '@sidbox/protocol';
import { describe, expect, it } from 'vitest';
import { PhoneSetup } from '../src/features/phone-setup/phone-setup.js';
import {
  closedPhoneSetup,
  followsPhone,
  nextPhoneSetup,
  phoneSetupCheckView,
  type PhoneSetup as PhoneSetupValue,
} from '../src/features/phone-setup/phone-setup-machine.js';
import { planWipe } from '../src/session/wipe.js';

const created: PhoneCheckCreated = {
  link: 'https://eid.example.org/phone/' + 'l'.repeat(43),
  statusToken: 's'.repeat(43),
  expiresAt: '2026-12-07T18:05:00.000Z',
};

describe('the phone setup, as a value', () => {
  const creating = nextPhoneSetup(closedPhoneSetup, { type: 'requested' });
  const waiting = nextPhoneSetup(creating, { type: 'created', check: created });

  it('asks, shows the link with its time, and never the status token', () => {
    expect(phoneSetupCheckView(closedPhoneSetup)).toBeNull();
    expect(phoneSetupCheckView(creating)).toEqual({
      state: 'creating',
      link: null,
      expiresAt: null,
    });
    expect(phoneSetupCheckView(waiting)).toEqual({
      state: 'waiting',
      link: created.link,
      expiresAt: Date.parse(created.expiresAt),
    });
    expect(JSON.stringify(phoneSetupCheckView(waiting))).not.toContain(created.statusToken);
  });

  it('follows the phone until a final state, which then stays', () => {
    const opened = nextPhoneSetup(waiting, { type: 'status', state: 'opened' });
    expect(followsPhone(opened)).toBe(true);
    const ready = nextPhoneSetup(opened, { type: 'status', state: 'ready' });
    expect(phoneSetupCheckView(ready)?.state).toBe('ready');
    expect(followsPhone(ready)).toBe(false);
    expect(nextPhoneSetup(ready, { type: 'status', state: 'expired' })).toBe(ready);
    // A check the server forgot is expired for the screen.
    const gone = nextPhoneSetup(waiting, { type: 'status', state: 'gone' });
    expect(phoneSetupCheckView(gone)?.state).toBe('expired');
  });

  it('an unreachable server is "unavailable"; late answers of a replaced request change nothing', () => {
    expect(nextPhoneSetup(creating, { type: 'create-failed' })).toEqual({ kind: 'unavailable' });
    expect(nextPhoneSetup(closedPhoneSetup, { type: 'created', check: created })).toBe(
      closedPhoneSetup,
    );
    expect(nextPhoneSetup(waiting, { type: 'create-failed' })).toBe(waiting);
    const again = nextPhoneSetup(waiting, { type: 'requested' });
    expect(again).toEqual({ kind: 'creating' });
    expect(nextPhoneSetup(waiting, { type: 'closed' })).toBe(closedPhoneSetup);
  });

  it('the wipe forgets a check that is on the screen', () => {
    const clean = (facts: Parameters<typeof planWipe>[0]) => planWipe(facts).flat();
    const base = { eidWorkflowRunning: false, cardInReader: false, sessionDir: false };
    expect(clean({ ...base, phoneCheck: true })).toContain('forget-phone-check');
    expect(clean(base)).not.toContain('forget-phone-check');
  });
});

/** A port on the loopback that nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the phone setup feature', () => {
  function feature(eidServerOrigin?: string) {
    const config = LocalTerminalConfig.parse({
      branding: { memberName: 'Test' },
      ...(eidServerOrigin && { eidServerOrigin }),
    });
    const published: (PhoneSetupValue['kind'] | string)[] = [];
    let phase: 'idle' | 'active' = 'idle';
    const part: PhoneSetup = new PhoneSetup({
      config: () => config,
      session: {
        get snapshot() {
          return { phase } as never;
        },
        dispatch: (event) => {
          if (event.type === 'start') phase = 'active';
        },
      },
      // No browser here: no page is left, so nothing is forgotten by navigation.
      browser: { on: () => () => {} },
      kioskOrigins: () => ['http://127.0.0.1:1'],
      publish: () => published.push(part.view().phoneSetup?.check?.state ?? 'none'),
      logger: silentLogger(),
    });
    return { part, published, phase: () => phase };
  }

  it('is not offered without an eID-Server, and refuses the action', async () => {
    const { part } = feature();
    expect(part.view().phoneSetup).toEqual({ offered: false, check: null });
    expect(() => part.actions['phone-check']({ type: 'phone-check' })).toThrow(
      expect.objectContaining({ code: 'not-offered' }),
    );
  });

  it('an eID-Server that does not answer: "unavailable" on the screen; closing forgets it', async () => {
    const { part, published, phase } = feature(`https://127.0.0.1:${await closedPort()}`);
    expect(part.view().phoneSetup?.offered).toBe(true);
    await part.actions['phone-check']({ type: 'phone-check' });
    expect(phase()).toBe('active');
    expect(part.wipeFacts()).toEqual({ phoneCheck: true });
    await expect.poll(() => published.at(-1)).toBe('unavailable');
    expect(published).toEqual(['creating', 'unavailable']);
    await part.wipe['forget-phone-check'](new AbortController().signal);
    expect(part.view().phoneSetup?.check).toBeNull();
    expect(part.wipeFacts()).toEqual({ phoneCheck: false });
    await part.stop();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardReaderWatch } from '../src/devices/pcsc/card-reader-watch.js';
import { nextEvent } from './helpers/devices/next-event.js';
import { startPcscd, type TestPcscd } from './helpers/devices/pcscd.js';
import { TEST_ATR, VirtualCard } from './helpers/devices/vpcd-card.js';

let dir: string;
let pcscd: TestPcscd | undefined;
let watch: CardReaderWatch | undefined;
const listenerErrors: unknown[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-pcsc-'));
  pcscd = await startPcscd(dir);
});
afterAll(async () => {
  await watch?.stop();
  await pcscd?.daemon.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('card reader awareness from a real pcscd with the vpcd virtual reader', () => {
  it('sees readers attach, a card inserted and removed, pcscd going away and coming back', async () => {
    if (!pcscd) throw new Error('pcscd did not start');
    watch = new CardReaderWatch({ socketPath: pcscd.socketPath }, (e) => listenerErrors.push(e));
    const attached = nextEvent(watch, 'reader-attached');
    watch.start();
    expect(await attached).toEqual({ reader: 'Virtual PCD 00 00' });
    expect(watch.state()).toMatchObject({ status: 'ok', detail: { cardPresent: false } });

    const card = new VirtualCard(pcscd.vpcdPort);
    const inserted = nextEvent(watch, 'card-inserted');
    await card.insert();
    expect(await inserted).toEqual({ reader: 'Virtual PCD 00 00', atr: TEST_ATR.toString('hex') });
    expect(watch.cardPresent()).toBe(true);

    const removed = nextEvent(watch, 'card-removed');
    await card.remove();
    expect(await removed).toEqual({ reader: 'Virtual PCD 00 00' });
    expect(watch.cardPresent()).toBe(false);

    // pcscd ending is an event and a heartbeat flag, never a crash.
    const detached = nextEvent(watch, 'reader-detached');
    const lost = nextEvent(watch, 'service-lost');
    await pcscd.daemon.stop();
    expect(await detached).toEqual({ reader: 'Virtual PCD 00 00' });
    expect(await lost).toMatchObject({ reason: 'no-service' });
    expect(watch.state()).toMatchObject({ status: 'unavailable', detail: { readers: [] } });

    // pcscd back (restarted, or its reader driver reloaded): the watch reconnects by itself
    // when the new socket appears (inotify), and the reader is attached again.
    const back = nextEvent(watch, 'reader-attached');
    pcscd = await startPcscd(dir);
    expect(await back).toEqual({ reader: 'Virtual PCD 00 00' });
    expect(watch.state()).toMatchObject({ status: 'ok', detail: { cardPresent: false } });
    expect(listenerErrors).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
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

describe('a pcscd socket that exists a moment before it listens', () => {
  it('is tried again until it answers, not given up on', async () => {
    const socketPath = join(dir, 'late', 'pcscd.comm');
    await mkdir(dirname(socketPath), { recursive: true });
    const late = new CardReaderWatch({ socketPath }, (e) => listenerErrors.push(e));
    const gone = nextEvent(late, 'service-lost');
    late.start();
    await gone; // no pcscd at all yet
    // A stand-in for pcscd's start: bind (the file appears), then listen when told to.
    const stand = spawn('/usr/bin/python3', ['-c', BIND_THEN_LISTEN, socketPath]);
    const lines = createInterface({ input: stand.stdout });
    const said = (what: string) =>
      new Promise<void>((resolve) => {
        const hear = (line: string) => {
          if (line !== what) return;
          lines.off('line', hear);
          resolve();
        };
        lines.on('line', hear);
      });
    try {
      const bound = said('bound');
      const refused = nextEvent(late, 'service-lost', (e) => e.detail.includes('ECONNREFUSED'));
      stand.stdin.write('go\n');
      await bound;
      // The watch saw the file appear and was refused: the socket does not listen yet.
      await refused;
      const accepted = said('accepted');
      stand.stdin.write('listen\n');
      await accepted;
    } finally {
      stand.kill();
      await late.stop();
    }
  });
});

/**
 * Binds a Unix socket when told (the file appears; connects are refused), listens when told
 * again, and reports the connect it accepts.
 */
const BIND_THEN_LISTEN = String.raw`
import socket, sys
path = sys.argv[1]
sys.stdin.readline()
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
print('bound', flush=True)
sys.stdin.readline()
server.listen(1)
connection, _ = server.accept()
print('accepted', flush=True)
connection.recv(64)
`;

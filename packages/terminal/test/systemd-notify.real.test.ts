import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { silentLogger } from '@sidbox/runtime';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SystemdNotifier } from '../src/daemon/systemd-notifier.js';

// The real systemd-notify against a datagram socket in the service manager's place.

let dir: string;
let receiver: ChildProcess;
let lines: AsyncIterator<string>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-notify-'));
  receiver = spawn(
    'python3',
    [new URL('helpers/notify-receiver.py', import.meta.url).pathname, join(dir, 'notify.sock')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (!receiver.stdout) throw new Error('no pipe from the receiver');
  lines = createInterface({ input: receiver.stdout })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('listening');
});

afterEach(async () => {
  receiver.kill();
  await rm(dir, { recursive: true, force: true });
});

/** The next datagram that is not systemd-notify's own barrier. */
async function nextMessage(): Promise<string> {
  for (;;) {
    const { value, done } = await lines.next();
    if (done) throw new Error('the receiver ended');
    if (value !== 'BARRIER=1') return value;
  }
}

it('tells the service manager it is ready, pets the watchdog, and says when it stops', async () => {
  const notifier = new SystemdNotifier(
    { NOTIFY_SOCKET: join(dir, 'notify.sock'), WATCHDOG_USEC: '100000' },
    silentLogger(),
  );
  await notifier.start();
  expect(await nextMessage()).toBe('READY=1');
  expect(await nextMessage()).toBe('WATCHDOG=1');
  expect(await nextMessage()).toBe('WATCHDOG=1');
  await notifier.stop();
  let last = await nextMessage();
  while (last === 'WATCHDOG=1') last = await nextMessage();
  expect(last).toBe('STOPPING=1');
});

it('sends nothing without NOTIFY_SOCKET', async () => {
  const notifier = new SystemdNotifier({}, silentLogger());
  await notifier.start();
  await notifier.stop();
  receiver.kill();
  expect((await lines.next()).done).toBe(true);
});

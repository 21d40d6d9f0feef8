import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevicesData, LocalTerminalConfig, type DevicesConfig } from '@sidbox/protocol';
import { sendControlRequest } from '../src/control/client.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { FakeKioskBrowser } from './helpers/daemon-fake-browser.js';
import { attractReady, nextDaemonEvent, reaches } from './helpers/daemon-waits.js';
import { key, mkfifo, openWriter } from './helpers/devices/input-fifo.js';
import { startPcscd, type TestPcscd } from './helpers/devices/pcscd.js';
import { VirtualCard } from './helpers/devices/vpcd-card.js';

// The daemon with its device adapters wired in, against the FAKE KioskBrowser (speed: the
// session machine is the subject here) and the training card; the devices are real: evdev
// records through a FIFO, a real pcscd with vpcd's virtual reader.

const MAT = 183; // KEY_F13
const RESET = 184; // KEY_F14

let dir: string;
let daemon: TerminalDaemon | undefined;
let writer: FileHandle | undefined;
let pcscd: TestPcscd | undefined;
let card: VirtualCard | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-daemon-devices-'));
});
afterEach(async () => {
  await writer?.close();
  writer = undefined;
  await card?.remove();
  card = undefined;
  await daemon?.stop();
  daemon = undefined;
  await pcscd?.daemon.stop();
  pcscd = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function startDaemon(devices: DevicesConfig, matGraceSeconds = 0): Promise<TerminalDaemon> {
  const config = LocalTerminalConfig.parse({
    branding: { memberName: 'Test' },
    session: { idleSeconds: 60, warningSeconds: 5, matGraceSeconds },
    devices,
  });
  daemon = new TerminalDaemon({
    config,
    training: true,
    ctlSocketPath: join(dir, 'ctl.sock'),
    browser: new FakeKioskBrowser(),
    kioskUiDir: dir,
  });
  await daemon.start();
  return daemon;
}

function nextDevice(terminal: TerminalDaemon, event: 'reset-pressed'): Promise<void> {
  return new Promise((resolve) => {
    const off = terminal.devices.on(event, () => {
      off();
      resolve();
    });
  });
}

/** Resolves once the devices report a change after which `check` holds. */
function deviceState(terminal: TerminalDaemon, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const off = terminal.devices.on('changed', () => {
      if (!check()) return;
      off();
      resolve();
    });
  });
}

const input = (path: string): DevicesConfig['inputs'][number] => ({
  name: 'mat-controller',
  path,
  keys: { presence: MAT, reset: RESET },
  debounceMs: 20,
  longPressMs: 600,
  grab: false,
});

describe('daemon with device adapters (fake browser, training card, real devices)', () => {
  it('mat and reset records from an evdev FIFO drive the session machine', async () => {
    const fifo = join(dir, 'event0');
    mkfifo(fifo);
    const terminal = await startDaemon({ inputs: [input(fifo)] });
    writer = await openWriter(fifo);
    await deviceState(terminal, () => terminal.devices.summary().healthy);

    // Stepping on the mat starts a session; stepping off (grace 0) ends it.
    let active = reaches(terminal, 'active');
    await writer.write(key(MAT, 1));
    await active;
    let end = attractReady(terminal);
    await writer.write(key(MAT, 0));
    expect((await end).reason).toBe('mat-left');

    // A short reset press ends the session at once, mat or not.
    active = reaches(terminal, 'active');
    await writer.write(key(MAT, 1));
    await active;
    end = attractReady(terminal);
    let pressed = nextDevice(terminal, 'reset-pressed');
    await writer.write(key(RESET, 1));
    await pressed;
    await writer.write(key(RESET, 0));
    expect((await end).reason).toBe('reset-button');

    // A long press asks for the staff menu: logged and flagged for staff, no session change.
    const staff = nextDaemonEvent(terminal, 'staff-menu');
    pressed = nextDevice(terminal, 'reset-pressed');
    await writer.write(key(RESET, 1));
    await pressed;
    await staff;
    await writer.write(key(RESET, 0));
    expect(terminal.status().devices).toMatchObject({ staffMenuRequested: true });
  });

  it('an unplugged mat is a staff flag and sessions fall back to the idle timeout', async () => {
    const fifo = join(dir, 'event1');
    mkfifo(fifo);
    const terminal = await startDaemon({ inputs: [input(fifo)] }, 5);
    writer = await openWriter(fifo);
    await deviceState(terminal, () => terminal.devices.summary().healthy);
    const active = reaches(terminal, 'active');
    await writer.write(key(MAT, 1));
    await active;
    expect(terminal.status().devices.matFallback).toBe(false);

    // The writer going away is what the helper sees when the device node vanishes (EOF).
    const unplugged = deviceState(terminal, () => terminal.devices.matFallback);
    await writer.close();
    writer = undefined;
    await unplugged;
    expect(terminal.status()).toMatchObject({
      state: 'active',
      devices: { matFallback: true, readerMissing: false },
    });
    const reply = await sendControlRequest(join(dir, 'ctl.sock'), { cmd: 'devices' });
    if (!reply.ok) throw new Error(reply.error.message);
    const summary = DevicesData.parse(reply.data);
    expect(summary).toMatchObject({
      healthy: false,
      matFallback: true,
      devices: [{ device: 'mat-controller', kind: 'input', status: 'unplugged' }],
    });
  });

  it('a card left on a pcscd reader at session end shows the reminder until it is removed', async () => {
    pcscd = await startPcscd(dir);
    const terminal = await startDaemon({
      inputs: [],
      cardReader: { enabled: true, pcscdSocket: pcscd.socketPath },
    });
    await deviceState(terminal, () => !terminal.devices.readerMissing);
    expect(terminal.status().devices.readerMissing).toBe(false);

    await terminal.handle({ cmd: 'session', action: 'start' });
    card = new VirtualCard(pcscd.vpcdPort);
    const inserted = deviceState(terminal, () => terminal.devices.cardPresent());
    await card.insert();
    await inserted;

    const shown = nextDaemonEvent(terminal, 'card-reminder');
    const end = attractReady(terminal);
    await terminal.handle({ cmd: 'session', action: 'end' });
    expect(await shown).toEqual({ shown: true });
    await end;

    const hidden = nextDaemonEvent(terminal, 'card-reminder');
    await card.remove();
    expect(await hidden).toEqual({ shown: false });

    // ctl devices --json: the reader, with no card and no personal data.
    const reply = await sendControlRequest(join(dir, 'ctl.sock'), { cmd: 'devices' });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(DevicesData.parse(reply.data)).toEqual({
      healthy: true,
      matFallback: false,
      devices: [
        {
          device: 'card-reader',
          kind: 'card-reader',
          status: 'ok',
          detail: { readers: expect.arrayContaining(['Virtual PCD 00 00']), cardPresent: false },
        },
      ],
    });
  });
});

import { mkdir, mkdtemp, rm, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvdevInput } from '../src/devices/input/evdev-input.js';
import {
  resolveInputDevice,
  type DeviceRoots,
  type InputDeviceSelector,
} from '../src/devices/input/resolve-device.js';
import { summarizeDevices } from '../src/devices/device-state.js';
import { key, mkfifo, openWriter } from './helpers/devices/input-fifo.js';
import { nextEvent, recordEvents } from './helpers/devices/next-event.js';

const MAT = 183; // KEY_F13, what typical mat controllers send
const RESET = 184; // KEY_F14
const PRESS = 1;
const RELEASE = 0;
const REPEAT = 2;

let dir: string;
let input: EvdevInput | undefined;
const listenerErrors: unknown[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-evdev-'));
});
afterEach(async () => {
  await input?.stop();
  input = undefined;
  await rm(dir, { recursive: true, force: true });
  expect(listenerErrors).toEqual([]);
});

function startInput(
  device: string | InputDeviceSelector,
  overrides: { grab?: boolean; roots?: DeviceRoots } = {},
): EvdevInput {
  input = new EvdevInput(
    {
      name: 'mat-controller',
      ...(typeof device === 'string' ? { path: device } : device),
      keys: { presence: MAT, reset: RESET },
      debounceMs: 25,
      longPressMs: 300,
      grab: false,
      ...overrides,
    },
    (error) => listenerErrors.push(error),
  );
  input.start();
  return input;
}

describe('evdev input adapter on a FIFO standing in for the device node', () => {
  it('debounces a chattering mat into one mat-on, then mat-off', async () => {
    const fifo = join(dir, 'event0');
    mkfifo(fifo);
    const mat = startInput(fifo);
    const log = recordEvents(mat, ['mat-on', 'mat-off', 'reset', 'staff-menu']);
    const writer = await openWriter(fifo);

    const on = nextEvent(mat, 'mat-on');
    // Contact chatter: press, release, press within microseconds, a record split across writes.
    const burst = Buffer.concat([key(MAT, PRESS), key(MAT, RELEASE), key(MAT, PRESS)]);
    await writer.write(burst.subarray(0, 50));
    await writer.write(burst.subarray(50));
    await on;
    expect(log).toEqual(['mat-on']);

    const off = nextEvent(mat, 'mat-off');
    await writer.write(key(MAT, RELEASE));
    await off;
    expect(log).toEqual(['mat-on', 'mat-off']);
    expect(mat.state()).toMatchObject({ status: 'ok', kind: 'input' });
    await writer.close();
  });

  it('tells a short reset press from a long one (staff menu), ignoring autorepeat', async () => {
    const fifo = join(dir, 'event1');
    mkfifo(fifo);
    const button = startInput(fifo);
    const log = recordEvents(button, ['mat-on', 'mat-off', 'reset', 'staff-menu']);
    const writer = await openWriter(fifo);

    const pressed = nextEvent(button, 'reset-pressed');
    await writer.write(key(RESET, PRESS));
    await pressed;
    const reset = nextEvent(button, 'reset');
    await writer.write(key(RESET, RELEASE));
    await reset;

    const staffMenu = nextEvent(button, 'staff-menu');
    await writer.write(Buffer.concat([key(RESET, PRESS), key(RESET, REPEAT), key(RESET, REPEAT)]));
    await staffMenu;
    await writer.write(key(RESET, RELEASE));
    // Listening before the close: the adapter may see end-of-file before close() resolves.
    const unplugged = nextEvent(button, 'unplugged');
    await writer.close();
    await unplugged;
    expect(log).toEqual(['reset', 'staff-menu']);
  });

  it('reports an unplugged device and re-opens it when the node reappears', async () => {
    const fifo = join(dir, 'event2');
    mkfifo(fifo);
    const mat = startInput(fifo);
    const firstPlugged = nextEvent(mat, 'plugged');
    const first = await openWriter(fifo);
    await firstPlugged;

    // Unplug: udev removes the node and reads end; the adapter must not crash or end a session.
    const unplugged = nextEvent(mat, 'unplugged');
    await unlink(fifo);
    await first.close();
    expect(await unplugged).toEqual({ reason: 'unplugged' });
    expect(summarizeDevices([mat])).toEqual({
      healthy: false,
      devices: [expect.objectContaining({ device: 'mat-controller', status: 'unplugged' })],
    });

    const plugged = nextEvent(mat, 'plugged');
    mkfifo(fifo);
    const second = await openWriter(fifo);
    await plugged;
    const on = nextEvent(mat, 'mat-on');
    await second.write(key(MAT, PRESS));
    await on;
    expect(summarizeDevices([mat]).healthy).toBe(true);
    await second.close();
  });

  it('issues the real EVIOCGRAB on the opened fd and reports when it cannot grab', async () => {
    const fifo = join(dir, 'event3');
    mkfifo(fifo);
    const mat = startInput(fifo, { grab: true });
    const grabFailed = nextEvent(mat, 'grab-failed');
    const writer = await openWriter(fifo);
    // A FIFO is no evdev node: the kernel answers ENOTTY, which proves the ioctl reached it.
    expect(await grabFailed).toEqual({ result: 'not-an-input-device' });
    expect(mat.state().detail).toMatchObject({ grab: 'not-an-input-device' });
    const on = nextEvent(mat, 'mat-on');
    await writer.write(key(MAT, PRESS));
    await on;
    await writer.close();
  });

  it('resolves a device by /dev/input/by-id name or by vendor:product from sysfs', async () => {
    const devInput = join(dir, 'dev');
    const sysInput = join(dir, 'sys');
    await mkdir(join(devInput, 'by-id'), { recursive: true });
    await symlink('../event7', join(devInput, 'by-id', 'usb-PCsensor_FootSwitch-event-kbd'));
    await symlink('../event8', join(devInput, 'by-id', 'usb-PCsensor_FootSwitch-if01-mouse'));
    for (const [node, vendor, product] of [
      ['event6', '046d', 'c31c'],
      ['event7', '1a86', 'e026'],
    ] as const) {
      await mkdir(join(sysInput, node, 'device', 'id'), { recursive: true });
      await writeFile(join(sysInput, node, 'device', 'id', 'vendor'), `${vendor}\n`);
      await writeFile(join(sysInput, node, 'device', 'id', 'product'), `${product}\n`);
    }
    const roots = { devInput, sysInput };
    expect(await resolveInputDevice({ byIdContains: 'FootSwitch' }, roots)).toBe(
      join(devInput, 'by-id', 'usb-PCsensor_FootSwitch-event-kbd'),
    );
    expect(await resolveInputDevice({ vendorProduct: '1A86:E026' }, roots)).toBe(
      join(devInput, 'event7'),
    );
    expect(await resolveInputDevice({ vendorProduct: 'ffff:0001' }, roots)).toBeUndefined();
    expect(await resolveInputDevice({ path: '/dev/input/event3' }, roots)).toBe(
      '/dev/input/event3',
    );
  });
});

describe('inputs plugged in after start, named by by-id or vendor:product', () => {
  /** A device tree like /dev/input and /sys/class/input, empty: nothing is plugged in. */
  async function emptyTree(): Promise<DeviceRoots> {
    const roots = { devInput: join(dir, 'dev'), sysInput: join(dir, 'sys') };
    await mkdir(roots.devInput);
    await mkdir(roots.sysInput);
    return roots;
  }

  /** What the kernel and udev do on plug-in: the event node, then its by-id link. */
  async function plugById(roots: DeviceRoots, node: string): Promise<string> {
    mkfifo(join(roots.devInput, node));
    await mkdir(join(roots.devInput, 'by-id'), { recursive: true });
    await symlink(`../${node}`, join(roots.devInput, 'by-id', 'usb-Mat_Controller-event-kbd'));
    return join(roots.devInput, node);
  }

  /** Unplug: udev drops the link (and by-id with its last link), the kernel the node. */
  async function unplugById(roots: DeviceRoots, node: string): Promise<void> {
    await unlink(join(roots.devInput, 'by-id', 'usb-Mat_Controller-event-kbd'));
    await rmdir(join(roots.devInput, 'by-id'));
    await unlink(join(roots.devInput, node));
  }

  it('picks up a by-id device plugged in after start, and again after a re-plug', async () => {
    const roots = await emptyTree();
    const notFound = nextEvent(
      startInput({ byIdContains: 'Mat_Controller' }, { roots }),
      'unplugged',
    );
    const mat = input as EvdevInput;
    expect(await notFound).toEqual({ reason: 'not-found' });
    expect(mat.state()).toMatchObject({ status: 'missing', detail: { byId: 'Mat_Controller' } });

    let plugged = nextEvent(mat, 'plugged');
    let writer = await openWriter(await plugById(roots, 'event5'));
    await plugged;
    expect(mat.state()).toMatchObject({
      status: 'ok',
      detail: { node: join(roots.devInput, 'by-id', 'usb-Mat_Controller-event-kbd') },
    });
    let on = nextEvent(mat, 'mat-on');
    await writer.write(key(MAT, PRESS));
    await on;

    const unplugged = nextEvent(mat, 'unplugged');
    await unplugById(roots, 'event5');
    await writer.close();
    expect(await unplugged).toEqual({ reason: 'unplugged' });
    expect(mat.state().status).toBe('unplugged');

    // Re-plugged into another port: another event node, the same by-id name.
    plugged = nextEvent(mat, 'plugged');
    writer = await openWriter(await plugById(roots, 'event6'));
    await plugged;
    expect(mat.state().status).toBe('ok');
    on = nextEvent(mat, 'mat-on');
    await writer.write(key(MAT, PRESS));
    await on;
    await writer.close();
  });

  it('follows a vendor:product device to whatever event node it gets', async () => {
    const roots = await emptyTree();
    const plug = async (node: string): Promise<string> => {
      // sysfs first, then the node: the order in which the kernel adds a device.
      const id = join(roots.sysInput, node, 'device', 'id');
      await mkdir(id, { recursive: true });
      await writeFile(join(id, 'vendor'), '16c0\n');
      await writeFile(join(id, 'product'), '05df\n');
      mkfifo(join(roots.devInput, node));
      return join(roots.devInput, node);
    };
    const notFound = nextEvent(startInput({ vendorProduct: '16c0:05df' }, { roots }), 'unplugged');
    const mat = input as EvdevInput;
    await notFound;

    let plugged = nextEvent(mat, 'plugged');
    let writer = await openWriter(await plug('event9'));
    await plugged;
    expect(mat.state()).toMatchObject({
      status: 'ok',
      detail: { vendorProduct: '16c0:05df', node: join(roots.devInput, 'event9') },
    });

    const unplugged = nextEvent(mat, 'unplugged');
    await rm(join(roots.sysInput, 'event9'), { recursive: true });
    await unlink(join(roots.devInput, 'event9'));
    await writer.close();
    await unplugged;

    plugged = nextEvent(mat, 'plugged');
    writer = await openWriter(await plug('event10'));
    await plugged;
    expect(mat.state().detail).toMatchObject({ node: join(roots.devInput, 'event10') });
    const on = nextEvent(mat, 'mat-on');
    await writer.write(key(MAT, PRESS));
    await on;
    await writer.close();
  });
});

// One boot of the test variant up to the check service's report: boot-to-attract time, the
// screendump verdict and every fact the guest reported.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Machine } from './qemu.js';
import { hexColour, looksLikeAttractScreen, parsePpm, type AttractVerdict } from './screen.js';

export interface GuestCheck {
  check: string;
  ok: boolean;
  detail: unknown;
}

export interface HostCheck {
  check: string;
  ok: boolean;
  detail: string;
}

export interface BootReport {
  /** From the start of QEMU (or the reset) to the daemon's "idle" on the serial line. */
  bootToAttractSeconds: number;
  /** The guest's own uptime at that moment (kernel start to attract). */
  guestUptimeSeconds: number;
  screen: AttractVerdict;
  checks: GuestCheck[];
  /** What the host saw itself while it acted on the guest's cues (keys, USB). */
  hostChecks: HostCheck[];
}

const checkLine = /^SIDBOX-CHECK (\{.*\})$/;

/** USB serial numbers the guest recognises the hot-plugged devices by (see sidbox-check.mjs). */
const hotplugSerials = { storage: 'SIDBOXHOTDISK', keyboard: 'SIDBOXHOTKBD' };

export async function bootAndCheck(options: {
  machine: Machine;
  startedAt: number;
  fromLine: number;
  workDir: string;
  label: string;
  primaryColour: string;
  timeoutMs: number;
  /** Longest wait for the guest's next cue or its end (default 10 min). */
  stepTimeoutMs?: number;
}): Promise<BootReport> {
  const { machine, fromLine } = options;
  const attract = await machine.waitForLine(
    /^SIDBOX-CHECK \{"check":"attract"/,
    options.timeoutMs,
    fromLine,
  );
  const bootToAttractSeconds = (performance.now() - options.startedAt) / 1000;
  const attractCheck = JSON.parse(checkLine.exec(attract.line)?.[1] ?? '{}') as GuestCheck;
  const screen = await screenUntilAttract(
    machine,
    options.workDir,
    options.label,
    options.primaryColour,
  );
  const hostChecks: HostCheck[] = [];
  // The guest cues the host for what only the host can do; each cue is answered once.
  let from = attract.index;
  for (;;) {
    const next = await machine.waitForLine(
      /^SIDBOX-CHECK-(DONE|AWAIT \w+)$/,
      options.stepTimeoutMs ?? 600_000,
      from,
    );
    from = next.index + 1;
    if (next.line === 'SIDBOX-CHECK-DONE') break;
    const step = next.line.split(' ')[1];
    if (step === 'keys') hostChecks.push(...(await typeEscapes(options, next.index)));
    else if (step === 'usb') await plugUsbDevices(options, next.index);
    else throw new Error(`the guest asked for an unknown step: ${next.line}`);
  }
  const done = { index: from - 1 };
  const checks = machine.serial
    .slice(attract.index, done.index)
    .map((line) => checkLine.exec(line)?.[1])
    .filter((json): json is string => json !== undefined)
    .map((json) => JSON.parse(json) as GuestCheck);
  const uptime =
    (attractCheck.detail as { uptimeSeconds?: number } | undefined)?.uptimeSeconds ?? NaN;
  return { bootToAttractSeconds, guestUptimeSeconds: uptime, screen, checks, hostChecks };
}

/**
 * What a person at the keyboard would try: switch to a text console, reboot, SysRq (help,
 * reboot), kill the compositor, close the window. Scroll Lock last: the guest counts the keys
 * up to it, so it knows all of them have arrived. Afterwards the screen must still be the
 * attract screen and the machine the same boot (the guest checks VT, processes, boot id).
 */
const escapeKeys = [
  ['ctrl', 'alt', 'f2'],
  ['ctrl', 'alt', 'f3'],
  ['ctrl', 'alt', 'delete'],
  ['ctrl', 'alt', 'backspace'],
  ['alt', 'sysrq', 'h'],
  ['alt', 'sysrq', 'b'],
  ['alt', 'f4'],
  ['scroll_lock'],
];

async function typeEscapes(
  options: Parameters<typeof bootAndCheck>[0],
  cueIndex: number,
): Promise<HostCheck[]> {
  const { machine } = options;
  for (const combo of escapeKeys) {
    await machine.qmp('send-key', { keys: combo.map((data) => ({ type: 'qcode', data })) });
  }
  // The guest reports when it has seen Scroll Lock and looked again; a reboot never reports.
  await machine.waitForLine(/^SIDBOX-CHECK \{"check":"keyboard-escapes"/, 300_000, cueIndex);
  const screen = await screenUntilAttract(
    machine,
    options.workDir,
    `${options.label}-after-keys`,
    options.primaryColour,
  );
  const rebooted = machine.serial
    .slice(cueIndex)
    .filter((line) => /Welcome to GRUB|SeaBIOS|Linux version|reboot: Restarting/.test(line));
  return [
    {
      check: 'screen-after-escapes',
      ok: screen.ok && rebooted.length === 0,
      detail: `sent ${escapeKeys.map((k) => k.join('-')).join(', ')}; screendump still the attract screen: ${screen.ok}; boot messages since: ${rebooted.length}`,
    },
  ];
}

/**
 * A USB disk and then a USB keyboard, plugged into the running machine (QMP device_add, as a
 * person would at the front of the PC). The guest reports what USBGuard made of each; both are
 * pulled again, so that the next boot starts with the stick alone.
 */
async function plugUsbDevices(
  options: Parameters<typeof bootAndCheck>[0],
  cueIndex: number,
): Promise<void> {
  const { machine, label } = options;
  const disk = join(options.workDir, `hotplug-${label}.img`);
  await writeFile(disk, Buffer.alloc(4 * 1024 * 1024));
  const node = `hotdisk-${label}`;
  await machine.qmp('blockdev-add', {
    'node-name': node,
    driver: 'raw',
    file: { driver: 'file', filename: disk },
  });
  const storage = `hotstorage-${label}`;
  const keyboard = `hotkbd-${label}`;
  await machine.qmp('device_add', {
    driver: 'usb-storage',
    bus: 'xhci.0',
    drive: node,
    id: storage,
    serial: hotplugSerials.storage,
  });
  await machine.qmp('device_add', {
    driver: 'usb-kbd',
    bus: 'xhci.0',
    id: keyboard,
    serial: hotplugSerials.keyboard,
  });
  await machine.waitForLine(/^SIDBOX-CHECK \{"check":"usb-hotplug"/, 360_000, cueIndex);
  for (const id of [storage, keyboard]) await machine.qmp('device_del', { id });
}

/**
 * The daemon reports idle once the attract page is loaded; the first frame may follow a moment
 * later on a software-rendered display. Screendumps are taken until one shows the attract
 * screen or 60 s have passed (each dump takes a visible time under TCG, no extra wait needed).
 */
async function screenUntilAttract(
  machine: Machine,
  workDir: string,
  label: string,
  primaryColour: string,
): Promise<AttractVerdict> {
  const deadline = performance.now() + 60_000;
  const file = join(workDir, `screen-${label}.ppm`);
  let verdict: AttractVerdict;
  do {
    verdict = looksLikeAttractScreen(
      parsePpm(await machine.screendump(file)),
      hexColour(primaryColour),
    );
  } while (!verdict.ok && performance.now() < deadline);
  return verdict;
}

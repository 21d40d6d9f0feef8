// `npm run test:image`: builds the stick (or reuses the cached build), personalises it, boots the
// test variant in QEMU from a read-only USB disk, checks it from outside (screendump, port
// scan) and inside (the check layer's serial report), resets it and checks again.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bootAndCheck, type BootReport } from './boot.js';
import { mib } from './build-iso.js';
import { Machine } from './qemu.js';
import { scanGuest, type ScanResult } from './port-scan.js';
import { createTestNetwork } from './test-network.js';
import { prepareSticks, testPrimaryColour } from './test-stick.js';

const workDir = '/var/tmp/sidbox-image-test';
const accel = process.env.SIDBOX_IMAGE_ACCEL === 'kvm' ? 'kvm' : 'tcg';
const bootTimeoutMs = 25 * 60_000;
/** Once the UEFI boot has read the config partition, the kiosk is as far away as under BIOS. */
const uefiAttractTimeoutMs = 8 * 60_000;

interface Row {
  check: string;
  ok: boolean;
  detail: string;
}

const log = (line: string) => console.log(line);

await rm(workDir, { recursive: true, force: true });
await mkdir(workDir, { recursive: true });
const sticks = await prepareSticks(workDir, log);
const hostDisk = join(workDir, 'pc-disk.img');
execFileSync('truncate', ['-s', '64M', hostDisk]);
execFileSync('mkfs.ext4', ['-q', '-L', 'PC-DISK', hostDisk]);

const network = createTestNetwork();
const machines = new Set<Machine>();
// Ctrl+C or a kill: no QEMU, dnsmasq or tap device is left behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([...machines].map((m) => m.stop()))
      .then(() => network.close())
      .finally(() => process.exit(130));
  });
}
const rows: Row[] = [];
let firstBoot: BootReport | undefined;
let secondBoot: BootReport | undefined;
let uefiBoot: BootReport | undefined;
let uefiReachedConfig: number | undefined;
let uefiProblem: string | undefined;
const scans: ScanResult[] = [];
try {
  log(`booting the test variant in QEMU (${accel}, BIOS, stick read-only on USB)…`);
  const machine = await Machine.start({
    stick: sticks.checkImage,
    firmware: 'bios',
    workDir,
    tap: network.tap,
    hostDisk,
    accel,
    serialLog: join(workDir, 'serial.log'),
  });
  machines.add(machine);
  try {
    firstBoot = await bootAndCheck({
      machine,
      startedAt: machine.startedAt,
      fromLine: 0,
      workDir,
      label: 'boot1',
      primaryColour: testPrimaryColour,
      timeoutMs: bootTimeoutMs,
    });
    log(`attract screen after ${firstBoot.bootToAttractSeconds.toFixed(0)} s; scanning the guest…`);
    const guest = await network.guestAddress;
    for (const protocol of ['tcp', 'udp'] as const) scans.push(await scanGuest(guest, protocol));

    log('resetting the machine (power cycle)…');
    const resetAt = performance.now();
    const fromLine = machine.serial.length;
    await machine.reset();
    secondBoot = await bootAndCheck({
      machine,
      startedAt: resetAt,
      fromLine,
      workDir,
      label: 'boot2',
      primaryColour: testPrimaryColour,
      timeoutMs: bootTimeoutMs,
    });
  } finally {
    await machine.stop();
  }

  if (process.env.SIDBOX_IMAGE_UEFI !== '0') {
    log('booting again through UEFI (OVMF → GRUB)…');
    const uefi = await Machine.start({
      stick: sticks.checkImage,
      firmware: 'uefi',
      workDir,
      accel,
      serialLog: join(workDir, 'serial-uefi.log'),
    });
    machines.add(uefi);
    try {
      // Firmware, GRUB, kernel, the dm-verity root and the config partition: the boot path.
      const loaded = await uefi.waitForLine(/configuration loaded from/, bootTimeoutMs);
      uefiReachedConfig = (performance.now() - uefi.startedAt) / 1000;
      uefiBoot = await bootAndCheck({
        machine: uefi,
        startedAt: uefi.startedAt,
        fromLine: loaded.index,
        workDir,
        label: 'uefi',
        primaryColour: testPrimaryColour,
        timeoutMs: uefiAttractTimeoutMs,
      });
    } catch (error) {
      uefiProblem = (error as Error).message;
    } finally {
      await uefi.stop();
    }
  }
} finally {
  await network.close();
}

rows.push({
  check: 'image-verify',
  ok: /base-hash\s+ok/.test(sticks.verifyOutput),
  detail: 'sidbox image verify: partition table, base hash, config, credential',
});
if (process.env.SIDBOX_IMAGE_UEFI !== '0') {
  rows.push({
    check: 'uefi:boot-path',
    ok: uefiReachedConfig !== undefined,
    detail:
      uefiReachedConfig !== undefined
        ? `OVMF → GRUB → kernel → verity root → config partition read after ${uefiReachedConfig.toFixed(0)} s`
        : (uefiProblem ?? 'no boot'),
  });
  if (!uefiBoot)
    rows.push({ check: 'uefi:attract', ok: false, detail: uefiProblem ?? 'no attract' });
}
for (const [label, boot] of [
  ['boot1', firstBoot],
  ['boot2', secondBoot],
  ['uefi', uefiBoot],
] as const) {
  if (!boot) continue;
  rows.push({
    check: `${label}:attract-screen`,
    ok: boot.screen.ok,
    detail: `screendump: header ${boot.screen.headerPrimaryShare} primary colour, page ${boot.screen.pageShare} background/white, attract panel ${boot.screen.panelShare} white`,
  });
  for (const c of boot.checks)
    rows.push({ check: `${label}:${c.check}`, ok: c.ok, detail: JSON.stringify(c.detail) });
  for (const c of boot.hostChecks) rows.push({ ...c, check: `${label}:${c.check}` });
}
for (const scan of scans) {
  rows.push({
    check: `portscan-${scan.protocol}`,
    ok: scan.reachable.length === 0 && scan.scanned > 0,
    detail: `${scan.scanned} ports scanned in ${scan.seconds} s, reachable: ${JSON.stringify(scan.reachable)}`,
  });
}

const production = await stat(sticks.productionImage);
for (const row of rows)
  console.log(
    `${row.ok ? 'ok    ' : 'FAILED'} ${row.check.padEnd(28)} ${row.detail.slice(0, 300)}`,
  );
console.log('');
console.log(
  `image size:         ${mib(production.size)} MiB (personalised production stick image)`,
);
console.log(
  `build:              ${sticks.production.iso.reused ? 'reused cached base' : `${sticks.production.iso.buildSeconds} s`}`,
);
for (const [label, boot] of [
  ['first boot', firstBoot],
  ['after reset', secondBoot],
  ['UEFI boot', uefiBoot],
] as const) {
  if (boot) {
    console.log(
      `boot-to-attract:    ${boot.bootToAttractSeconds.toFixed(0)} s (${label}, ${accel}; guest uptime ${boot.guestUptimeSeconds.toFixed(0)} s)`,
    );
  }
}
const failed = rows.filter((r) => !r.ok);
console.log(
  failed.length === 0
    ? `\nall ${rows.length} checks passed`
    : `\n${failed.length} of ${rows.length} checks FAILED`,
);
process.exitCode = failed.length === 0 && firstBoot && secondBoot ? 0 : 1;

// Image bench: size of the stick image and boot-to-attract time under QEMU, next to a plain
// Debian live image built the same way (same live-build config, kernel, live-boot, dm-verity)
// without SIDbox, which boots to its serial console's login banner. One boot each, BIOS, same accelerator.
// Both images are built (or reused from the image cache) first; see image/src/build.ts.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bootAndCheck } from '../image/src/boot.js';
import { buildVariant } from '../image/src/build.js';
import { Machine } from '../image/src/qemu.js';
import { prepareSticks, testPrimaryColour } from '../image/src/test-stick.js';
import { variants } from '../image/src/variants.js';

const workDir = '/var/tmp/sidbox-image-bench';
const accel = process.env.SIDBOX_IMAGE_ACCEL === 'kvm' ? 'kvm' : 'tcg';
const timeoutMs = 25 * 60_000;

export async function run(): Promise<void> {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const log = (line: string) => console.log(`image: ${line}`);
  const sticks = await prepareSticks(workDir, log);
  const plain = await buildVariant(variants.plain, log);

  const sidboxMachine = await Machine.start({
    stick: sticks.checkImage,
    firmware: 'bios',
    workDir,
    accel,
  });
  let sidboxSeconds: number;
  try {
    const boot = await bootAndCheck({
      machine: sidboxMachine,
      startedAt: sidboxMachine.startedAt,
      fromLine: 0,
      workDir,
      label: 'bench',
      primaryColour: testPrimaryColour,
      timeoutMs,
    });
    sidboxSeconds = boot.bootToAttractSeconds;
  } finally {
    await sidboxMachine.stop();
  }

  const plainMachine = await Machine.start({
    stick: plain.baseImage,
    firmware: 'bios',
    workDir,
    accel,
  });
  let plainSeconds: number;
  try {
    // The getty's banner line: the login prompt itself follows without a newline.
    await plainMachine.waitForLine(/^Debian GNU\/Linux .* ttyS0$/, timeoutMs);
    plainSeconds = (performance.now() - plainMachine.startedAt) / 1000;
  } finally {
    await plainMachine.stop();
  }

  const sidboxBytes = (await stat(sticks.productionImage)).size;
  const plainBytes = (await stat(plain.baseImage)).size;
  const sizeRatio = sidboxBytes / plainBytes;
  const bootRatio = sidboxSeconds / plainSeconds;
  console.log(
    `image: stick image ${mib(sidboxBytes)} MiB, plain Debian live ${mib(plainBytes)} MiB (×${sizeRatio.toFixed(2)})`,
  );
  console.log(
    `image: boot to attract ${sidboxSeconds.toFixed(0)} s, plain boot to login prompt ${plainSeconds.toFixed(0)} s (×${bootRatio.toFixed(2)}, QEMU ${accel})`,
  );
  console.log(
    JSON.stringify({
      bench: 'image',
      accel,
      imageBytes: sidboxBytes,
      plainImageBytes: plainBytes,
      sizeRatio: round(sizeRatio),
      bootToAttractSeconds: round(sidboxSeconds),
      plainBootSeconds: round(plainSeconds),
      bootRatio: round(bootRatio),
      buildSeconds: sticks.production.iso.buildSeconds,
      plainBuildSeconds: plain.iso.buildSeconds,
    }),
  );
  await rm(join(workDir), { recursive: true, force: true });
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

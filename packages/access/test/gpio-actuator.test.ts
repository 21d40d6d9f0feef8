import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GpioActuator } from '../src/actuators/gpio.js';

// No GPIO chip and no gpio-sim here: a FAKE gpioset (helpers/fake-gpioset.sh), put first on
// PATH as "gpioset", records the arguments the actuator passes to libgpiod 1.6's tool.
const fakeGpioset = fileURLToPath(new URL('./helpers/fake-gpioset.sh', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-gpio-'));
  await copyFile(fakeGpioset, join(dir, 'gpioset'));
  vi.stubEnv('PATH', `${dir}:${process.env.PATH}`);
  vi.stubEnv('FAKE_GPIOSET_LOG', join(dir, 'calls.log'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('the GPIO actuator (with a FAKE gpioset)', () => {
  it('holds the line high for openMs with gpioset --mode=time', async () => {
    await new GpioActuator({ chip: 'gpiochip0', line: 17, openMs: 1500 }).open();
    expect(await readFile(join(dir, 'calls.log'), 'utf8')).toBe(
      '--mode=time --usec=1500000 gpiochip0 17=1\n',
    );
  });

  it("fails with gpioset's own message", async () => {
    vi.stubEnv('FAKE_GPIOSET_FAIL', 'Device or resource busy');
    await expect(
      new GpioActuator({ chip: 'gpiochip0', line: 17, openMs: 100 }).open(),
    ).rejects.toThrow(
      'gpioset failed: gpioset: error setting the GPIO line values: Device or resource busy',
    );
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Actuator } from '../ports.js';

const run = promisify(execFile);

export interface GpioActuatorOptions {
  chip: string;
  line: number;
  openMs: number;
  /** The libgpiod 1.6 tool; found on PATH by default. */
  gpioset?: string;
}

/**
 * Holds a relay line high for `openMs` with libgpiod's `gpioset` (Debian `gpiod` 1.6), which
 * keeps the line requested for that time and releases it when it exits.
 */
export class GpioActuator implements Actuator {
  constructor(private readonly options: GpioActuatorOptions) {}

  async open(): Promise<void> {
    const { chip, line, openMs } = this.options;
    const args = ['--mode=time', `--usec=${openMs * 1000}`, chip, `${line}=1`];
    try {
      await run(this.options.gpioset ?? 'gpioset', args, { timeout: openMs + 5000 });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw new Error(`gpioset failed: ${stderr || (error as Error).message}`);
    }
  }

  async close(): Promise<void> {}
}

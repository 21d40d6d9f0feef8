// One boot of the test variant up to the check service's report: boot-to-attract time, the
// screendump verdict and every fact the guest reported.
import { join } from 'node:path';
import type { Machine } from './qemu.js';
import { hexColour, looksLikeAttractScreen, parsePpm, type AttractVerdict } from './screen.js';

export interface GuestCheck {
  check: string;
  ok: boolean;
  detail: unknown;
}

export interface BootReport {
  /** From the start of QEMU (or the reset) to the daemon's "idle" on the serial line. */
  bootToAttractSeconds: number;
  /** The guest's own uptime at that moment (kernel start to attract). */
  guestUptimeSeconds: number;
  screen: AttractVerdict;
  checks: GuestCheck[];
}

const checkLine = /^SIDBOX-CHECK (\{.*\})$/;

export async function bootAndCheck(options: {
  machine: Machine;
  startedAt: number;
  fromLine: number;
  workDir: string;
  label: string;
  primaryColour: string;
  timeoutMs: number;
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
  const done = await machine.waitForLine(/^SIDBOX-CHECK-DONE$/, 120_000, attract.index);
  const checks = machine.serial
    .slice(attract.index, done.index)
    .map((line) => checkLine.exec(line)?.[1])
    .filter((json): json is string => json !== undefined)
    .map((json) => JSON.parse(json) as GuestCheck);
  const uptime =
    (attractCheck.detail as { uptimeSeconds?: number } | undefined)?.uptimeSeconds ?? NaN;
  return { bootToAttractSeconds, guestUptimeSeconds: uptime, screen, checks };
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

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * What still runs after a stop: members of the given Chromium process groups, and Chromium or
 * AusweisApp children of this process. Killed processes are zombies until reaped, which takes
 * a moment after SIGKILL; zombies do not count, and the check allows up to 2 s.
 */
export async function survivors(groups: number[]): Promise<string[]> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const running = livingProcesses().filter(
      (proc) =>
        groups.includes(proc.pgrp) ||
        (proc.ppid === process.pid && /^(chromium|unshare|AusweisApp)/.test(proc.comm)),
    );
    if (running.length === 0 || Date.now() > deadline) {
      return running.map((proc) => `${proc.pid} ${proc.comm}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function livingProcesses(): { pid: number; comm: string; ppid: number; pgrp: number }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        return [];
      }
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return [];
      return [{ pid: Number(entry), comm, ppid: Number(ppid), pgrp: Number(pgrp) }];
    });
}

/** Browser instance directories (profile, policy, downloads) this process still owns. */
export function ownBrowserDirs(): string[] {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return readdirSync(base).filter((name) => name.startsWith(`sidbox-browser-${process.pid}-`));
}

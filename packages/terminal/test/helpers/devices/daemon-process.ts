import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A test daemon in its own mount namespace: `binds` are bind-mounted over fixed system paths
 * (pcscd's socket dir and cups-pdf's /etc/cups are compiled in), so tests never touch the
 * system's pcscd or CUPS. `unshare` execs the daemon, so the pid we hold is the daemon's.
 */
export interface TestDaemon {
  readonly process: ChildProcess;
  /** Resolves with the first output line matching `pattern`. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Ends the daemon and waits until it has exited. */
  stop(): Promise<void>;
}

export function startInNamespace(
  binds: readonly [from: string, to: string][],
  command: readonly string[],
): TestDaemon {
  const mounts = binds.map(([from, to]) => `mount --bind '${from}' '${to}'`).join(' && ');
  const child = spawn(
    'unshare',
    ['--mount', 'sh', '-c', `${mounts} && exec "$@"`, 'sh', ...command],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    });
  }
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    process: child,
    waitForLine: (pattern) => {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(() => reject(new Error(`daemon exited:\n${lines.join('\n')}`)));
      });
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

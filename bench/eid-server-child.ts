// A server run in its own Node process whose CPU time the bench reads, and whose TLS
// handshakes it counts: both through a probe preloaded into the child, asked over IPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Preloaded with `--import`: counts every 'secureConnection' of any TLS (and so HTTPS) server by
 * its cipher, and answers each IPC message with the process's CPU time and those counts. The
 * channel does not keep the child alive, so it ends on SIGTERM as it would alone. Plain
 * JavaScript in a data: URL, so that the measured process runs no TypeScript loader.
 */
const probe = `
import tls from 'node:tls';
const handshakes = {};
const emit = tls.Server.prototype.emit;
tls.Server.prototype.emit = function (event, socket, ...rest) {
  if (event === 'secureConnection') {
    const cipher = socket.getCipher()?.name ?? 'none';
    handshakes[cipher] = (handshakes[cipher] ?? 0) + 1;
  }
  return emit.call(this, event, socket, ...rest);
};
process.on('message', () => process.send({ cpu: process.cpuUsage(), handshakes }));
process.channel.unref();
`;

export interface ChildSample {
  /** User + system CPU time of the whole process (all its threads), in milliseconds. */
  cpuMs: number;
  /** Completed TLS handshakes so far, by cipher. */
  handshakes: Record<string, number>;
}

interface ProbeAnswer {
  cpu: NodeJS.CpuUsage;
  handshakes: Record<string, number>;
}

export interface MeasuredChild {
  readonly process: ChildProcess;
  /** Called with every line the child writes (stdout and stderr), as it arrives. */
  onLine(listener: (line: string) => void): void;
  /** The first line (from now on) that matches; rejects if the child exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
  sample(): Promise<ChildSample>;
  stop(): Promise<void>;
}

export function spawnMeasured(args: string[], env: NodeJS.ProcessEnv = {}): MeasuredChild {
  const child = spawn(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, ...args],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...env } },
  );
  const listeners = new Set<(line: string) => void>();
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        for (const listener of listeners) listener(line);
      }
    });
  }
  const exited = once(child, 'exit');
  const answers: ((answer: ProbeAnswer) => void)[] = [];
  child.on('message', (answer: ProbeAnswer) => answers.shift()?.(answer));
  return {
    process: child,
    onLine: (listener) => void listeners.add(listener),
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        const listener = (line: string) => {
          if (!pattern.test(line)) return;
          listeners.delete(listener);
          resolve(line);
        };
        listeners.add(listener);
        void exited.then(() => reject(new Error(`child exited:\n${output.join('\n')}`)));
      }),
    sample: () =>
      new Promise((resolve) => {
        answers.push(({ cpu, handshakes }) =>
          resolve({ cpuMs: (cpu.user + cpu.system) / 1000, handshakes }),
        );
        child.send('sample');
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** What happened between two samples: CPU milliseconds and handshakes by cipher. */
export function between(before: ChildSample, after: ChildSample): ChildSample {
  const handshakes: Record<string, number> = {};
  for (const [cipher, count] of Object.entries(after.handshakes)) {
    const delta = count - (before.handshakes[cipher] ?? 0);
    if (delta > 0) handshakes[cipher] = delta;
  }
  return { cpuMs: after.cpuMs - before.cpuMs, handshakes };
}

/** Handshakes by cipher as `name ×n, …`. */
export function describeHandshakes(handshakes: Record<string, number>): string {
  return Object.entries(handshakes)
    .map(([cipher, count]) => `${cipher} ×${count}`)
    .join(', ');
}

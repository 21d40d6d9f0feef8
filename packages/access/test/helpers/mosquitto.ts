import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../../../eid/test/helpers/free-port.js';

export interface Mosquitto {
  url: string;
  stop(): Promise<void>;
}

/** Debian's mosquitto on a free loopback port; resolves once it says it is running. */
export async function startMosquitto(): Promise<Mosquitto> {
  const port = await freePort();
  const child: ChildProcess = spawn('mosquitto', ['-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (/mosquitto version [\d.]+ running/.test(log)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`mosquitto exited (${code}): ${log}`)));
    child.once('error', reject);
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

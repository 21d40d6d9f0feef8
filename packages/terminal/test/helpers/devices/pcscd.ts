import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startInNamespace, type TestDaemon } from './daemon-process.js';

export interface TestPcscd {
  daemon: TestDaemon;
  /** Where our pcscd's socket really is (it believes it is /run/pcscd/pcscd.comm). */
  socketPath: string;
  /** vpcd's first slot: the VirtualCard connects here. */
  vpcdPort: number;
}

/** A free TCP port for vpcd (pcscd binds it itself, so we can only pick and release). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** pcscd in the foreground with only vpcd's readers, its socket dir private to this test. */
export async function startPcscd(dir: string): Promise<TestPcscd> {
  const runDir = join(dir, 'run');
  const confDir = join(dir, 'reader.conf.d');
  await Promise.all([
    mkdir(runDir, { recursive: true }),
    mkdir(confDir, { recursive: true }),
    mkdir('/run/pcscd', { recursive: true }), // the mount point must exist
  ]);
  const vpcdPort = await freePort();
  await writeFile(
    join(confDir, 'vpcd'),
    [
      'FRIENDLYNAME "Virtual PCD"',
      `DEVICENAME /dev/null:${vpcdPort}`,
      'LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so',
      `CHANNELID ${vpcdPort}`,
      '',
    ].join('\n'),
  );
  const daemon = startInNamespace(
    [[runDir, '/run/pcscd']],
    ['pcscd', '--foreground', '--info', '-c', confDir],
  );
  await daemon.waitForLine(/daemon ready/);
  return { daemon, socketPath: join(runDir, 'pcscd.comm'), vpcdPort };
}

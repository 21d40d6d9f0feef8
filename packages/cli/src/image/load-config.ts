// `sidbox image load-config`, run by root at boot on the stick: finds the disk the live system
// booted from, reads its config partition and leaves the terminal's files in a runtime
// directory (RAM). Only the boot medium is read: never a disk of the PC.
import { readFile, realpath, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeConfigPartition } from './config-partition.js';
import { readRegion } from './image-file.js';
import { findConfigPartition, readMbr, sectorSize } from './mbr.js';
import { ImageError } from './personalise.js';

export const liveMediumMount = '/run/live/medium';

/** The block device mounted at `mountPoint`, from /proc/self/mountinfo (field 5 = mount point). */
export function mountSource(mountinfo: string, mountPoint: string): string | undefined {
  for (const line of mountinfo.split('\n')) {
    const [before, after] = line.split(' - ');
    if (before?.split(' ')[4] === mountPoint) return after?.split(' ')[1];
  }
  return undefined;
}

/** /dev/sdb1 → /dev/sdb; a whole disk (a hybrid ISO is often mounted so) stays itself. */
async function wholeDisk(device: string): Promise<string> {
  const sys = join('/sys/class/block', basename(device));
  if (!existsSync(join(sys, 'partition'))) return device;
  return join('/dev', basename(dirname(await realpath(sys))));
}

export async function loadConfig(outDir: string): Promise<{ disk: string; credential: boolean }> {
  const source = mountSource(await readFile('/proc/self/mountinfo', 'utf8'), liveMediumMount);
  if (!source?.startsWith('/dev/')) {
    throw new ImageError(`no live medium mounted at ${liveMediumMount}`);
  }
  const disk = await wholeDisk(source);
  const config = findConfigPartition(readMbr(await readRegion(disk, 0, sectorSize)));
  const payload = decodeConfigPartition(
    await readRegion(disk, config.startSector * sectorSize, config.sectors * sectorSize),
  );
  // The unit's umask (0027) and group make these readable by the kiosk user alone.
  await writeFile(join(outDir, 'terminal.yaml'), payload.config);
  const credentialFile = join(outDir, 'terminal.json');
  if (payload.credential) await writeFile(credentialFile, JSON.stringify(payload.credential));
  await writeFile(
    join(outDir, 'kiosk.env'),
    `SIDBOX_CREDENTIAL_ARGS=${payload.credential ? `--credential ${credentialFile}` : ''}\n`,
  );
  return { disk, credential: payload.credential !== null };
}

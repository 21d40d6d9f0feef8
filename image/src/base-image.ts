// Turns a live ISO into a stick base image: the ISO, then an empty 1 MiB config partition at
// the next MiB boundary, named in the MBR. Personalisation later writes only that partition.
import { copyFile, truncate, writeFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import { configPartitionBytes } from '../../packages/cli/src/image/config-partition.js';
import {
  hashPrefix,
  readRegion,
  writeRegion,
  type BaseManifest,
} from '../../packages/cli/src/image/image-file.js';
import { sectorSize, withConfigPartition } from '../../packages/cli/src/image/mbr.js';

const mebibyte = 1024 * 1024;

export async function makeBaseImage(iso: string, out: string): Promise<BaseManifest> {
  const { size } = await stat(iso);
  const configOffset = Math.ceil(size / mebibyte) * mebibyte;
  await copyFile(iso, out);
  await truncate(out, configOffset + configPartitionBytes);
  const mbr = withConfigPartition(
    await readRegion(out, 0, sectorSize),
    configOffset / sectorSize,
    configPartitionBytes / sectorSize,
  );
  await writeRegion(out, 0, mbr);
  const manifest: BaseManifest = {
    baseSha256: await hashPrefix(out, configOffset),
    configOffset,
    configBytes: configPartitionBytes,
    debian: 'trixie',
    builtAt: new Date().toISOString(),
  };
  await writeFile(`${out}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// Turns a live ISO into a stick base image: the ISO, then an empty 1 MiB config partition at
// the next MiB boundary, named in the MBR and the GPT (whose backup then ends the image).
// Personalisation later writes only that partition.
import { copyFile, stat, writeFile } from 'node:fs/promises';
import { configPartitionBytes } from '../../packages/cli/src/image/config-partition.js';
import {
  addConfigPartition,
  hashPrefix,
  type BaseManifest,
} from '../../packages/cli/src/image/image-file.js';

const mebibyte = 1024 * 1024;

export async function makeBaseImage(iso: string, out: string): Promise<BaseManifest> {
  const { size } = await stat(iso);
  const configOffset = Math.ceil(size / mebibyte) * mebibyte;
  await copyFile(iso, out);
  // MBR and (the hybrid ISO has one) GPT, whose backup then ends the image.
  await addConfigPartition(out, configOffset, configPartitionBytes);
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

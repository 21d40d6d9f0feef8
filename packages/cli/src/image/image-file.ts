// Reading and writing stick images (and the stick itself): the partition table, the base hash,
// the config partition. Thin I/O around mbr.ts and config-partition.ts.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { findConfigPartition, readMbr, sectorSize, type MbrPartition } from './mbr.js';

export interface ImageLayout {
  partitions: MbrPartition[];
  config: MbrPartition;
  /** Byte offset of the config partition = length of the base image it was added to. */
  configOffset: number;
  configBytes: number;
}

export async function readRegion(path: string, offset: number, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export async function writeRegion(path: string, offset: number, data: Buffer): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.write(data, 0, data.length, offset);
    await file.sync();
  } finally {
    await file.close();
  }
}

export async function readLayout(path: string): Promise<ImageLayout> {
  const partitions = readMbr(await readRegion(path, 0, sectorSize));
  const config = findConfigPartition(partitions);
  return {
    partitions,
    config,
    configOffset: config.startSector * sectorSize,
    configBytes: config.sectors * sectorSize,
  };
}

/** sha256 over the first `length` bytes: the base image, without the config partition. */
export async function hashPrefix(path: string, length: number): Promise<string> {
  const hash = createHash('sha256');
  if (length > 0) {
    for await (const chunk of createReadStream(path, { start: 0, end: length - 1 })) {
      hash.update(chunk as Buffer);
    }
  }
  return hash.digest('hex');
}

/** The manifest the base build writes next to the image (`<base>.json`). */
export interface BaseManifest {
  baseSha256: string;
  configOffset: number;
  configBytes: number;
  debian: string;
  builtAt: string;
}

export async function readBaseManifest(imagePath: string): Promise<BaseManifest | null> {
  try {
    return JSON.parse(await readFile(`${imagePath}.json`, 'utf8')) as BaseManifest;
  } catch {
    return null;
  }
}

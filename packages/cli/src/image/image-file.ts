// Reading and writing stick images (and the stick itself): the partition table, the base hash,
// the config partition. Thin I/O around mbr.ts and config-partition.ts.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, truncate } from 'node:fs/promises';
import {
  entrySectors,
  findGptConfigPartition,
  GptError,
  parseGpt,
  sectorsOf,
  withGptConfigPartition,
  type Gpt,
  type GptPartition,
} from './gpt.js';
import {
  findConfigPartition,
  readMbr,
  sectorSize,
  withConfigPartition,
  type MbrPartition,
} from './mbr.js';

export interface GptLayout {
  primary: Gpt;
  config: GptPartition;
  /** The backup GPT at the primary's alternate LBA; a string says what is wrong with it. */
  backup: Gpt | string;
}

export interface ImageLayout {
  partitions: MbrPartition[];
  config: MbrPartition;
  /** Byte offset of the config partition = length of the base image it was added to. */
  configOffset: number;
  configBytes: number;
  /** The hybrid ISO's GPT, when it has one; its config partition is the MBR's. */
  gpt: GptLayout | null;
}

/** The primary GPT's header and entry array lie in the image's first MiB (xorriso: LBA 1-63). */
const headRegionBytes = 1024 * 1024;

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

/** Both partition tables; throws MbrError or GptError when they do not describe one stick. */
export async function readLayout(path: string): Promise<ImageLayout> {
  const head = await readRegion(path, 0, headRegionBytes);
  const partitions = readMbr(head);
  const config = findConfigPartition(partitions);
  const primary = parseGpt(head.subarray(sectorSize, 2 * sectorSize), sectorsOf(head));
  let gpt: GptLayout | null = null;
  if (primary) {
    const gptConfig = findGptConfigPartition(primary);
    if (
      gptConfig.firstLba !== config.startSector ||
      gptConfig.lastLba !== config.startSector + config.sectors - 1
    ) {
      throw new GptError(
        `MBR and GPT disagree on the config partition (${config.startSector}+${config.sectors} vs ${gptConfig.firstLba}-${gptConfig.lastLba})`,
      );
    }
    gpt = { primary, config: gptConfig, backup: await readBackupGpt(path, primary) };
  }
  return {
    partitions,
    config,
    configOffset: config.startSector * sectorSize,
    configBytes: config.sectors * sectorSize,
    gpt,
  };
}

/** The backup must carry the same entries (same CRC) and point back at the primary. */
async function readBackupGpt(path: string, primary: Gpt): Promise<Gpt | string> {
  const arraySectors = entrySectors(primary);
  const start = primary.alternateLba - arraySectors;
  const region = await readRegion(path, start * sectorSize, (arraySectors + 1) * sectorSize);
  if (region.length < (arraySectors + 1) * sectorSize) {
    return `backup GPT at sector ${primary.alternateLba} lies beyond the end of the image`;
  }
  try {
    const backup = parseGpt(region.subarray(arraySectors * sectorSize), sectorsOf(region, start));
    if (!backup) return `no backup GPT at sector ${primary.alternateLba}`;
    if (backup.myLba !== primary.alternateLba || backup.alternateLba !== 1) {
      return 'backup GPT header does not point back at the primary';
    }
    if (backup.entriesCrc !== primary.entriesCrc)
      return 'backup GPT entries differ from the primary';
    return backup;
  } catch (error) {
    return `backup GPT: ${(error as Error).message}`;
  }
}

/**
 * Makes `path` (a copy of the live ISO) a stick base: the config partition of `configBytes` at
 * `configOffset`, entered in the MBR and, where the ISO has one, in the GPT, whose backup then
 * follows the config partition at the end of the image. Returns the image's new length.
 */
export async function addConfigPartition(
  path: string,
  configOffset: number,
  configBytes: number,
): Promise<number> {
  const head = await readRegion(path, 0, headRegionBytes);
  const start = configOffset / sectorSize;
  const sectors = configBytes / sectorSize;
  const mbr = withConfigPartition(head.subarray(0, sectorSize), start, sectors);
  const primary = parseGpt(head.subarray(sectorSize, 2 * sectorSize), sectorsOf(head));
  const length =
    configOffset + configBytes + (primary ? (entrySectors(primary) + 1) * sectorSize : 0);
  await truncate(path, length);
  await writeRegion(path, 0, mbr);
  if (primary) {
    const gpt = withGptConfigPartition(head, length / sectorSize, start, sectors);
    await writeRegion(path, sectorSize, gpt.primary);
    await writeRegion(path, gpt.backupOffset, gpt.backup);
  }
  return length;
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

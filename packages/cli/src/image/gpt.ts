// The GPT of the stick image. live-build's hybrid ISO (xorriso) carries a GPT beside its MBR:
// the ISO and its EFI partition, entries at LBA 12, the backup at the ISO's last sector. Linux
// reads the MBR of such an image (it has no protective 0xee entry), but UEFI firmware, gdisk or
// parted may read the GPT: the config partition is entered there too, with a backup GPT after
// it at the end of the image, so that both tables describe the same stick.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { sectorSize } from './mbr.js';

/** SIDbox config partition (our own format, no file system): a type no system mounts. */
export const configPartitionTypeGuid = 'af63190b-ddd1-4663-8488-52bae73f0e45';
/** UEFI attribute bit 1: firmware must not offer block I/O on it (nothing to boot or read). */
const noBlockIoProtocol = 2n;
const headerBytes = 92;

export class GptError extends Error {
  override readonly name = 'GptError';
}

export interface GptPartition {
  /** 1-based index in the entry array. */
  number: number;
  typeGuid: string;
  name: string;
  firstLba: number;
  /** Inclusive, as GPT counts. */
  lastLba: number;
}

export interface Gpt {
  myLba: number;
  alternateLba: number;
  firstUsableLba: number;
  lastUsableLba: number;
  diskGuid: string;
  entriesLba: number;
  entryCount: number;
  entrySize: number;
  entriesCrc: number;
  partitions: GptPartition[];
}

/** Sectors the entry array takes (xorriso: 208 entries of 128 bytes = 52 sectors). */
export function entrySectors(gpt: Pick<Gpt, 'entryCount' | 'entrySize'>): number {
  return Math.ceil((gpt.entryCount * gpt.entrySize) / sectorSize);
}

/** Sectors of `region`, a part of the image that starts at sector `firstLba`, by their LBA. */
export function sectorsOf(region: Buffer, firstLba = 0) {
  return (lba: number, count: number): Buffer =>
    region.subarray((lba - firstLba) * sectorSize, (lba - firstLba + count) * sectorSize);
}

/** Mixed-endian on disk: the first three fields little-endian, the rest as written. */
export function guidToString(bytes: Buffer): string {
  const hex = (b: Buffer) => b.toString('hex');
  const le = (start: number, end: number) => hex(Buffer.from(bytes.subarray(start, end)).reverse());
  return `${le(0, 4)}-${le(4, 6)}-${le(6, 8)}-${hex(bytes.subarray(8, 10))}-${hex(bytes.subarray(10, 16))}`;
}

export function guidToBytes(guid: string): Buffer {
  const parts = guid.split('-').map((p) => Buffer.from(p, 'hex'));
  if (parts.length !== 5) throw new GptError(`not a GUID: ${guid}`);
  const [a, b, c, d, e] = parts as [Buffer, Buffer, Buffer, Buffer, Buffer];
  return Buffer.concat([a.reverse(), b.reverse(), c.reverse(), d, e]);
}

/**
 * The GPT header at `headerSector` (the sector's 512 bytes) with its entry array, both CRCs
 * checked. `readSectors` gives the entry array; null: no GPT signature in that sector.
 */
export function parseGpt(
  headerSector: Buffer,
  entries: (lba: number, sectors: number) => Buffer,
): Gpt | null {
  if (headerSector.subarray(0, 8).toString('latin1') !== 'EFI PART') return null;
  const size = headerSector.readUInt32LE(12);
  if (size < headerBytes || size > sectorSize) throw new GptError(`GPT header size ${size}`);
  const header = Buffer.from(headerSector.subarray(0, size));
  const crc = header.readUInt32LE(16);
  header.writeUInt32LE(0, 16);
  if (crc32(header) !== crc) throw new GptError('GPT header checksum wrong');
  const gpt: Gpt = {
    myLba: Number(header.readBigUInt64LE(24)),
    alternateLba: Number(header.readBigUInt64LE(32)),
    firstUsableLba: Number(header.readBigUInt64LE(40)),
    lastUsableLba: Number(header.readBigUInt64LE(48)),
    diskGuid: guidToString(header.subarray(56, 72)),
    entriesLba: Number(header.readBigUInt64LE(72)),
    entryCount: header.readUInt32LE(80),
    entrySize: header.readUInt32LE(84),
    entriesCrc: header.readUInt32LE(88),
    partitions: [],
  };
  if (gpt.entrySize < 128 || gpt.entryCount === 0 || gpt.entryCount > 1024) {
    throw new GptError(`GPT entry array of ${gpt.entryCount} × ${gpt.entrySize} bytes`);
  }
  const array = entries(gpt.entriesLba, entrySectors(gpt)).subarray(
    0,
    gpt.entryCount * gpt.entrySize,
  );
  if (crc32(array) !== gpt.entriesCrc) throw new GptError('GPT entry array checksum wrong');
  for (let i = 0; i < gpt.entryCount; i++) {
    const entry = array.subarray(i * gpt.entrySize, (i + 1) * gpt.entrySize);
    if (entry.subarray(0, 16).every((byte) => byte === 0)) continue;
    gpt.partitions.push({
      number: i + 1,
      typeGuid: guidToString(entry.subarray(0, 16)),
      firstLba: Number(entry.readBigUInt64LE(32)),
      lastLba: Number(entry.readBigUInt64LE(40)),
      name: entry.subarray(56, 128).toString('utf16le').replace(/\0.*$/s, ''),
    });
  }
  return gpt;
}

/** The GPT's config partition, or an error naming what is wrong. */
export function findGptConfigPartition(gpt: Gpt): GptPartition {
  const found = gpt.partitions.filter((p) => p.typeGuid === configPartitionTypeGuid);
  if (found.length !== 1) {
    throw new GptError(`expected one config partition in the GPT, found ${found.length}`);
  }
  return found[0] as GptPartition;
}

export interface GptWithConfig {
  /** Sectors 1 up to the end of the primary entry array, to be written at byte 512. */
  primary: Buffer;
  /** Backup entry array and header, to be written at `backupOffset` (the image's last sectors). */
  backup: Buffer;
  backupOffset: number;
}

/**
 * Adds the config partition to a GPT: a free entry, usable range and alternate header moved to
 * the new end of the image (`diskSectors`), both CRCs, and the backup GPT for the new end.
 * `region` holds the image from byte 0 to (at least) the end of the primary entry array.
 */
export function withGptConfigPartition(
  region: Buffer,
  diskSectors: number,
  startLba: number,
  sectors: number,
): GptWithConfig {
  const sector = sectorsOf(region);
  const gpt = parseGpt(sector(1, 1), sector);
  if (!gpt) throw new GptError('no GPT in the image');
  if (gpt.partitions.some((p) => p.typeGuid === configPartitionTypeGuid)) {
    throw new GptError('the GPT already has a config partition');
  }
  const lastLba = startLba + sectors - 1;
  const overlapping = gpt.partitions.find((p) => p.lastLba >= startLba);
  if (overlapping) {
    throw new GptError(`GPT partition ${overlapping.number} reaches into the config partition`);
  }
  const used = new Set(gpt.partitions.map((p) => p.number));
  const free = Array.from({ length: gpt.entryCount }, (_, i) => i + 1).find((n) => !used.has(n));
  if (free === undefined) throw new GptError('no free GPT entry for the config partition');
  const arraySectors = entrySectors(gpt);
  const backupHeaderLba = diskSectors - 1;
  const backupEntriesLba = backupHeaderLba - arraySectors;
  if (lastLba >= backupEntriesLba) {
    throw new GptError('no room for the backup GPT after the config partition');
  }

  const array = Buffer.from(sector(gpt.entriesLba, arraySectors));
  const entry = array.subarray((free - 1) * gpt.entrySize, free * gpt.entrySize);
  entry.fill(0);
  guidToBytes(configPartitionTypeGuid).copy(entry, 0);
  // Unique per image layout, not random: the same ISO always gives the same base (and hash).
  const unique = createHash('sha256')
    .update(`${gpt.diskGuid} sidbox-config ${startLba}`)
    .digest()
    .subarray(0, 16);
  unique[6] = ((unique[6] as number) & 0x0f) | 0x40;
  unique[8] = ((unique[8] as number) & 0x3f) | 0x80;
  unique.copy(entry, 16);
  entry.writeBigUInt64LE(BigInt(startLba), 32);
  entry.writeBigUInt64LE(BigInt(lastLba), 40);
  entry.writeBigUInt64LE(noBlockIoProtocol, 48);
  Buffer.from('SIDbox config', 'utf16le').copy(entry, 56);
  const arrayCrc = crc32(array.subarray(0, gpt.entryCount * gpt.entrySize));

  const header = (myLba: number, alternateLba: number, entriesLba: number): Buffer => {
    const out = Buffer.alloc(sectorSize);
    sector(1, 1).copy(out);
    out.writeBigUInt64LE(BigInt(myLba), 24);
    out.writeBigUInt64LE(BigInt(alternateLba), 32);
    out.writeBigUInt64LE(BigInt(Math.max(gpt.lastUsableLba, backupEntriesLba - 1)), 48);
    out.writeBigUInt64LE(BigInt(entriesLba), 72);
    out.writeUInt32LE(arrayCrc, 88);
    out.writeUInt32LE(0, 16);
    out.writeUInt32LE(crc32(out.subarray(0, out.readUInt32LE(12))), 16);
    return out;
  };

  const primary = Buffer.from(
    region.subarray(sectorSize, (gpt.entriesLba + arraySectors) * sectorSize),
  );
  header(1, backupHeaderLba, gpt.entriesLba).copy(primary, 0);
  array.copy(primary, (gpt.entriesLba - 1) * sectorSize);
  return {
    primary,
    backup: Buffer.concat([array, header(backupHeaderLba, 1, backupEntriesLba)]),
    backupOffset: backupEntriesLba * sectorSize,
  };
}

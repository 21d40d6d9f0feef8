// The MBR partition table of the stick image. live-build's hybrid ISO carries one (the ISO
// and its EFI partition); the base build adds the config partition as a further entry, and
// Linux reads the MBR table of a hybrid ISO (its GPT copy is not consulted without a
// protective MBR).

export const sectorSize = 512;

/** "Non-FS data": the config partition holds our own format, no file system to mount. */
export const configPartitionType = 0xda;

export interface MbrPartition {
  /** 1..4 */
  number: number;
  type: number;
  startSector: number;
  sectors: number;
}

export class MbrError extends Error {
  override readonly name = 'MbrError';
}

const tableOffset = 446;
const entrySize = 16;

export function readMbr(sector: Buffer): MbrPartition[] {
  if (sector.length < sectorSize || sector.readUInt16LE(510) !== 0xaa55) {
    throw new MbrError('no MBR partition table (boot signature 55aa missing)');
  }
  const partitions: MbrPartition[] = [];
  for (let i = 0; i < 4; i++) {
    const entry = tableOffset + i * entrySize;
    const type = sector.readUInt8(entry + 4);
    const startSector = sector.readUInt32LE(entry + 8);
    const sectors = sector.readUInt32LE(entry + 12);
    if (type !== 0 || sectors !== 0) partitions.push({ number: i + 1, type, startSector, sectors });
  }
  return partitions;
}

/** The partition that holds the terminal's configuration, or an error naming what is wrong. */
export function findConfigPartition(partitions: MbrPartition[]): MbrPartition {
  const found = partitions.filter((p) => p.type === configPartitionType);
  if (found.length !== 1) {
    throw new MbrError(`expected one config partition (type 0xda), found ${found.length}`);
  }
  return found[0] as MbrPartition;
}

/**
 * A copy of the MBR sector with a config partition in the first free slot. CHS fields are
 * set to the LBA-only marker (1023/254/63), as partitioners do beyond 8 GB.
 */
export function withConfigPartition(sector: Buffer, startSector: number, sectors: number): Buffer {
  const partitions = readMbr(sector);
  const taken = new Set(partitions.map((p) => p.number));
  const free = [1, 2, 3, 4].find((n) => !taken.has(n));
  if (free === undefined) throw new MbrError('no free MBR slot for the config partition');
  const overlapping = partitions.find((p) => p.startSector + p.sectors > startSector);
  if (overlapping) {
    throw new MbrError(`partition ${overlapping.number} reaches into the config partition`);
  }
  const copy = Buffer.from(sector);
  const entry = tableOffset + (free - 1) * entrySize;
  const lbaOnlyChs = Buffer.from([0xfe, 0xff, 0xff]);
  copy.writeUInt8(0x00, entry);
  lbaOnlyChs.copy(copy, entry + 1);
  copy.writeUInt8(configPartitionType, entry + 4);
  lbaOnlyChs.copy(copy, entry + 5);
  copy.writeUInt32LE(startSector, entry + 8);
  copy.writeUInt32LE(sectors, entry + 12);
  return copy;
}

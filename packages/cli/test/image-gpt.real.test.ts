// The config partition in both partition tables of the hybrid ISO. live-build's ISO (xorriso)
// carries an MBR (the ISO as type 0, the EFI image as 0xef) and a GPT that lists the same two
// partitions, its entry array at LBA 12 (208 entries), its backup at the ISO's last sector.
// The stand-in below is written the way the UEFI spec lays a GPT out, independently of gpt.ts.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configPartitionBytes } from '../src/image/config-partition.js';
import { configPartitionTypeGuid, guidToBytes } from '../src/image/gpt.js';
import { addConfigPartition, readLayout } from '../src/image/image-file.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const hotel = fileURLToPath(new URL('../../../config/examples/hotel.yaml', import.meta.url));
const run = promisify(execFile);
const mebibyte = 1024 * 1024;
const isoSectors = (2 * mebibyte) / 512;
const entriesLba = 12;
const entryCount = 208;
const arraySectors = (entryCount * 128) / 512;
const basicDataGuid = 'ebd0a0a2-b9e5-4433-87c0-68b6b72699c7';

async function sidbox(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [main, ...args], { timeout: 30_000 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** A 2 MiB hybrid-ISO stand-in: MBR with two entries, GPT with the same two, backup at the end. */
function hybridIso(): Buffer {
  const image = Buffer.alloc(isoSectors * 512, 0x5a);
  image.fill(0, 0, 64 * 512);
  const mbrEntry = (slot: number, type: number, start: number, sectors: number) => {
    const at = 446 + slot * 16;
    image.writeUInt8(type, at + 4);
    image.writeUInt32LE(start, at + 8);
    image.writeUInt32LE(sectors, at + 12);
  };
  mbrEntry(0, 0x00, 64, isoSectors - 64);
  mbrEntry(1, 0xef, 100, 200);
  image.writeUInt16LE(0xaa55, 510);

  const array = Buffer.alloc(arraySectors * 512);
  const gptEntry = (slot: number, first: number, last: number, name: string) => {
    const at = slot * 128;
    guidToBytes(basicDataGuid).copy(array, at);
    createHash('md5')
      .update(name)
      .digest()
      .copy(array, at + 16);
    array.writeBigUInt64LE(BigInt(first), at + 32);
    array.writeBigUInt64LE(BigInt(last), at + 40);
    array.writeBigUInt64LE(0x1000000000000001n, at + 48);
    Buffer.from(name, 'utf16le').copy(array, at + 56);
  };
  gptEntry(0, 64, isoSectors - 1 - arraySectors - 1, 'ISOHybrid');
  gptEntry(1, 100, 299, 'ISOHybrid1');
  const header = (my: number, alternate: number, entries: number) => {
    const h = Buffer.alloc(512);
    h.write('EFI PART', 0, 'latin1');
    h.writeUInt32LE(0x10000, 8);
    h.writeUInt32LE(92, 12);
    h.writeBigUInt64LE(BigInt(my), 24);
    h.writeBigUInt64LE(BigInt(alternate), 32);
    h.writeBigUInt64LE(64n, 40);
    h.writeBigUInt64LE(BigInt(isoSectors - 1 - arraySectors - 1), 48);
    createHash('md5').update('disk').digest().copy(h, 56);
    h.writeBigUInt64LE(BigInt(entries), 72);
    h.writeUInt32LE(entryCount, 80);
    h.writeUInt32LE(128, 84);
    h.writeUInt32LE(crc32(array), 88);
    h.writeUInt32LE(crc32(h.subarray(0, 92)), 16);
    return h;
  };
  header(1, isoSectors - 1, entriesLba).copy(image, 512);
  array.copy(image, entriesLba * 512);
  array.copy(image, (isoSectors - 1 - arraySectors) * 512);
  header(isoSectors - 1, 1, isoSectors - 1 - arraySectors).copy(image, (isoSectors - 1) * 512);
  return image;
}

let dir: string;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-image-gpt-'));
  base = join(dir, 'base.img');
  await writeFile(base, hybridIso());
  await addConfigPartition(base, 2 * mebibyte, configPartitionBytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The GPT entries as a reader that knows only the spec sees them. */
function gptEntries(image: Buffer, headerLba: number) {
  const h = image.subarray(headerLba * 512, headerLba * 512 + 512);
  const check = Buffer.from(h.subarray(0, 92));
  check.writeUInt32LE(0, 16);
  const lba = Number(h.readBigUInt64LE(72));
  const array = image.subarray(lba * 512, lba * 512 + entryCount * 128);
  const entries = [];
  for (let i = 0; i < entryCount; i++) {
    const e = array.subarray(i * 128, i * 128 + 128);
    if (e.subarray(0, 16).every((b) => b === 0)) continue;
    entries.push({
      type: e.subarray(0, 16).toString('hex'),
      first: Number(e.readBigUInt64LE(32)),
      last: Number(e.readBigUInt64LE(40)),
    });
  }
  return {
    headerCrcOk: crc32(check) === h.readUInt32LE(16),
    arrayCrcOk: crc32(array) === h.readUInt32LE(88),
    my: Number(h.readBigUInt64LE(24)),
    alternate: Number(h.readBigUInt64LE(32)),
    lastUsable: Number(h.readBigUInt64LE(48)),
    entries,
  };
}

describe('the config partition in the GPT', () => {
  it('is entered in the MBR and in both GPT copies, the backup ending the image', async () => {
    const image = await readFile(base);
    const configStart = isoSectors;
    const configLast = isoSectors + configPartitionBytes / 512 - 1;
    const lastSector = image.length / 512 - 1;
    expect(image.length).toBe(2 * mebibyte + configPartitionBytes + (arraySectors + 1) * 512);
    expect(image.readUInt8(446 + 2 * 16 + 4)).toBe(0xda);
    expect(image.readUInt32LE(446 + 2 * 16 + 8)).toBe(configStart);

    const primary = gptEntries(image, 1);
    const backup = gptEntries(image, lastSector);
    for (const gpt of [primary, backup]) {
      expect(gpt.headerCrcOk && gpt.arrayCrcOk).toBe(true);
      expect(gpt.lastUsable).toBeGreaterThanOrEqual(configLast);
      expect(gpt.entries).toContainEqual({
        type: guidToBytes(configPartitionTypeGuid).toString('hex'),
        first: configStart,
        last: configLast,
      });
      expect(gpt.entries).toHaveLength(3);
    }
    expect([primary.my, primary.alternate, backup.my, backup.alternate]).toEqual([
      1,
      lastSector,
      lastSector,
      1,
    ]);
  });

  it('sidbox image build keeps both tables and verify checks both', async () => {
    const out = join(dir, 'stick.img');
    expect(
      (await sidbox('image', 'build', '--base', base, '--config', hotel, '--out', out)).code,
    ).toBe(0);
    const verified = await sidbox('image', 'verify', '--base', base, out);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/partition-table\s+ok\s+MBR .*3:0xda.*; GPT .*SIDbox config/);
    const layout = await readLayout(out);
    expect(layout.gpt?.config.firstLba).toBe(layout.config.startSector);
  });

  // An independent reader of what gpt.ts and mbr.ts write. util-linux's sfdisk reads the hybrid
  // as an MBR disk (no protective 0xee entry), as Linux does, and never sees the GPT; gdisk 1.0.9
  // refuses the built image outright ("Invalid partition data!"), so neither tool can write the
  // two tables for us.
  it('util-linux sfdisk reads the config partition where the image says it is', async () => {
    const out = join(dir, 'sfdisk.img');
    expect(
      (await sidbox('image', 'build', '--base', base, '--config', hotel, '--out', out)).code,
    ).toBe(0);
    const { stdout } = await run('sfdisk', ['--json', out]);
    const { partitiontable } = JSON.parse(stdout) as {
      partitiontable: {
        label: string;
        partitions: { start: number; size: number; type: string }[];
      };
    };
    expect(partitiontable.label).toBe('dos');
    expect(partitiontable.partitions).toContainEqual(
      expect.objectContaining({ start: isoSectors, size: configPartitionBytes / 512, type: 'da' }),
    );
  });

  it('verify names a damaged backup GPT', async () => {
    const out = join(dir, 'backup-damaged.img');
    expect(
      (await sidbox('image', 'build', '--base', base, '--config', hotel, '--out', out)).code,
    ).toBe(0);
    const image = await readFile(out);
    const entryOfConfig = image.length - 512 - arraySectors * 512 + 2 * 128 + 40;
    image.writeBigUInt64LE(12345n, entryOfConfig);
    await writeFile(out, image);
    const verified = await sidbox('image', 'verify', out);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(
      /partition-table\s+FAILED\s+backup GPT: GPT entry array checksum wrong/,
    );
  });

  it('build refuses a base whose GPT lacks the config partition (MBR alone is not enough)', async () => {
    const mbrOnly = join(dir, 'mbr-only.img');
    const image = await readFile(base);
    // The base with its primary GPT as the ISO had it: the config partition only in the MBR.
    hybridIso().copy(image, 512, 512, 64 * 512);
    await writeFile(mbrOnly, image);
    const built = await sidbox(
      'image',
      'build',
      '--base',
      mbrOnly,
      '--config',
      hotel,
      '--out',
      join(dir, 'n.img'),
    );
    expect(built.code).toBe(2);
    expect(built.stdout).toMatch(/expected one config partition in the GPT, found 0/);
    const verified = await sidbox('image', 'verify', mbrOnly);
    expect(verified.stdout).toMatch(
      /partition-table\s+FAILED\s+expected one config partition in the GPT/,
    );
  });

  it('MBR and GPT must agree on where the config partition is', async () => {
    const image = await readFile(base);
    image.writeUInt32LE(isoSectors + 8, 446 + 2 * 16 + 8);
    const moved = join(dir, 'moved.img');
    await writeFile(moved, image);
    const verified = await sidbox('image', 'verify', moved);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/MBR and GPT disagree on the config partition/);
  });
});

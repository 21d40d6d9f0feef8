// `sidbox image build` and `sidbox image verify` on a small stand-in for the live ISO: an MBR
// with an ISO-like partition and an EFI partition, like live-build's hybrid ISO, plus the
// config partition the base build adds. The full image is built and booted by test:image.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configPartitionBytes,
  decodeConfigPartition,
  encodeConfigPartition,
} from '../src/image/config-partition.js';
import { readMbr, withConfigPartition } from '../src/image/mbr.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const hotel = fileURLToPath(new URL('../../../config/examples/hotel.yaml', import.meta.url));
const run = promisify(execFile);
const mebibyte = 1024 * 1024;

async function sidbox(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Two partitions as in a hybrid ISO: the ISO itself (type 0) and the EFI image (0xef). */
function isoLikeMbr(): Buffer {
  const sector = Buffer.alloc(512);
  const entry = (slot: number, type: number, start: number, sectors: number) => {
    const at = 446 + slot * 16;
    sector.writeUInt8(type, at + 4);
    sector.writeUInt32LE(start, at + 8);
    sector.writeUInt32LE(sectors, at + 12);
  };
  entry(0, 0x00, 64, 4000);
  entry(1, 0xef, 100, 200);
  sector.writeUInt16LE(0xaa55, 510);
  return sector;
}

function credential(): Record<string, unknown> {
  const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const signing = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  return {
    terminalId: randomUUID(),
    hubUrl: 'https://hub.example.org/',
    terminalKey: { kty: 'OKP', crv: 'Ed25519', x: key.x, d: key.d },
    configSigningKey: { kty: 'OKP', crv: 'Ed25519', x: signing.x },
  };
}

let dir: string;
let base: string;
let credentialFile: string;
let credentialJson: Record<string, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-image-test-'));
  base = join(dir, 'base.img');
  const image = Buffer.alloc(2 * mebibyte + configPartitionBytes, 0x5a);
  withConfigPartition(isoLikeMbr(), (2 * mebibyte) / 512, configPartitionBytes / 512).copy(image);
  image.fill(0, 2 * mebibyte);
  await writeFile(base, image);
  credentialJson = credential();
  credentialFile = join(dir, 'terminal.json');
  await writeFile(credentialFile, JSON.stringify(credentialJson));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sidbox image build and verify', () => {
  it('personalises a base without changing a byte of it, and verifies the result', async () => {
    const out = join(dir, 'stick.img');
    const built = await sidbox(
      'image',
      'build',
      '--base',
      base,
      '--config',
      hotel,
      '--credential',
      credentialFile,
      '--out',
      out,
    );
    expect(built.code, built.stderr).toBe(0);
    const [before, after] = await Promise.all([readFile(base), readFile(out)]);
    expect(after.subarray(0, 2 * mebibyte).equals(before.subarray(0, 2 * mebibyte))).toBe(true);
    const payload = decodeConfigPartition(after.subarray(2 * mebibyte));
    expect(payload.config).toBe(await readFile(hotel, 'utf8'));
    expect(payload.credential?.terminalId).toBe(credentialJson.terminalId);

    const verified = await sidbox('image', 'verify', '--json', '--base', base, out);
    expect(verified.code).toBe(0);
    const report = JSON.parse(verified.stdout) as {
      ok: boolean;
      checks: { check: string; ok: boolean }[];
    };
    expect(report.checks.map((c) => [c.check, c.ok])).toEqual([
      ['partition-table', true],
      ['base-hash', true],
      ['config', true],
      ['credential', true],
    ]);
  });

  it('finds a changed byte in the base part', async () => {
    const out = join(dir, 'tampered.img');
    expect(
      (await sidbox('image', 'build', '--base', base, '--config', hotel, '--out', out)).code,
    ).toBe(0);
    const image = await readFile(out);
    image[100_000] = (image[100_000] ?? 0) ^ 0xff;
    await writeFile(out, image);
    const verified = await sidbox('image', 'verify', out);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/base-hash\s+FAILED/);
  });

  it('refuses a bad configuration before writing anything', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'branding: {}\nservices: nope\n');
    const out = join(dir, 'never.img');
    const built = await sidbox('image', 'build', '--base', base, '--config', bad, '--out', out);
    expect(built.code).toBe(2);
    expect(built.stderr).toMatch(/configuration has problems/);
    expect(existsSync(out)).toBe(false);
  });

  it('names what is wrong with a credential but never prints its private key', async () => {
    const broken = { ...credentialJson, terminalId: 'not-a-uuid' };
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const built = await sidbox(
      'image',
      'build',
      '--base',
      base,
      '--config',
      hotel,
      '--credential',
      file,
      '--out',
      join(dir, 'x.img'),
    );
    expect(built.code).toBe(2);
    expect(built.stderr).toMatch(/terminalId/);
    const secret = (credentialJson.terminalKey as { d: string }).d;
    expect(built.stderr).not.toContain(secret);
  });

  it('reports an unpersonalised base as having no configuration', async () => {
    const verified = await sidbox('image', 'verify', base);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(
      /config\s+FAILED\s+the config partition holds no SIDbox configuration/,
    );
  });
});

describe('the config partition and the MBR', () => {
  it('round-trips a payload and rejects one too big for the partition', () => {
    const payload = { baseSha256: 'a'.repeat(64), config: 'branding: {}\n', credential: null };
    expect(() => encodeConfigPartition(payload)).toThrow(/configuration has problems/);
    const config = 'branding: { memberName: Rathaus }\nservices: []\n';
    const encoded = encodeConfigPartition({ ...payload, config });
    expect(decodeConfigPartition(encoded)).toEqual({ ...payload, config });
    expect(() => encodeConfigPartition({ ...payload, config }, 64)).toThrow(/partition holds 64/);
  });

  it('adds the config partition in a free slot and refuses to overlap the ISO', () => {
    const mbr = withConfigPartition(isoLikeMbr(), 8192, 2048);
    expect(readMbr(mbr).map((p) => [p.number, p.type, p.startSector, p.sectors])).toEqual([
      [1, 0x00, 64, 4000],
      [2, 0xef, 100, 200],
      [3, 0xda, 8192, 2048],
    ]);
    expect(() => withConfigPartition(isoLikeMbr(), 1000, 2048)).toThrow(
      /reaches into the config partition/,
    );
    expect(() => readMbr(Buffer.alloc(512))).toThrow(/no MBR partition table/);
  });
});

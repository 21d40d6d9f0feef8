import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessAllowlist } from '@sidbox/protocol';
import { generateEd25519Jwk, publicPart, signAllowlist } from '@sidbox/signing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AllowlistCache } from '../src/allowlist-cache.js';
import { allowlistVerifier } from '../src/verify.js';

const pointId = '11111111-1111-4111-8111-111111111111';
const list = (issuedAt: string, point = pointId): AccessAllowlist => ({
  appId: 'door',
  pointId: point,
  issuedAt,
  timeZone: 'Europe/Berlin',
  entries: [{ pseudonymHash: 'a'.repeat(64), windows: [] }],
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-allowlist-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the allowlist cache', async () => {
  const hubKey = await generateEd25519Jwk();
  const otherKey = await generateEd25519Jwk();
  const verifier = allowlistVerifier([publicPart(hubKey)], pointId);
  const body = async (allowlist: AccessAllowlist, key = hubKey) =>
    JSON.stringify({ jws: await signAllowlist(allowlist, key), keyChain: [] });

  it('keeps a verified list exactly as received and reads it back verified', async () => {
    const received = await body(list('2025-03-05T08:00:00Z'));
    const cache = new AllowlistCache(dir, verifier);
    expect(await cache.accept(received)).toEqual({ ok: true });
    expect(cache.current()?.issuedAt).toBe('2025-03-05T08:00:00Z');
    expect(await readFile(join(dir, 'allowlist.json'), 'utf8')).toBe(received);

    const restarted = new AllowlistCache(dir, verifier);
    expect(await restarted.load()).toEqual({ ok: true });
    expect(restarted.current()).toEqual(cache.current());
  });

  it('does not use or store a list signed by another key', async () => {
    const cache = new AllowlistCache(dir, verifier);
    expect(await cache.accept(await body(list('2025-03-05T08:00:00Z'), otherKey))).toMatchObject({
      ok: false,
      code: 'unknown-key',
    });
    expect(cache.current()).toBeUndefined();
    expect(await new AllowlistCache(dir, verifier).load()).toMatchObject({
      ok: false,
      code: 'ENOENT',
    });
  });

  it("refuses another point's list", async () => {
    const cache = new AllowlistCache(dir, verifier);
    const foreign = list('2025-03-05T08:00:00Z', '22222222-2222-4222-8222-222222222222');
    expect(await cache.accept(await body(foreign))).toEqual({ ok: false, code: 'wrong-point' });
  });

  it('drops a cached file whose signature no longer matches (tampered on disk)', async () => {
    const cache = new AllowlistCache(dir, verifier);
    await cache.accept(await body(list('2025-03-05T08:00:00Z')));
    const file = join(dir, 'allowlist.json');
    const { jws } = JSON.parse(await readFile(file, 'utf8')) as { jws: string };
    const [header, , signature] = jws.split('.');
    const forged = Buffer.from(JSON.stringify(list('2099-01-01T00:00:00Z'))).toString('base64url');
    await writeFile(file, JSON.stringify({ jws: `${header}.${forged}.${signature}` }));
    const restarted = new AllowlistCache(dir, verifier);
    expect(await restarted.load()).toEqual({ ok: false, code: 'bad-signature' });
    expect(restarted.current()).toBeUndefined();
  });

  it('refuses a list older than the one it holds (a replayed answer)', async () => {
    const cache = new AllowlistCache(dir, verifier);
    await cache.accept(await body(list('2025-03-05T08:00:00Z')));
    expect(await cache.accept(await body(list('2025-03-05T07:00:00Z')))).toEqual({
      ok: false,
      code: 'older-than-cached',
    });
    expect(cache.current()?.issuedAt).toBe('2025-03-05T08:00:00Z');
  });

  it('says why a body is not a signed list', async () => {
    const cache = new AllowlistCache(dir, verifier);
    expect(await cache.accept('<html>')).toEqual({ ok: false, code: 'not-json' });
    expect(await cache.accept('{"list":[]}')).toEqual({
      ok: false,
      code: 'not-a-signed-allowlist',
    });
  });
});

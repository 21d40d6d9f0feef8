import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TerminalConfig, type AccessAllowlist } from '@sidbox/protocol';
import {
  generateEd25519Jwk,
  publicPart,
  signAllowlist,
  signConfig,
  signKeyIntroduction,
  verifyAllowlist,
} from '../src/index.js';

const pointId = randomUUID();
const allowlist: AccessAllowlist = {
  appId: 'club-door',
  pointId,
  issuedAt: new Date().toISOString(),
  timeZone: 'Europe/Berlin',
  entries: [{ pseudonymHash: 'a'.repeat(64), windows: [] }],
};

describe('signed allowlist verification', () => {
  it('accepts a list signed by the trusted key', async () => {
    const key = await generateEd25519Jwk();
    const result = await verifyAllowlist(
      { jws: await signAllowlist(allowlist, key) },
      publicPart(key),
      pointId,
    );
    expect(result).toEqual({ ok: true, allowlist, trustedKey: publicPart(key) });
  });

  it('follows a key rotation through the key chain', async () => {
    const old = await generateEd25519Jwk();
    const next = await generateEd25519Jwk();
    const introduction = await signKeyIntroduction(old, publicPart(next), new Date());
    const jws = await signAllowlist(allowlist, next);
    expect(await verifyAllowlist({ jws }, publicPart(old), pointId)).toEqual({
      ok: false,
      code: 'unknown-key',
    });
    const result = await verifyAllowlist(
      { jws, keyChain: [introduction] },
      publicPart(old),
      pointId,
    );
    expect(result).toMatchObject({ ok: true, trustedKey: publicPart(next) });
  });

  it('refuses another key, a tampered list, another point and a config JWS', async () => {
    const key = await generateEd25519Jwk();
    const other = await generateEd25519Jwk();
    const trusted = publicPart(key);
    const jws = await signAllowlist(allowlist, key);
    const [header, , signature] = jws.split('.');
    const widened = Buffer.from(JSON.stringify({ ...allowlist, entries: [] })).toString(
      'base64url',
    );
    const config = await signConfig(
      TerminalConfig.parse({
        terminalId: pointId,
        version: 1,
        issuedAt: allowlist.issuedAt,
        branding: { memberName: 'Club' },
      }),
      key,
    );
    const cases = await Promise.all([
      verifyAllowlist({ jws: await signAllowlist(allowlist, other) }, trusted, pointId),
      verifyAllowlist({ jws: `${header}.${widened}.${signature}` }, trusted, pointId),
      verifyAllowlist({ jws }, trusted, randomUUID()),
      verifyAllowlist({ jws: config }, trusted, pointId),
      verifyAllowlist({ jws: 'not a jws' }, trusted, pointId),
    ]);
    expect(cases.map((result) => !result.ok && result.code)).toEqual([
      'unknown-key',
      'bad-signature',
      'wrong-point',
      'bad-signature',
      'bad-signature',
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TerminalConfig } from '@sidbox/protocol';
import {
  generateEd25519Jwk,
  publicPart,
  signConfig,
  signKeyIntroduction,
  verifySignedConfig,
  type SigningKey,
  type VerifierState,
} from '../src/index.js';

const terminalId = randomUUID();
const config = (version: number) =>
  TerminalConfig.parse({
    terminalId,
    version,
    issuedAt: new Date().toISOString(),
    branding: { memberName: 'Stadt Bonn' },
  });

describe('signed configuration verification', () => {
  let key: SigningKey;
  let state: VerifierState;
  beforeAll(async () => {
    key = await generateEd25519Jwk();
    state = { trustedKey: publicPart(key) };
  });

  it('accepts a config signed by the trusted key and keeps it as last good', async () => {
    const result = await verifySignedConfig(
      { config: await signConfig(config(1), key), keyChain: [] },
      state,
      terminalId,
    );
    expect(result).toMatchObject({ ok: true, changed: true, config: { version: 1 } });
    expect(result.state.lastGood?.version).toBe(1);
  });

  it('refuses a tampered config and keeps the last good one', async () => {
    const good = await verifySignedConfig(
      { config: await signConfig(config(1), key), keyChain: [] },
      state,
      terminalId,
    );
    const [header, payload, signature] = (await signConfig(config(2), key)).split('.');
    const changed = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        training: true,
      }),
    ).toString('base64url');
    const result = await verifySignedConfig(
      { config: `${header}.${changed}.${signature}`, keyChain: [] },
      good.state,
      terminalId,
    );
    expect(result).toMatchObject({ ok: false, code: 'bad-signature' });
    expect(result.state).toBe(good.state);
    expect(result.state.lastGood?.version).toBe(1);
  });

  it('refuses a config signed by a wrong key, even one claiming the trusted kid', async () => {
    const other = await generateEd25519Jwk();
    const unknown = await verifySignedConfig(
      { config: await signConfig(config(1), other), keyChain: [] },
      state,
      terminalId,
    );
    expect(unknown).toMatchObject({ ok: false, code: 'unknown-key' });
    const impostor = { ...other, kid: key.kid };
    const forged = await verifySignedConfig(
      { config: await signConfig(config(1), impostor), keyChain: [] },
      state,
      terminalId,
    );
    expect(forged).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses a replayed older version, and a different config with the same version', async () => {
    const v1 = await signConfig(config(1), key);
    const v2 = await signConfig(config(2), key);
    const at2 = await verifySignedConfig({ config: v2, keyChain: [] }, state, terminalId);
    expect(
      await verifySignedConfig({ config: v1, keyChain: [] }, at2.state, terminalId),
    ).toMatchObject({
      ok: false,
      code: 'replayed-version',
    });
    const same = await verifySignedConfig({ config: v2, keyChain: [] }, at2.state, terminalId);
    expect(same).toMatchObject({ ok: true, changed: false });
    const otherV2 = await signConfig({ ...config(2), training: true }, key);
    expect(
      await verifySignedConfig({ config: otherV2, keyChain: [] }, at2.state, terminalId),
    ).toMatchObject({
      ok: false,
      code: 'replayed-version',
    });
  });

  it('refuses a config for another terminal', async () => {
    const foreign = await signConfig({ ...config(1), terminalId: randomUUID() }, key);
    expect(
      await verifySignedConfig({ config: foreign, keyChain: [] }, state, terminalId),
    ).toMatchObject({
      ok: false,
      code: 'wrong-terminal',
    });
  });

  it('follows a rotation chain old → new → newer, and then trusts only the newest key', async () => {
    const second = await generateEd25519Jwk();
    const third = await generateEd25519Jwk();
    const chain = [
      await signKeyIntroduction(key, publicPart(second), new Date()),
      await signKeyIntroduction(second, publicPart(third), new Date()),
    ];
    const rotated = await verifySignedConfig(
      { config: await signConfig(config(5), third), keyChain: chain },
      state,
      terminalId,
    );
    expect(rotated).toMatchObject({ ok: true, config: { version: 5 } });
    expect(rotated.state.trustedKey.kid).toBe(third.kid);
    const byOldKey = await verifySignedConfig(
      { config: await signConfig(config(6), key), keyChain: chain },
      rotated.state,
      terminalId,
    );
    expect(byOldKey).toMatchObject({ ok: false, code: 'unknown-key' });
  });

  it('refuses a chain link not signed by the trusted key', async () => {
    const attacker = await generateEd25519Jwk();
    const next = await generateEd25519Jwk();
    const forgedLink = await signKeyIntroduction(
      { ...attacker, kid: key.kid },
      publicPart(next),
      new Date(),
    );
    const result = await verifySignedConfig(
      { config: await signConfig(config(1), next), keyChain: [forgedLink] },
      state,
      terminalId,
    );
    expect(result).toMatchObject({ ok: false, code: 'bad-key-chain' });
  });
});

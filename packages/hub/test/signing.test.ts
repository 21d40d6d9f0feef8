import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignedConfig } from '@sidbox/signing';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  startTestHub,
  terminalClient,
  type TestHub,
  type World,
} from './helpers/hub.js';

describe.each(backends)('hub key rotation (%s)', (backend) => {
  let hub: TestHub;
  let world: World;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    world = await seedWorld(hub.db, hub.url);
  });
  afterAll(() => hub.close());

  it('re-signs configs with the new key; a terminal with the old key follows the chain', async () => {
    const { credential } = world.terminalA;
    const terminal = terminalClient(hub.url, credential);
    const anchor = { ...credential.configSigningKey, kid: credential.configSigningKey.kid ?? '' };
    const first = await verifySignedConfig(
      (await terminal.request('GET', '/api/terminal/config')).json,
      { trustedKey: anchor },
      credential.terminalId,
    );
    expect(first.ok).toBe(true);

    const admin = await adminClient(hub.url, world.users.associationAdmin, password);
    const rotated = await admin.request('POST', '/api/admin/signing-keys/rotate');
    expect(rotated.status).toBe(200);
    const pulled = await terminal.request('GET', '/api/terminal/config');
    expect(pulled.json.keyChain).toHaveLength(1);
    const second = await verifySignedConfig(pulled.json, first.state, credential.terminalId);
    expect(second).toMatchObject({ ok: true, changed: true });
    expect(second.state.trustedKey.kid).toBe(rotated.json.kid);
    expect(second.state.lastGood?.version).toBe((first.state.lastGood?.version ?? 0) + 1);

    const keys = await admin.request('GET', '/api/admin/signing-keys');
    expect(keys.json.keys.map((k: { kid: string }) => k.kid)).toEqual([
      anchor.kid,
      rotated.json.kid,
    ]);
    expect(JSON.stringify(keys.json)).not.toContain('"d"');
  });
});

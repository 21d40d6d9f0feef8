import { randomUUID } from 'node:crypto';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignedConfig, type SigningKey } from '@sidbox/signing';
import { EidServerOidcClientsResponse, OidcClientSecretResponse } from '@sidbox/protocol';
import { startHub } from '../src/start-hub.js';
import { Kek, newKekText } from '../src/signing/kek.js';
import { clientSecretContext, readStored } from '../src/signing/envelope.js';
import { KeyVault } from '../src/signing/key-vault.js';
import { currentSigningKey, rotateSigningKey } from '../src/signing/keys.js';
import type { HubDb } from '../src/db/connect.js';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  terminalClient,
  testEidServer,
  type Backend,
  type World,
} from './helpers/hub.js';
import { oidcClientInput, uniqueClientId } from './helpers/oidc-clients.js';

const newKek = () => newKekText().trim();

/** Every form a leaked Ed25519 private key could take: raw seed, hex, base64(url), PKCS#8/PEM. */
function privateKeyForms(key: SigningKey): Buffer[] {
  const seed = Buffer.from(key.d, 'base64url');
  const der = createPrivateKey({ key: { ...key }, format: 'jwk' }).export({
    type: 'pkcs8',
    format: 'der',
  });
  const pem = createPrivateKey({ key: { ...key }, format: 'jwk' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return [
    seed,
    der,
    ...[
      key.d,
      seed.toString('hex'),
      seed.toString('hex').toUpperCase(),
      seed.toString('base64'),
      der.toString('base64'),
      der.toString('base64url'),
      pem.split('\n')[1] as string,
    ].map((text) => Buffer.from(text)),
  ];
}

/** One database (SQLite file or PostgreSQL schema) that hubs are started on and stopped again. */
function storageFor(backend: Backend) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sidbox-kek-test-'));
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const storage =
    backend === 'postgres'
      ? { databaseUrl: process.env['SIDBOX_TEST_DATABASE_URL'] as string, databaseSchema: schema }
      : { dataDir };
  const start = (keys: { keyEncryptionKey?: string; previousKeyEncryptionKeys?: string[] } = {}) =>
    startHub({
      port: 0,
      logger: false,
      loginAttemptsPerMinute: 10_000,
      eidServer: testEidServer,
      ...storage,
      ...keys,
    });
  return {
    start,
    /** Where keys and secrets rest: the SQLite files, or the signing_keys and oidc_clients rows. */
    async restingBytes(db: HubDb): Promise<Buffer> {
      if (backend === 'sqlite')
        return Buffer.concat(readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f))));
      const keys = await db.selectFrom('signing_keys').selectAll().execute();
      const clients = await db.selectFrom('oidc_clients').selectAll().execute();
      return Buffer.from(JSON.stringify([keys, clients]));
    },
    /** Stops the last hub on this database and removes the database. */
    async stop(hub: { db: HubDb; close(): Promise<void> }) {
      if (backend === 'postgres') await hub.db.schema.dropSchema(schema).cascade().execute();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const containsAny = (bytes: Buffer, forms: Buffer[]) => forms.some((form) => bytes.includes(form));

describe.each(backends)('signing keys at rest (%s)', (backend) => {
  it('seals new keys: no form of a private key is in the database', async () => {
    const storage = storageFor(backend);
    const hub = await storage.start({ keyEncryptionKey: newKek() });
    try {
      const world = await seedWorld(hub.db, hub.url);
      const admin = await adminClient(hub.url, world.users.associationAdmin, password);
      const first = await currentSigningKey(hub.db);
      expect((await admin.request('POST', '/api/admin/signing-keys/rotate')).status).toBe(200);
      const second = await currentSigningKey(hub.db);
      expect(second.kid).not.toBe(first.kid);
      const bytes = await storage.restingBytes(hub.db);
      expect(bytes.includes(Buffer.from(first.kid))).toBe(true); // the search sees the rows
      expect(containsAny(bytes, [...privateKeyForms(first), ...privateKeyForms(second)])).toBe(
        false,
      );
    } finally {
      await storage.stop(hub);
    }
  });

  it('seals the keys of an existing database on its first start with a KEK, leaving no trace', async () => {
    const storage = storageFor(backend);
    const plain = await storage.start();
    const key = await currentSigningKey(plain.db);
    const before = await storage.restingBytes(plain.db);
    await plain.close();
    expect(containsAny(before, privateKeyForms(key))).toBe(true); // the search finds plaintext

    const kek = newKek();
    const sealed = await storage.start({ keyEncryptionKey: kek });
    try {
      expect((await currentSigningKey(sealed.db)).kid).toBe(key.kid);
      expect(containsAny(await storage.restingBytes(sealed.db), privateKeyForms(key))).toBe(false);
    } finally {
      await sealed.close();
    }
    // From now on the KEK is required, and only the right one opens the keys.
    await expect(storage.start()).rejects.toMatchObject({ code: 'key-encryption-key-required' });
    await expect(storage.start({ keyEncryptionKey: newKek() })).rejects.toMatchObject({
      code: 'key-encryption-key-wrong',
    });
    const again = await storage.start({ keyEncryptionKey: kek });
    await storage.stop(again);
  });

  describe('rotating the key-encryption key', () => {
    const storage = storageFor(backend);
    const oldKek = newKek();
    const newKekValue = newKek();
    let kid: string;
    beforeAll(async () => {
      const hub = await storage.start({ keyEncryptionKey: oldKek });
      kid = (await currentSigningKey(hub.db)).kid;
      await hub.close();
    });
    let last: Awaited<ReturnType<typeof storage.start>> | undefined;
    afterAll(async () => {
      if (last) await storage.stop(last);
    });

    it('re-seals with the new KEK when the old one is given as previous; then the old one no longer opens', async () => {
      const rotating = await storage.start({
        keyEncryptionKey: newKekValue,
        previousKeyEncryptionKeys: [oldKek],
      });
      const world = await seedWorld(rotating.db, rotating.url);
      await rotating.close();

      await expect(storage.start({ keyEncryptionKey: oldKek })).rejects.toMatchObject({
        code: 'key-encryption-key-wrong',
      });
      last = await storage.start({ keyEncryptionKey: newKekValue });
      const { credential } = world.terminalA;
      expect(credential.configSigningKey.kid).toBe(kid);
      const pulled = await terminalClient(last.url, credential).request(
        'GET',
        '/api/terminal/config',
      );
      const anchor = { ...credential.configSigningKey, kid };
      const verified = await verifySignedConfig(
        pulled.json,
        { trustedKey: anchor },
        credential.terminalId,
      );
      expect(verified.ok).toBe(true);
    });
  });
});

/** Every form a leaked client secret could take: its text, its raw bytes, hex, base64. */
function secretForms(secret: string): Buffer[] {
  const raw = Buffer.from(secret, 'base64url');
  return [raw, ...[secret, raw.toString('hex'), raw.toString('base64')].map((t) => Buffer.from(t))];
}

type StartedHub = Awaited<ReturnType<ReturnType<typeof storageFor>['start']>>;

/** The secrets the eID-Server pulls, by client id. */
async function pulledSecrets(hub: StartedHub): Promise<Map<string, string>> {
  const res = await fetch(`${hub.url}/api/eid-server/oidc-clients`, {
    headers: { authorization: `Bearer ${testEidServer.apiKey}` },
  });
  expect(res.status).toBe(200);
  const { clients } = EidServerOidcClientsResponse.parse(await res.json());
  return new Map(clients.map((client) => [client.clientId, client.clientSecret]));
}

/** A member admin registers a platform; its secret, shown once, and its id. */
async function registerPlatform(hub: StartedHub, world: World) {
  const admin = await adminClient(hub.url, world.users.adminA, password);
  const clientId = uniqueClientId('kek');
  const created = await admin.request('POST', '/api/admin/oidc-clients', oidcClientInput(clientId));
  expect(created.status).toBe(201);
  return { admin, clientId, secret: OidcClientSecretResponse.parse(created.json).clientSecret };
}

/** The KEK id a platform's stored secret is sealed with ('plaintext' when it is not). */
async function sealedWith(hub: StartedHub, clientId: string): Promise<string> {
  const row = await hub.db
    .selectFrom('oidc_clients')
    .select('client_secret')
    .where('client_id', '=', clientId)
    .executeTakeFirstOrThrow();
  const stored = readStored(row.client_secret);
  return stored === 'plaintext' ? stored : stored.kek;
}

const kekId = (text: string) => (Kek.fromBase64(text) as Kek).id;

describe.each(backends)("platforms' client secrets at rest (%s)", (backend) => {
  it('seals them on register and renew: none is in the database, each is shown and pulled as issued', async () => {
    const storage = storageFor(backend);
    const kek = newKek();
    const hub = await storage.start({ keyEncryptionKey: kek });
    try {
      const world = await seedWorld(hub.db, hub.url);
      const { admin, clientId, secret } = await registerPlatform(hub, world);
      expect(secret).toMatch(/^[\w-]{43}$/);
      expect((await pulledSecrets(hub)).get(clientId)).toBe(secret);
      const renewed = await admin.request('POST', `/api/admin/oidc-clients/${clientId}/secret`);
      expect(renewed.status).toBe(200);
      const second = OidcClientSecretResponse.parse(renewed.json).clientSecret;
      expect(second).not.toBe(secret);
      expect((await pulledSecrets(hub)).get(clientId)).toBe(second);
      expect(await sealedWith(hub, clientId)).toBe(kekId(kek));

      const bytes = await storage.restingBytes(hub.db);
      expect(bytes.includes(Buffer.from(clientId))).toBe(true); // the search sees the rows
      expect(containsAny(bytes, [...secretForms(secret), ...secretForms(second)])).toBe(false);
    } finally {
      await storage.stop(hub);
    }
  });

  it('seals the plaintext secrets of an existing database at its first start with a KEK, leaving no trace', async () => {
    const storage = storageFor(backend);
    const plain = await storage.start();
    const world = await seedWorld(plain.db, plain.url);
    const { clientId, secret } = await registerPlatform(plain, world);
    expect(await sealedWith(plain, clientId)).toBe('plaintext');
    expect(containsAny(await storage.restingBytes(plain.db), secretForms(secret))).toBe(true);
    await plain.close();

    const kek = newKek();
    const sealed = await storage.start({ keyEncryptionKey: kek });
    try {
      expect(await sealedWith(sealed, clientId)).toBe(kekId(kek));
      expect(containsAny(await storage.restingBytes(sealed.db), secretForms(secret))).toBe(false);
      expect((await pulledSecrets(sealed)).get(clientId)).toBe(secret);

      // A secret the KEK does not open (here: sealed under another) stops a start right away,
      // not at the eID-Server's next pull.
      const row = sealed.db.updateTable('oidc_clients').where('client_id', '=', clientId);
      const good = (
        await sealed.db
          .selectFrom('oidc_clients')
          .select('client_secret')
          .where('client_id', '=', clientId)
          .executeTakeFirstOrThrow()
      ).client_secret;
      const foreign = new KeyVault(Kek.fromBase64(newKek())).sealSecret(
        clientSecretContext(clientId),
        secret,
      );
      await row.set({ client_secret: foreign }).execute();
      await expect(storage.start({ keyEncryptionKey: kek })).rejects.toMatchObject({
        code: 'key-encryption-key-wrong',
        message: expect.stringContaining("the platforms' client secrets") as unknown,
      });
      await row.set({ client_secret: good }).execute();
    } finally {
      await sealed.close();
    }
    await expect(storage.start()).rejects.toMatchObject({ code: 'key-encryption-key-required' });
    await storage.stop(await storage.start({ keyEncryptionKey: kek }));
  });

  it('seals the plaintext secrets a hub from before this stored beside its sealed keys, leaving no trace', async () => {
    const storage = storageFor(backend);
    const kek = newKek();
    const before = await storage.start({ keyEncryptionKey: kek });
    const world = await seedWorld(before.db, before.url);
    const { clientId, secret } = await registerPlatform(before, world);
    // What a hub before this change wrote: the signing keys sealed, the secret as issued.
    await before.db
      .updateTable('oidc_clients')
      .set({ client_secret: secret })
      .where('client_id', '=', clientId)
      .execute();
    expect(containsAny(await storage.restingBytes(before.db), secretForms(secret))).toBe(true);
    await before.close();

    const after = await storage.start({ keyEncryptionKey: kek });
    try {
      expect(await sealedWith(after, clientId)).toBe(kekId(kek));
      expect(containsAny(await storage.restingBytes(after.db), secretForms(secret))).toBe(false);
      expect((await pulledSecrets(after)).get(clientId)).toBe(secret);
    } finally {
      await storage.stop(after);
    }
  });

  it('re-seals them with a new KEK given the old one as previous; then only the new one opens', async () => {
    const storage = storageFor(backend);
    const [oldKek, currentKek] = [newKek(), newKek()];
    const first = await storage.start({ keyEncryptionKey: oldKek });
    const world = await seedWorld(first.db, first.url);
    const { clientId, secret } = await registerPlatform(first, world);
    await first.close();

    const rotating = await storage.start({
      keyEncryptionKey: currentKek,
      previousKeyEncryptionKeys: [oldKek],
    });
    expect(await sealedWith(rotating, clientId)).toBe(kekId(currentKek));
    await rotating.close();
    await expect(storage.start({ keyEncryptionKey: oldKek })).rejects.toMatchObject({
      code: 'key-encryption-key-wrong',
    });
    const last = await storage.start({ keyEncryptionKey: currentKek });
    try {
      expect((await pulledSecrets(last)).get(clientId)).toBe(secret);
    } finally {
      await storage.stop(last);
    }
  });
});

describe.each(backends)('two hub instances on one database (%s)', (backend) => {
  const storage = storageFor(backend);
  const kek = newKek();
  let one: Awaited<ReturnType<typeof storage.start>>;
  let two: Awaited<ReturnType<typeof storage.start>>;
  let world: World;
  beforeAll(async () => {
    // On PostgreSQL both start at the same moment on the empty database (still one first key).
    // Two SQLite hubs in one process cannot: better-sqlite3 blocks the one thread both share
    // while the other holds the migration lock.
    if (backend === 'postgres')
      [one, two] = await Promise.all([
        storage.start({ keyEncryptionKey: kek }),
        storage.start({ keyEncryptionKey: kek }),
      ]);
    else {
      one = await storage.start({ keyEncryptionKey: kek });
      two = await storage.start({ keyEncryptionKey: kek });
    }
    world = await seedWorld(one.db, one.url);
  });
  afterAll(async () => {
    await two.close();
    await storage.stop(one);
  });

  const currentKids = async () =>
    (
      await one.db
        .selectFrom('signing_keys')
        .select('kid')
        .where('retired_at', 'is', null)
        .execute()
    ).map((row) => row.kid);

  it('a signing-key rotation on one is used by the other at once, and verifies with the chain', async () => {
    expect(await currentKids()).toHaveLength(1);
    const { credential } = world.terminalA;
    const terminalOnTwo = terminalClient(two.url, credential);
    const anchor = { ...credential.configSigningKey, kid: credential.configSigningKey.kid ?? '' };
    const first = await verifySignedConfig(
      (await terminalOnTwo.request('GET', '/api/terminal/config')).json,
      { trustedKey: anchor },
      credential.terminalId,
    );
    expect(first.ok).toBe(true);

    const admin = await adminClient(one.url, world.users.associationAdmin, password);
    const rotated = await admin.request('POST', '/api/admin/signing-keys/rotate');
    expect(rotated.status).toBe(200);

    const pulled = await terminalOnTwo.request('GET', '/api/terminal/config');
    const second = await verifySignedConfig(pulled.json, first.state, credential.terminalId);
    expect(second).toMatchObject({ ok: true, changed: true });
    expect(second.state.trustedKey.kid).toBe(rotated.json.kid);
    // Instance two, which never saw the rotation, signs with the new key itself.
    expect((await currentSigningKey(two.db)).kid).toBe(rotated.json.kid);
  });

  it('rotations on both at the same moment leave one current key and an unbroken chain', async () => {
    for (let round = 0; round < 5; round += 1) {
      const outcomes = await Promise.allSettled([
        rotateSigningKey(one.db),
        rotateSigningKey(two.db),
      ]);
      // Both may succeed one after the other; one that lost the race is a 409, nothing half-done.
      for (const outcome of outcomes)
        if (outcome.status === 'rejected')
          expect(outcome.reason).toMatchObject({ code: 'conflict' });
      expect(outcomes.some((outcome) => outcome.status === 'fulfilled')).toBe(true);
    }
    const current = await currentKids();
    expect(current).toHaveLength(1);
    // The terminal still trusts only its enrollment key and follows every introduction.
    const { credential } = world.terminalA;
    const anchor = { ...credential.configSigningKey, kid: credential.configSigningKey.kid ?? '' };
    const pulled = await terminalClient(two.url, credential).request('GET', '/api/terminal/config');
    const verified = await verifySignedConfig(
      pulled.json,
      { trustedKey: anchor },
      credential.terminalId,
    );
    expect(verified.ok).toBe(true);
    expect(verified.state.trustedKey.kid).toBe(current[0]);
  });
});

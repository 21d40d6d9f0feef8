import {
  generateEd25519Jwk,
  publicPart,
  signKeyIntroduction,
  type PublicEd25519Jwk,
  type SigningKey,
} from '@sidbox/signing';
import type { HubDb } from '../db/connect.js';
import { conflict } from '../errors.js';
import { keyVaultOf } from './key-vault.js';

/**
 * The key that signs configurations now; created on first use. Read from the database on every
 * call, so a rotation on one hub instance is used by all of them at once.
 */
export async function currentSigningKey(db: HubDb, now = new Date()): Promise<SigningKey> {
  const row = await db
    .selectFrom('signing_keys')
    .select(['kid', 'private_jwk'])
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  const vault = keyVaultOf(db);
  if (row) return vault.open(row.kid, row.private_jwk);
  const key = await generateEd25519Jwk();
  await db
    .insertInto('signing_keys')
    .values({
      kid: key.kid,
      public_jwk: JSON.stringify(publicPart(key)),
      private_jwk: vault.store(key),
      introduction: null,
      created_at: now.toISOString(),
      retired_at: null,
    })
    // Another instance created the first key at the same moment (one current key: 0007).
    .onConflict((oc) => oc.doNothing())
    .execute();
  return currentSigningKey(db, now);
}

/** The public half of the current key (what terminals trust), without opening the private one. */
export async function currentPublicKey(db: HubDb): Promise<PublicEd25519Jwk & { kid: string }> {
  const row = await db
    .selectFrom('signing_keys')
    .select('public_jwk')
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (row) return JSON.parse(row.public_jwk) as PublicEd25519Jwk & { kid: string };
  return publicPart(await currentSigningKey(db));
}

/** Replaces the signing key; the old key signs a statement introducing the new one. */
export async function rotateSigningKey(db: HubDb, now = new Date()): Promise<SigningKey> {
  const previous = await currentSigningKey(db, now);
  const next = await generateEd25519Jwk();
  const introduction = await signKeyIntroduction(previous, publicPart(next), now);
  await db.transaction().execute(async (trx) => {
    const retired = await trx
      .updateTable('signing_keys')
      .set({ retired_at: now.toISOString() })
      .where('kid', '=', previous.kid)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    if (Number(retired.numUpdatedRows) === 0)
      throw conflict('the signing key was just rotated on another hub instance; reload the keys');
    await trx
      .insertInto('signing_keys')
      .values({
        kid: next.kid,
        public_jwk: JSON.stringify(publicPart(next)),
        private_jwk: keyVaultOf(db).store(next),
        introduction,
        created_at: now.toISOString(),
        retired_at: null,
      })
      .execute();
  });
  return next;
}

export interface KeyInfo {
  kid: string;
  publicJwk: PublicEd25519Jwk;
  createdAt: string;
  retiredAt: string | null;
  introduction: string | null;
}

/** All keys, oldest first: their introductions form the chain a terminal follows. */
export async function listSigningKeys(db: HubDb): Promise<KeyInfo[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .select(['kid', 'public_jwk', 'created_at', 'retired_at', 'introduction'])
    .orderBy('created_at')
    .orderBy('kid')
    .execute();
  return rows.map((r) => ({
    kid: r.kid,
    publicJwk: JSON.parse(r.public_jwk) as PublicEd25519Jwk,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
    introduction: r.introduction,
  }));
}

export async function keyChain(db: HubDb): Promise<string[]> {
  return (await listSigningKeys(db)).flatMap((k) => (k.introduction ? [k.introduction] : []));
}

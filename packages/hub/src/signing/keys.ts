import {
  generateEd25519Jwk,
  publicPart,
  signKeyIntroduction,
  type PublicEd25519Jwk,
  type SigningKey,
} from '@sidbox/signing';
import type { HubDb } from '../db/connect.js';

/** The key that signs configurations now; created on first use. */
export async function currentSigningKey(db: HubDb, now = new Date()): Promise<SigningKey> {
  const row = await db
    .selectFrom('signing_keys')
    .select('private_jwk')
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (row) return JSON.parse(row.private_jwk) as SigningKey;
  const key = await generateEd25519Jwk();
  await db
    .insertInto('signing_keys')
    .values({
      kid: key.kid,
      public_jwk: JSON.stringify(publicPart(key)),
      private_jwk: JSON.stringify(key),
      introduction: null,
      created_at: now.toISOString(),
      retired_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return currentSigningKey(db, now);
}

/** Replaces the signing key; the old key signs a statement introducing the new one. */
export async function rotateSigningKey(db: HubDb, now = new Date()): Promise<SigningKey> {
  const previous = await currentSigningKey(db, now);
  const next = await generateEd25519Jwk();
  const introduction = await signKeyIntroduction(previous, publicPart(next), now);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('signing_keys')
      .set({ retired_at: now.toISOString() })
      .where('kid', '=', previous.kid)
      .execute();
    await trx
      .insertInto('signing_keys')
      .values({
        kid: next.kid,
        public_jwk: JSON.stringify(publicPart(next)),
        private_jwk: JSON.stringify(next),
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

import { AccessAllowlist } from '@sidbox/protocol';
import type { PublicEd25519Jwk } from './jwk.js';
import { allowlistJwsType } from './sign.js';
import { followKeyChain, parseJson, verifyJws } from './verify.js';

export type AllowlistRejectionCode =
  'bad-signature' | 'unknown-key' | 'bad-key-chain' | 'invalid-allowlist' | 'wrong-point';

export type AllowlistVerifyResult =
  | {
      ok: true;
      allowlist: AccessAllowlist;
      /** The key reached through the chain: keep it as the new trust anchor. */
      trustedKey: PublicEd25519Jwk & { kid: string };
    }
  | { ok: false; code: AllowlistRejectionCode };

/**
 * Verifies the hub's signed allowlist for the access point `pointId`, starting from the key the
 * point trusts and following the hub's key introductions (`keyChain`) across rotations.
 */
export async function verifyAllowlist(
  signed: { jws: string; keyChain?: readonly string[] },
  trusted: PublicEd25519Jwk & { kid: string },
  pointId: string,
): Promise<AllowlistVerifyResult> {
  const trustedKey = await followKeyChain(trusted, [...(signed.keyChain ?? [])]);
  if (!trustedKey) return { ok: false, code: 'bad-key-chain' };
  const payload = await verifyJws(signed.jws, trustedKey, allowlistJwsType);
  if (payload === 'unknown-key' || payload === 'bad-signature') return { ok: false, code: payload };
  const parsed = AccessAllowlist.safeParse(parseJson(payload));
  if (!parsed.success) return { ok: false, code: 'invalid-allowlist' };
  if (parsed.data.pointId !== pointId) return { ok: false, code: 'wrong-point' };
  return { ok: true, allowlist: parsed.data, trustedKey };
}

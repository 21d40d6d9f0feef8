import { trustAnchor, verifyAllowlist, type PublicEd25519Jwk } from '@sidbox/signing';
import type { AllowlistVerifier } from './allowlist-cache.js';

/**
 * Verifies with each configured trust anchor in turn (a hub's current key, or the next one
 * during a rotation); the first that verifies wins, otherwise the first anchor's rejection.
 */
export function allowlistVerifier(
  anchors: readonly PublicEd25519Jwk[],
  pointId: string,
): AllowlistVerifier {
  return async (signed) => {
    let first: { ok: false; code: string } | undefined;
    for (const anchor of anchors) {
      const result = await verifyAllowlist(signed, await trustAnchor(anchor), pointId);
      if (result.ok) return { ok: true, allowlist: result.allowlist };
      first ??= result;
    }
    return first ?? { ok: false, code: 'no-trust-anchor' };
  };
}

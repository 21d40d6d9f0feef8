import { createHash, createPrivateKey, hkdfSync, type JsonWebKey } from 'node:crypto';
import { OidcError } from './oidc-error.js';

/** The provider's keys, from its one configured signing key. */
export interface OidcKeys {
  /** The private JWK that signs ID tokens (ES256), with its `kid`. */
  signingJwk: JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' };
  /** Keys that sign the provider's short-lived cookies (interaction, session). */
  cookieKeys: string[];
}

/**
 * The keys from an EC P-256 private key (PKCS#8 or SEC1 PEM). P-256 because ES256 is the one
 * asymmetric algorithm besides RS256 every OpenID client library verifies (Keycloak, Moodle,
 * Nextcloud); Ed25519 is not yet everywhere. The cookie keys are derived from it (HKDF) rather than
 * configured: one file less to keep secret, and a new signing key only ends sign-ins in progress.
 */
export function oidcKeysFromPem(pem: string): OidcKeys {
  let jwk: JsonWebKey;
  try {
    jwk = createPrivateKey(pem).export({ format: 'jwk' });
  } catch (error) {
    throw new OidcError('signing-key-invalid', 'not a private key in PEM', { cause: error });
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.d === undefined)
    throw new OidcError('signing-key-invalid', 'not an EC P-256 private key');
  const { kty, crv, x, y, d } = jwk;
  const cookieKey = Buffer.from(
    hkdfSync('sha256', Buffer.from(d, 'base64url'), Buffer.alloc(0), 'sidbox oidc cookies', 32),
  ).toString('base64url');
  return {
    signingJwk: {
      kty,
      crv,
      x,
      y,
      d,
      kid: thumbprint({ crv, kty, x, y }),
      alg: 'ES256',
      use: 'sig',
    },
    cookieKeys: [cookieKey],
  };
}

/** The JWK thumbprint (RFC 7638) of the public key: a `kid` that changes only with the key. */
function thumbprint(members: { crv?: string; kty?: string; x?: string; y?: string }): string {
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const canonical = JSON.stringify({
    crv: members.crv,
    kty: members.kty,
    x: members.x,
    y: members.y,
  });
  return createHash('sha256').update(canonical).digest('base64url');
}

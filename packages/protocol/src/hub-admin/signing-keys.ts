import { z } from 'zod';
import { TerminalCredential } from '../heartbeat.js';

/** A config-signing key's public half; terminals follow the chain of introductions. */
export const SigningKeyInfo = z.strictObject({
  kid: z.string(),
  publicJwk: TerminalCredential.shape.configSigningKey,
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
  introducedByPrevious: z.boolean(),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfo>;

export const SigningKeyListResponse = z.strictObject({ keys: z.array(SigningKeyInfo) });
export type SigningKeyListResponse = z.infer<typeof SigningKeyListResponse>;

export const RotatedSigningKeyResponse = z.strictObject({ kid: z.string() });
export type RotatedSigningKeyResponse = z.infer<typeof RotatedSigningKeyResponse>;

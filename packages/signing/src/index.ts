export {
  PublicEd25519Jwk,
  publicKeyObject,
  privateKeyObject,
  type PrivateEd25519Jwk,
} from './jwk.js';
export { generateEd25519Jwk, publicPart, trustAnchor, type SigningKey } from './key-pair.js';
export {
  allowlistJwsType,
  configJwsType,
  keyIntroductionJwsType,
  signAllowlist,
  signConfig,
  signKeyIntroduction,
  type KeyIntroduction,
} from './sign.js';
export {
  verifySignedConfig,
  type SignedConfigBundle,
  type VerifierState,
  type VerifyResult,
  type RejectionCode,
} from './verify.js';
export {
  verifyAllowlist,
  type AllowlistRejectionCode,
  type AllowlistVerifyResult,
} from './verify-allowlist.js';
export {
  signTerminalToken,
  maxTerminalTokenSeconds,
  terminalTokenAudience,
} from './terminal-token.js';

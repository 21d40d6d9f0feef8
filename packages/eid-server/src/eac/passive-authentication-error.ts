import { CodedError } from '@sidbox/runtime';

/**
 * Why EF.CardSecurity (or EF.CardAccess) was refused:
 * - malformed: not a readable SignedData / SecurityInfos of the expected shape;
 * - digest: the signed content does not hash to the signed messageDigest;
 * - signature: the signer's signature over the signed attributes does not verify;
 * - untrusted-signer: no path from the signer certificate to the trust list;
 * - expired: a certificate on that path is not valid at the time asked about;
 * - unknown-key: no (or no unambiguous) Chip Authentication key for the key id asked for.
 */
export type PassiveAuthenticationErrorCode =
  'malformed' | 'digest' | 'signature' | 'untrusted-signer' | 'expired' | 'unknown-key';

export class PassiveAuthenticationError extends CodedError<PassiveAuthenticationErrorCode> {}

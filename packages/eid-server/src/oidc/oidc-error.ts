import { CodedError } from '@sidbox/runtime';

/**
 * Why the OpenID Connect provider cannot run as configured, or the hub did not answer about the
 * platforms as agreed (docs/oidc-platforms.md).
 */
export type OidcErrorCode =
  | 'hub-required'
  | 'origin-not-allowed'
  | 'hub-unreachable'
  | 'hub-answer-invalid'
  | 'signing-key-invalid';

export class OidcError extends CodedError<OidcErrorCode> {}

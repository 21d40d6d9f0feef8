import type { OperationName } from './operations.js';
import type { PersonalData } from './personal-data.js';

/**
 * How each operation ended, for getResult's OperationsAllowedByUser: ALLOWED (read or computed),
 * NOTONCHIP (allowed but the document holds no such value); an operation absent was PROHIBITED.
 */
export type OperationsAllowedByUser = Partial<Record<OperationName, 'ALLOWED' | 'NOTONCHIP'>>;

/** What one successful authentication yielded, for the eService to fetch once. */
export interface AuthenticationResult {
  personalData: PersonalData;
  /** The sector-specific pseudonym (Restricted Identification). */
  restrictedId?: Buffer;
  ageVerification?: boolean;
  placeVerification?: boolean;
  /** Whether the card says the document is valid today (checked on every authentication). */
  documentValidity?: boolean;
  operationsAllowedByUser: OperationsAllowedByUser;
}

/** Where a session stands when the eService asks for its result. */
export type GetResultOutcome =
  | { status: 'done'; result: AuthenticationResult }
  | { status: 'not-ready' }
  | { status: 'not-found' }
  | { status: 'invalid-counter' }
  | { status: 'cancelled' }
  /** The document failed verification (expired, revoked or not genuine). */
  | { status: 'invalid-document' }
  /** Anything else; minor is a ResultMinor URI to pass on (e.g. the client's). */
  | { status: 'failed'; minor?: string; message?: string };

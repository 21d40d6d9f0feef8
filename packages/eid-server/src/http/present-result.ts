import type { SessionOutcome } from '../session/outcome.js';

/**
 * The JSON an eService reads: `success` with what the card said (only what the citizen allowed),
 * `cancelled`, or `failed` with a stable reason. Binary values are hex.
 */
export function presentOutcome(outcome: SessionOutcome) {
  switch (outcome.kind) {
    case 'cancelled':
      return { status: 'cancelled' as const };
    case 'failed':
      return { status: 'failed' as const, reason: outcome.reason };
    case 'success': {
      const { result } = outcome;
      return {
        status: 'success' as const,
        personalData: result.personalData,
        ...(result.restrictedId !== undefined && {
          restrictedId: result.restrictedId.toString('hex'),
        }),
        ...(result.ageVerification !== undefined && { ageVerification: result.ageVerification }),
        ...(result.placeVerification !== undefined && {
          placeVerification: result.placeVerification,
        }),
        ...(result.documentValidity !== undefined && { documentValidity: result.documentValidity }),
        operationsAllowedByUser: result.operationsAllowedByUser,
      };
    }
  }
}

import type { AuthenticationResult } from '../authentication-result.js';
import type { ChatRight } from '../cvc/chat.js';
import type { OperationName, RequestedOperations } from '../operations.js';
import { operationAccess } from '../request/plan.js';
import type { CardAnswers } from './card-readout.js';

/**
 * The result an eService reads: what the card answered, and for each operation it asked for
 * whether the citizen allowed it (TR-03130 OperationsAllowedByUser).
 */
export function successResult(
  requested: RequestedOperations,
  granted: ReadonlySet<ChatRight>,
  answers: CardAnswers,
): AuthenticationResult {
  const operationsAllowedByUser: RequestedOperations = {};
  for (const [operation, selection] of Object.entries(requested) as [OperationName, string][]) {
    if (selection === 'PROHIBITED') continue;
    const access = Object.hasOwn(operationAccess, operation)
      ? operationAccess[operation as keyof typeof operationAccess]
      : undefined;
    operationsAllowedByUser[operation] =
      access && granted.has(access.right) ? 'ALLOWED' : 'PROHIBITED';
  }
  const { verified } = answers;
  return {
    personalData: answers.personalData,
    ...(answers.restrictedId !== undefined && { restrictedId: answers.restrictedId }),
    ...(verified.age !== undefined && { ageVerification: verified.age }),
    ...(verified.place !== undefined && { placeVerification: verified.place }),
    ...(verified.validity !== undefined && { documentValidity: verified.validity }),
    operationsAllowedByUser,
  };
}

import type { AuthenticationResult, OperationsAllowedByUser } from '../authentication-result.js';
import type { ChatRight } from '../cvc/chat.js';
import type { OperationName, RequestedOperations } from '../operations.js';
import { accessFor } from '../request/plan.js';
import type { CardAnswers } from './card-readout.js';

/**
 * The result an eService reads: what the card answered, and for each operation it asked for
 * whether the citizen allowed it (TR-03130 OperationsAllowedByUser: ALLOWED, NOTONCHIP when the
 * card holds no such value, absent when the citizen deselected it).
 */
export function successResult(
  requested: RequestedOperations,
  granted: ReadonlySet<ChatRight>,
  answers: CardAnswers,
): AuthenticationResult {
  const operationsAllowedByUser: OperationsAllowedByUser = {};
  for (const [operation, selection] of Object.entries(requested) as [OperationName, string][]) {
    const access = accessFor(operation);
    if (selection === 'PROHIBITED' || access === undefined || !granted.has(access.right)) continue;
    const onChip =
      access.dataGroup === undefined ||
      answers.personalData[operation as keyof typeof answers.personalData] !== undefined;
    operationsAllowedByUser[operation] = onChip ? 'ALLOWED' : 'NOTONCHIP';
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

import { successCodes, type OutcomeCode } from '@sidbox/protocol';

/** Outcomes after which starting the PIN change (again) is the citizen's next step. */
const pinChangeNext: readonly OutcomeCode[] = [
  'wrong-pin',
  'wrong-can',
  'wrong-puk',
  'pin-suspended',
  'pin-blocked',
  'transport-pin-required',
  'card-removed',
  'timeout',
  'eid-client-crashed',
];

export interface OutcomeAdvice {
  success: boolean;
  /** Offer "change the PIN" as the next step. */
  offerPinChange: boolean;
}

export function outcomeAdvice(code: OutcomeCode): OutcomeAdvice {
  return { success: successCodes.includes(code), offerPinChange: pinChangeNext.includes(code) };
}

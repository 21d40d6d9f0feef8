import { z } from 'zod';

/**
 * Stable outcome codes of an eID workflow. The kiosk UI shows `eid.outcome.<code>` from the
 * i18n catalogue; raw BSI result URIs never reach a citizen.
 */
export const outcomeCodes = [
  'auth-success',
  'pin-changed',
  'cancelled',
  'timeout',
  'wrong-pin',
  'wrong-can',
  'wrong-puk',
  'pin-suspended',
  'pin-blocked',
  'transport-pin-required',
  'eid-deactivated',
  'card-inoperative',
  'card-expired',
  'card-removed',
  'no-reader',
  'provider-unreachable',
  'provider-error',
  'invalid-request',
  'eid-client-crashed',
  'eid-error',
] as const;

export const OutcomeCode = z.enum(outcomeCodes);
export type OutcomeCode = z.infer<typeof OutcomeCode>;

export const successCodes: readonly OutcomeCode[] = ['auth-success', 'pin-changed'];

export const WorkflowKind = z.enum(['auth', 'change-pin']);
export type WorkflowKind = z.infer<typeof WorkflowKind>;

/** What AusweisApp reported, for support and logs; never shown to a citizen. */
export const OutcomeDetail = z.object({
  major: z.string().optional(),
  minor: z.string().optional(),
  reason: z.string().optional(),
});

export const Outcome = z.object({
  workflow: WorkflowKind,
  code: OutcomeCode,
  ok: z.boolean(),
  /** i18n key of the citizen-facing message: `eid.outcome.<code>`. */
  messageKey: z.string(),
  /** Where the browser goes next: refresh address on success, error address otherwise. */
  url: z.string().optional(),
  /** PIN tries left when the workflow ended, where known. */
  retryCounter: z.number().int().optional(),
  /** Set for every outcome produced with the training card. */
  training: z.boolean(),
  detail: OutcomeDetail.optional(),
});
export type Outcome = z.infer<typeof Outcome>;

export function outcomeMessageKey(code: OutcomeCode): string {
  return `eid.outcome.${code}`;
}

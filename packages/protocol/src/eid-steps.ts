import { z } from 'zod';
import { Outcome, WorkflowKind } from './outcomes.js';

/** A card reader as the kiosk UI sees it. */
export const ReaderView = z.object({
  name: z.string(),
  attached: z.boolean(),
  keypad: z.boolean(),
  insertable: z.boolean(),
  card: z
    .object({
      deactivated: z.boolean(),
      inoperative: z.boolean(),
      retryCounter: z.number().int().nullable(),
    })
    .nullable(),
  training: z.boolean(),
});
export type ReaderView = z.infer<typeof ReaderView>;

/** The service provider asking for data, from its authorization certificate. */
export const ProviderView = z.object({
  subjectName: z.string(),
  subjectUrl: z.string(),
  issuerName: z.string(),
  issuerUrl: z.string(),
  purpose: z.string(),
  termsOfUsage: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
});
export type ProviderView = z.infer<typeof ProviderView>;

const entry = { workflow: WorkflowKind, training: z.boolean() };

/**
 * The step an eID workflow waits in: what the kiosk UI shows. Serializable, never carries
 * a PIN, CAN or PUK.
 */
export const EidStep = z.discriminatedUnion('step', [
  z.object({ ...entry, step: z.literal('starting') }),
  z.object({
    ...entry,
    step: z.literal('access-rights'),
    provider: ProviderView.nullable(),
    required: z.array(z.string()),
    optional: z.array(z.string()),
    effective: z.array(z.string()),
    transactionInfo: z.string().optional(),
    requiredAge: z.number().int().optional(),
  }),
  z.object({
    ...entry,
    step: z.literal('insert-card'),
    readers: z.array(ReaderView),
    /** The card in the reader cannot be used: deactivated eID function, unknown card … */
    problem: z.enum(['eid-deactivated', 'unknown-card']).optional(),
  }),
  z.object({
    ...entry,
    step: z.literal('enter-pin'),
    keypad: z.boolean(),
    retryCounter: z.number().int().nullable(),
    /** Digits accepted: 6 for authentication; 5 (transport PIN) or 6 when changing the PIN. */
    minDigits: z.number().int(),
    maxDigits: z.number().int(),
    lastAttemptWrong: z.boolean(),
  }),
  z.object({
    ...entry,
    step: z.literal('enter-can'),
    keypad: z.boolean(),
    lastAttemptWrong: z.boolean(),
  }),
  z.object({
    ...entry,
    step: z.literal('enter-puk'),
    keypad: z.boolean(),
    lastAttemptWrong: z.boolean(),
  }),
  z.object({ ...entry, step: z.literal('enter-new-pin'), keypad: z.boolean() }),
  z.object({ ...entry, step: z.literal('working'), progress: z.number().int().nullable() }),
  z.object({ ...entry, step: z.literal('done'), outcome: Outcome }),
]);
export type EidStep = z.infer<typeof EidStep>;
export type EidStepName = EidStep['step'];

import { z } from 'zod';
import { SessionState } from './control.js';
import { EidStep } from './eid-steps.js';
import { SurveyResponse } from './survey.js';
import { Branding, LanguageTag, ServiceCategory, Slug } from './terminal-config.js';

/** A service tile as the kiosk UI shows it. */
export const KioskService = z.object({
  id: Slug,
  title: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  category: ServiceCategory,
  eid: z.boolean(),
});
export type KioskService = z.infer<typeof KioskService>;

/**
 * Everything the kiosk UI renders, pushed by the daemon as a whole on every change (SSE
 * `view` events). Never carries a PIN, CAN or PUK.
 */
export const KioskView = z.object({
  state: SessionState,
  services: z.array(KioskService),
  languages: z.array(LanguageTag),
  branding: Branding,
  training: z.boolean(),
  /** Set in `warning`: epoch milliseconds when the session will be wiped. */
  warningDeadline: z.number().nullable(),
  /** The eID step the citizen is in, while a workflow runs. */
  eid: EidStep.nullable(),
  /** A card is still in the reader after the session ended: "Karte nicht vergessen". */
  cardReminder: z.boolean(),
});
export type KioskView = z.infer<typeof KioskView>;

const digits = z.string().regex(/^[0-9]{1,12}$/, 'digits');

/** What the kiosk UI asks the daemon to do (POST /api/action, one object). */
export const KioskAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('end') }),
  z.strictObject({ type: z.literal('home') }),
  z.strictObject({ type: z.literal('open'), serviceId: Slug }),
  z.strictObject({ type: z.literal('activity') }),
  z.strictObject({ type: z.literal('eid-accept') }),
  z.strictObject({ type: z.literal('eid-insert-card'), reader: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('eid-pin'), value: digits.optional() }),
  z.strictObject({ type: z.literal('eid-can'), value: digits.optional() }),
  z.strictObject({ type: z.literal('eid-puk'), value: digits.optional() }),
  /** Sent once the UI has checked the double entry; a mismatch never leaves the UI. */
  z.strictObject({ type: z.literal('eid-new-pin'), value: digits.optional() }),
  z.strictObject({ type: z.literal('eid-cancel') }),
  /** Fast Lane: change the PIN (or set one from the transport PIN) on the card in the reader. */
  z.strictObject({ type: z.literal('change-pin') }),
  /** The citizen survey; the daemon adds id, time and training flag. */
  z.strictObject({
    type: z.literal('survey'),
    answers: SurveyResponse.shape.answers,
    comment: SurveyResponse.shape.comment,
  }),
]);
export type KioskAction = z.infer<typeof KioskAction>;
/** An action as the kiosk UI sends it: survey statements left out count as "no-answer". */
export type KioskActionInput = z.input<typeof KioskAction>;

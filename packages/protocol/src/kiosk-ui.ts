import { z } from 'zod';
import { SessionState } from './control.js';
import { EidStep } from './eid-steps.js';
import { DeviceSummary } from './heartbeat.js';
import { PhoneCheckState } from './phone-check.js';
import { SurveyResponse } from './survey.js';
import { Branding, LanguageTag, ServiceCategory, Slug, SmartphoneApp } from './terminal-config.js';

/** A service tile as the kiosk UI shows it. */
export const KioskService = z.object({
  id: Slug,
  title: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  category: ServiceCategory,
  eid: z.boolean(),
  /** "Online-Ausweis testen": offered right after a PIN change. */
  selfCheck: z.boolean(),
});
export type KioskService = z.infer<typeof KioskService>;

/** Text sizes the citizen can choose: 100 %, 150 %, 200 % (WCAG 1.4.4). */
export const textScales = [1, 1.5, 2] as const;
export const TextScale = z.union([z.literal(1), z.literal(1.5), z.literal(2)]);
export type TextScale = z.infer<typeof TextScale>;

/** A training card staff can "insert" (packages/eid training scenarios), in de and en. */
export const TrainingScenarioView = z.object({
  id: Slug,
  title: z.object({ de: z.string(), en: z.string() }),
  description: z.object({ de: z.string(), en: z.string() }),
  /** What is printed on the card and PIN letter, e.g. "PIN 123456, CAN 654321, PUK …". */
  cardValues: z.string(),
});
export type TrainingScenarioView = z.infer<typeof TrainingScenarioView>;

/**
 * The staff menu (long press on the reset button): first the staff PIN, then the menu. Never
 * a shell; only training mode, the training card and diagnostics.
 */
export const StaffView = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('pin'), wrong: z.boolean() }),
  z.object({ stage: z.literal('menu'), devices: DeviceSummary.nullable() }),
]);
export type StaffView = z.infer<typeof StaffView>;

/**
 * "Ihr Smartphone einrichten" on the kiosk: the one-time QR code and how far the phone got.
 * `creating` while the terminal asks the eID-Server, `unavailable` when it could not (the
 * screen says so and offers to try again); the rest are the eID-Server's states. Never any
 * data of the card: the terminal does not get them.
 */
export const PhoneSetupCheck = z.object({
  state: z.union([PhoneCheckState, z.enum(['creating', 'unavailable'])]),
  /** What the QR code encodes, once the eID-Server answered. */
  link: z.string().nullable(),
  /** Epoch milliseconds until when the link can be opened. */
  expiresAt: z.number().nullable(),
});
export type PhoneSetupCheck = z.infer<typeof PhoneSetupCheck>;

export const PhoneSetupView = z.object({
  /** The terminal knows its association's eID-Server, so it can offer the phone check. */
  offered: z.boolean(),
  /** The check on the screen, or null. */
  check: PhoneSetupCheck.nullable(),
});
export type PhoneSetupView = z.infer<typeof PhoneSetupView>;

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
  /** The citizen's language for this session (kiosk pages and the kiosk bar on service pages). */
  language: LanguageTag,
  /** The citizen's text size for this session. */
  textScale: TextScale,
  /** Smartphone apps offered as QR codes (the AusweisApp's store links come from the UI). */
  apps: z.array(SmartphoneApp),
  /** No card reader is attached (never in training mode): "Kartenleser nicht verbunden". */
  readerMissing: z.boolean(),
  /** Training mode: the cards staff can insert, and the one in the training reader. */
  trainingScenarios: z.array(TrainingScenarioView),
  trainingScenario: Slug.nullable(),
  /** The read-aloud button works (a local speech synthesizer is installed). */
  speech: z.boolean(),
  /** The staff menu is open (over every other screen), or null. */
  staff: StaffView.nullable(),
  /** "Ihr Smartphone einrichten". */
  phoneSetup: PhoneSetupView,
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
  /** Consent; `deselect` names optional data the citizen does not want to give. */
  z.strictObject({
    type: z.literal('eid-accept'),
    deselect: z.array(z.string().min(1).max(40)).max(20).optional(),
  }),
  z.strictObject({ type: z.literal('eid-insert-card'), reader: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('eid-pin'), value: digits.optional() }),
  z.strictObject({ type: z.literal('eid-can'), value: digits.optional() }),
  z.strictObject({ type: z.literal('eid-puk'), value: digits.optional() }),
  /** Sent once the UI has checked the double entry; a mismatch never leaves the UI. */
  z.strictObject({ type: z.literal('eid-new-pin'), value: digits.optional() }),
  z.strictObject({ type: z.literal('eid-cancel') }),
  /** Fast Lane: change the PIN (or set one from the transport PIN) on the card in the reader. */
  z.strictObject({ type: z.literal('change-pin') }),
  z.strictObject({ type: z.literal('language'), language: LanguageTag }),
  z.strictObject({ type: z.literal('text-size'), scale: TextScale }),
  /** Back: one page back on a service page; the kiosk UI handles its own screens. */
  z.strictObject({ type: z.literal('back') }),
  /** Read aloud the visible text of the current screen (never a PIN: the pad shows dots). */
  z.strictObject({ type: z.literal('speak'), text: z.string().min(1).max(4000) }),
  z.strictObject({ type: z.literal('speak-stop') }),
  /** Training mode: the training card staff put in the reader. */
  z.strictObject({ type: z.literal('training-scenario'), scenario: Slug }),
  z.strictObject({ type: z.literal('staff-pin'), value: digits }),
  z.strictObject({ type: z.literal('staff-training'), on: z.boolean() }),
  z.strictObject({ type: z.literal('staff-close') }),
  /** A new one-time phone check (again: the one before is forgotten). */
  z.strictObject({ type: z.literal('phone-check') }),
  /** The phone screen was left: the check is forgotten. */
  z.strictObject({ type: z.literal('phone-check-close') }),
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

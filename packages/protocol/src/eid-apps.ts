import { z } from 'zod';
import { LocalizedText, Slug } from './terminal-config.js';

/**
 * A member's own eID use case, configured in the hub and run on the association's eID-Server:
 * a registration form, door access by pseudonym, or an age check.
 */
export const eidAppKinds = ['form', 'access', 'age'] as const;
export const EidAppKind = z.enum(eidAppKinds);
export type EidAppKind = z.infer<typeof EidAppKind>;

/** Card data a registration form may be prefilled with (TR-03130 operation names). */
export const formCardData = [
  'academicTitle',
  'givenNames',
  'familyNames',
  'birthName',
  'dateOfBirth',
  'placeOfBirth',
  'nationality',
  'placeOfResidence',
] as const;
export const FormCardData = z.enum(formCardData);
export type FormCardData = z.infer<typeof FormCardData>;

export const formFieldTypes = ['text', 'textarea', 'date', 'number', 'email'] as const;

/** A field the member adds to its form, which the citizen fills in at the terminal. */
export const FormField = z.strictObject({
  id: Slug.describe('Stable name of the field.'),
  label: LocalizedText(80).describe('Label per language.'),
  type: z.enum(formFieldTypes).default('text'),
  required: z.boolean().default(false),
});
export type FormField = z.infer<typeof FormField>;

/** Printed at the terminal, or handed over once to the reception's screen. */
export const FormOutput = z.enum(['print', 'handover']);
export type FormOutput = z.infer<typeof FormOutput>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as "07:30"');

/** Days 1 (Monday) to 7 (Sunday), from–to local time of the association (end exclusive). */
export const AccessWindow = z
  .strictObject({
    days: z.array(z.int().min(1).max(7)).min(1).max(7),
    from: clockTime,
    to: clockTime,
  })
  .refine((window) => window.from < window.to, { message: '"from" must be before "to"' });
export type AccessWindow = z.infer<typeof AccessWindow>;

export const EidAppSettings = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('form'),
    cardData: z.array(FormCardData).min(1).max(formCardData.length),
    fields: z.array(FormField).max(20).default([]),
    output: FormOutput.default('print'),
  }),
  z.strictObject({ kind: z.literal('access') }),
  z.strictObject({ kind: z.literal('age'), minimumAge: z.int().min(1).max(99) }),
]);
export type EidAppSettings = z.infer<typeof EidAppSettings>;

/** An app's id; on a terminal it becomes the service `app-<id>`, a slug of at most 63. */
export const EidAppId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,58}$/, 'lower-case letters, digits and dashes, at most 59');

/** The kiosk service id of an app. */
export const eidAppServiceId = (appId: string) => `app-${appId}`;

/** What an admin sends to create or change an app. */
export const EidAppInput = z.strictObject({
  id: EidAppId,
  title: LocalizedText(80),
  purpose: LocalizedText(200).describe(
    'Why the member asks: on the kiosk tile and before consent.',
  ),
  settings: EidAppSettings,
});
export type EidAppInput = z.infer<typeof EidAppInput>;

export const EidApp = EidAppInput.extend({
  organisationId: z.uuid(),
  archived: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type EidApp = z.infer<typeof EidApp>;

/** What the eID-Server pulls from the hub: every active app, with its member. */
export const EidServerAppsResponse = z.strictObject({ apps: z.array(EidApp) });
export type EidServerAppsResponse = z.infer<typeof EidServerAppsResponse>;

/** SHA-256 of the sector pseudonym, hex: all that leaves the eID-Server about a person. */
export const PseudonymHash = z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits');

/** The eID-Server reports the pseudonym of a person who registered with a code at a terminal. */
export const AccessRegistrationRequest = z.strictObject({
  appId: EidAppId,
  code: z.string().regex(/^[A-Z0-9]{8}$/, 'eight letters or digits'),
  pseudonymHash: PseudonymHash,
});
export type AccessRegistrationRequest = z.infer<typeof AccessRegistrationRequest>;

export const AccessRegistrationResponse = z.strictObject({
  label: z.string(),
  windows: z.array(AccessWindow),
});
export type AccessRegistrationResponse = z.infer<typeof AccessRegistrationResponse>;

export const accessReasons = [
  'granted',
  'unknown',
  'revoked',
  'outside-window',
  'app-inactive',
] as const;
export const AccessReason = z.enum(accessReasons);
export type AccessReason = z.infer<typeof AccessReason>;

/** An access point asks the hub; the decision id makes the audit entry idempotent. */
export const AccessDecisionRequest = z.strictObject({
  decisionId: z.uuid(),
  pseudonymHash: PseudonymHash,
  at: z.iso.datetime({ offset: true }),
});
export type AccessDecisionRequest = z.infer<typeof AccessDecisionRequest>;

export const AccessDecision = z.strictObject({
  decisionId: z.uuid(),
  granted: z.boolean(),
  reason: AccessReason,
});
export type AccessDecision = z.infer<typeof AccessDecision>;

/** Decisions an access point made from its cached list while the hub was unreachable. */
export const OfflineDecisionsRequest = z.strictObject({
  decisions: z
    .array(
      AccessDecision.extend({
        pseudonymHash: PseudonymHash,
        at: z.iso.datetime({ offset: true }),
      }),
    )
    .max(1000),
});
export type OfflineDecisionsRequest = z.infer<typeof OfflineDecisionsRequest>;

export const OfflineDecisionsResponse = z.strictObject({
  recorded: z.int().min(0).describe('New audit entries.'),
  duplicates: z.int().min(0).describe('Decisions the hub had already recorded.'),
});
export type OfflineDecisionsResponse = z.infer<typeof OfflineDecisionsResponse>;

/** The payload of the hub-signed allowlist an access point caches for when the hub is down. */
export const AccessAllowlist = z.strictObject({
  appId: EidAppId,
  pointId: z.uuid(),
  issuedAt: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1).describe('IANA zone the windows are in, e.g. "Europe/Berlin".'),
  entries: z.array(
    z.strictObject({ pseudonymHash: PseudonymHash, windows: z.array(AccessWindow) }),
  ),
});
export type AccessAllowlist = z.infer<typeof AccessAllowlist>;

export const SignedAllowlistResponse = z.strictObject({
  jws: z.string().describe('Compact JWS (EdDSA, typ sidbox-access-allowlist+jws).'),
  keyChain: z
    .array(z.string())
    .default([])
    .describe("The hub's key introductions, oldest first, to follow a key rotation."),
});
export type SignedAllowlistResponse = z.infer<typeof SignedAllowlistResponse>;

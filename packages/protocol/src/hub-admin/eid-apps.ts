import { z } from 'zod';
import { AccessReason, AccessWindow, EidApp, EidAppInput } from '../eid-apps.js';
import { TerminalCredential } from '../heartbeat.js';

/** What an admin sends to create an app; the association admin names the member. */
export const CreateEidAppBody = EidAppInput.extend({
  organisationId: z
    .uuid()
    .optional()
    .describe('The member the app belongs to; member admins may omit it (their own).'),
});
export type CreateEidAppBody = z.infer<typeof CreateEidAppBody>;

/** What an admin sends to change an app; its id and member stay. */
export const UpdateEidAppBody = EidAppInput.omit({ id: true });
export type UpdateEidAppBody = z.infer<typeof UpdateEidAppBody>;

export const EidAppListResponse = z.strictObject({
  apps: z.array(EidApp),
  eidServerOrigin: z
    .url()
    .nullable()
    .describe(
      "Where the apps run: a hand-over form's reception page is <origin>/apps/<id>/handover.",
    ),
});
export type EidAppListResponse = z.infer<typeof EidAppListResponse>;

export const EidAppResponse = z.strictObject({ app: EidApp });
export type EidAppResponse = z.infer<typeof EidAppResponse>;

const Label = z.string().trim().min(1).max(80).describe('Who this is, as the admin names them.');

/** A person's label and the times their card opens the door (none: any time). */
export const AccessGrantBody = z.strictObject({
  label: Label,
  windows: z.array(AccessWindow).max(20).default([]),
});
export type AccessGrantBody = z.input<typeof AccessGrantBody>;

/** A one-time registration code handed to a person, who registers with it at a terminal. */
export const AccessRegistration = z.strictObject({
  id: z.uuid(),
  label: z.string(),
  windows: z.array(AccessWindow),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
});
export type AccessRegistration = z.infer<typeof AccessRegistration>;

export const AccessRegistrationListResponse = z.strictObject({
  registrations: z.array(AccessRegistration),
});
export type AccessRegistrationListResponse = z.infer<typeof AccessRegistrationListResponse>;

/** The code is shown only here, once; the hub keeps its SHA-256. */
export const AccessRegistrationCreatedResponse = z.strictObject({
  registration: AccessRegistration,
  code: z.string().regex(/^[A-Z0-9]{8}$/),
  expiresAt: z.iso.datetime(),
});
export type AccessRegistrationCreatedResponse = z.infer<typeof AccessRegistrationCreatedResponse>;

/** A registered person: a pseudonym hash (never shown), a label and windows. */
export const RegisteredPerson = z.strictObject({
  id: z.uuid(),
  label: z.string(),
  windows: z.array(AccessWindow),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type RegisteredPerson = z.infer<typeof RegisteredPerson>;

export const RegisteredPersonListResponse = z.strictObject({ persons: z.array(RegisteredPerson) });
export type RegisteredPersonListResponse = z.infer<typeof RegisteredPersonListResponse>;

export const RegisteredPersonResponse = z.strictObject({ person: RegisteredPerson });
export type RegisteredPersonResponse = z.infer<typeof RegisteredPersonResponse>;

export const AccessPointBody = z.strictObject({
  name: z.string().trim().min(1).max(80).describe('Where the point is, e.g. "Side door".'),
});
export type AccessPointBody = z.infer<typeof AccessPointBody>;

/** A door's reader; it authenticates with a bearer token shown once at creation. */
export const AccessPoint = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type AccessPoint = z.infer<typeof AccessPoint>;

export const AccessPointListResponse = z.strictObject({ accessPoints: z.array(AccessPoint) });
export type AccessPointListResponse = z.infer<typeof AccessPointListResponse>;

export const AccessPointResponse = z.strictObject({ accessPoint: AccessPoint });
export type AccessPointResponse = z.infer<typeof AccessPointResponse>;

/**
 * The new point, and what its access.yaml needs from the hub that a member admin cannot read
 * elsewhere (the signing keys are the association's to list).
 */
export const AccessPointCreatedResponse = z.strictObject({
  accessPoint: AccessPoint,
  token: z.string().describe("The point's bearer token; shown only now, the hub keeps its hash."),
  hubUrl: z.url().describe('Where terminals and access points reach the hub: hub.url.'),
  trustAnchor: TerminalCredential.shape.configSigningKey.describe(
    "The hub's current configuration signing key (public JWK): the access.yaml's hub.trustAnchor.",
  ),
  eidServerOrigin: z
    .url()
    .describe("The association's eID-Server (the hub's eidServer option): eidServer.origin."),
});
export type AccessPointCreatedResponse = z.infer<typeof AccessPointCreatedResponse>;

/** One entry of an access app's audit log. */
export const AccessDecisionEntry = z.strictObject({
  decisionId: z.uuid(),
  pointId: z.uuid(),
  pointName: z.string(),
  personId: z.uuid().nullable(),
  personLabel: z.string().nullable().describe('Null for an unknown card.'),
  granted: z.boolean(),
  reason: AccessReason,
  decidedAt: z.iso.datetime({ offset: true }),
  recordedAt: z.iso.datetime(),
  offline: z
    .boolean()
    .describe('Decided by the point from its signed list while the hub was away.'),
});
export type AccessDecisionEntry = z.infer<typeof AccessDecisionEntry>;

export const AccessDecisionListResponse = z.strictObject({
  decisions: z.array(AccessDecisionEntry),
});
export type AccessDecisionListResponse = z.infer<typeof AccessDecisionListResponse>;

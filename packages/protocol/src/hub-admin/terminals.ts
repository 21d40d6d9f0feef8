import { z } from 'zod';
import { Heartbeat, TerminalCredential, TerminalKind } from '../heartbeat.js';
import { LanguageTag, Slug, TerminalConfigContent } from '../terminal-config.js';

/** Where a terminal stands; the preset picks its first service selection and idle timeout. */
export const targetGroupPresets = [
  'citizen-office',
  'car-dealer',
  'hotel',
  'university',
  'doctor',
  'law-firm',
  'financial-advisor',
  'club',
] as const;
export const TargetGroupPreset = z.enum(targetGroupPresets);
export type TargetGroupPreset = z.infer<typeof TargetGroupPreset>;

/** A terminal as the admin API shows it: settings and health. */
export const AdminTerminal = z.strictObject({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  location: z.string(),
  kind: TerminalKind,
  preset: TargetGroupPreset,
  training: z.boolean(),
  languages: z.array(LanguageTag),
  revoked: z.boolean(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  online: z.boolean().describe('The last heartbeat is recent.'),
  lastHeartbeat: Heartbeat.nullable().describe('As the terminal sent it; null before the first.'),
});
export type AdminTerminal = z.infer<typeof AdminTerminal>;

export const TerminalListResponse = z.strictObject({ terminals: z.array(AdminTerminal) });
export type TerminalListResponse = z.infer<typeof TerminalListResponse>;

export const TerminalResponse = z.strictObject({ terminal: AdminTerminal });
export type TerminalResponse = z.infer<typeof TerminalResponse>;

/** Shown once: the hub keeps only the public half of the terminal's key. */
export const CredentialResponse = z.strictObject({ credential: TerminalCredential });
export type CredentialResponse = z.infer<typeof CredentialResponse>;

export const EnrolledTerminalResponse = z.strictObject({
  terminal: AdminTerminal,
  credential: TerminalCredential,
});
export type EnrolledTerminalResponse = z.infer<typeof EnrolledTerminalResponse>;

export const ConfigPreviewResponse = z.strictObject({ config: TerminalConfigContent });
export type ConfigPreviewResponse = z.infer<typeof ConfigPreviewResponse>;

export const ServiceSelectionResponse = z.strictObject({
  serviceIds: z.array(Slug).describe('Selected services in display order.'),
});
export type ServiceSelectionResponse = z.infer<typeof ServiceSelectionResponse>;

import { z } from 'zod';

/** One admin change; details describe it, never a password or a key. */
export const AuditEntry = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  action: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditLogResponse = z.strictObject({ entries: z.array(AuditEntry) });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;

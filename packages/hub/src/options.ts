import { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import { Origin } from '@sidbox/protocol';
import { defaultTelemetryRetentionDays } from './telemetry/retention.js';

/** 32 bytes in standard base64 (44 characters, one `=` of padding). */
const kekText = /^[A-Za-z0-9+/]{43}=$/;

const knownTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** How the hub is started; validated at start with a readable list of problems. */
export const HubOptions = z
  .object({
    port: z.number().int().min(0).max(65_535).describe('TCP port; 0 picks a free one.'),
    host: z.string().min(1).default('127.0.0.1').describe('Interface to listen on.'),
    dataDir: z.string().min(1).optional().describe('Directory of the SQLite file.'),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional()
      .describe('PostgreSQL instead of SQLite.'),
    databaseSchema: z.string().optional().describe('PostgreSQL schema (tests use one each).'),
    publicUrl: z
      .url()
      .optional()
      .describe('URL terminals use to reach the hub; default: the listening URL.'),
    loginAttemptsPerMinute: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Login rate limit per client.'),
    telemetryRetentionDays: z
      .number()
      .int()
      .min(1)
      .default(defaultTelemetryRetentionDays)
      .describe('Days raw telemetry events are kept; older ones are folded into daily counts.'),
    trustProxy: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Addresses (or CIDR ranges) of reverse proxies in front; their X-Forwarded-For names the client.',
      ),
    uiDir: z
      .union([z.string().min(1), z.literal(false)])
      .optional()
      .describe('Built admin UI to serve at /; default: @sidbox/hub-ui/dist; false: none.'),
    eidServer: z
      .strictObject({
        origin: Origin.describe("The association's eID-Server, where members' apps run."),
        apiKey: z
          .string()
          .min(16, 'at least 16 characters')
          .describe('Bearer key the eID-Server presents to the hub.'),
      })
      .optional()
      .describe("Members' eID apps; without it none can be created."),
    timeZone: z
      .string()
      .refine(knownTimeZone, 'an IANA time zone such as "Europe/Berlin"')
      .default('Europe/Berlin')
      .describe('Time zone of access windows.'),
    keyEncryptionKey: z
      .string()
      .regex(kekText, 'base64 of 32 random bytes (sidbox hub generate-kek <file>)')
      .optional()
      .describe(
        'Key-encryption key (base64, 32 bytes) that seals the signing keys in the database; ' +
          'without it they stay unencrypted (tests, embedded use only).',
      ),
    previousKeyEncryptionKeys: z
      .array(z.string().regex(kekText, 'base64 of 32 random bytes'))
      .default([])
      .describe('Earlier key-encryption keys: read, and their keys re-sealed with the new one.'),
    logger: z
      .custom<FastifyBaseLogger | false>()
      .optional()
      .describe('pino logger, or false for none.'),
  })
  .refine((o) => o.dataDir || o.databaseUrl, 'either dataDir or databaseUrl is required')
  // Keys opened with a previous KEK must be sealed with a current one, never stored in plaintext.
  .refine(
    (o) => o.keyEncryptionKey || o.previousKeyEncryptionKeys.length === 0,
    'previousKeyEncryptionKeys need a keyEncryptionKey',
  );
export type HubOptions = z.input<typeof HubOptions>;

export function parseHubOptions(input: HubOptions) {
  const parsed = HubOptions.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  ${i.path.join('.') || 'options'}: ${i.message}`,
    );
    throw new Error(`hub: invalid options\n${problems.join('\n')}`);
  }
  return parsed.data;
}

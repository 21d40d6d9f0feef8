import { z } from 'zod';

const shortText = z.string().trim().min(1).max(64);

export const terminalKinds = ['basic', 'comfort'] as const;
export const TerminalKind = z.enum(terminalKinds);
export type TerminalKind = z.infer<typeof TerminalKind>;

/** One device as `sidbox ctl devices --json` and the heartbeat show it; no personal data. */
export const DeviceState = z.strictObject({
  device: z.string().min(1).max(64).describe('Configured name, e.g. "mat-controller", "printer".'),
  kind: z.enum(['input', 'card-reader', 'printer', 'scanner']),
  status: z.enum(['starting', 'ok', 'unplugged', 'missing', 'stopped', 'unavailable']),
  detail: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
    .optional()
    .describe('Staff-facing specifics: reader names, grab result, printer problem.'),
});
export type DeviceState = z.infer<typeof DeviceState>;

/** Every configured device with its state; `healthy` when all are ok. */
export const DeviceSummary = z.strictObject({
  healthy: z.boolean(),
  /** A configured contact mat is not there: sessions end by idle timeout only. */
  matFallback: z.boolean(),
  devices: z.array(DeviceState).max(16),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** What a terminal reports about itself every minute; facts about the device, none about people. */
export const Heartbeat = z.strictObject({
  configVersion: z
    .number()
    .int()
    .min(0)
    .describe('Version of the configuration the terminal runs.'),
  softwareVersion: shortText.describe('SIDbox version on the stick.'),
  ausweisAppVersion: shortText.optional().describe('AusweisApp version, when it is running.'),
  readerAttached: z.boolean().describe('A card reader is attached.'),
  lastSessionAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When the last citizen session ended.'),
  blockedNavigations: z
    .number()
    .int()
    .min(0)
    .describe('Navigations the policy blocked since the terminal started.'),
  browserPolicyEnforced: z
    .boolean()
    .optional()
    .describe("Chromium reads the daemon's managed policy; false: request interception only."),
  device: z
    .strictObject({
      kind: TerminalKind.describe('Basic, or comfort with printer and scanner.'),
      printer: z.boolean().describe('A printer is ready.'),
      scanner: z.boolean().describe('A scanner is ready.'),
      uptimeSeconds: z.number().int().min(0).describe('Seconds since boot.'),
    })
    .describe('Summary of the device.'),
  devices: DeviceSummary.optional().describe(
    'State of every configured peripheral (same as `sidbox ctl devices --json`).',
  ),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/** The file an admin downloads when enrolling a terminal; it goes onto the stick, once. */
export const TerminalCredential = z.strictObject({
  terminalId: z.uuid(),
  hubUrl: z.url({ protocol: /^https?$/ }),
  /** The terminal's Ed25519 private key (JWK, OKP). The hub keeps only the public half. */
  terminalKey: z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    d: z.string(),
  }),
  /** The hub's config-signing public key (JWK); the start of the key chain. */
  configSigningKey: z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    kid: z.string().optional(),
  }),
});
export type TerminalCredential = z.infer<typeof TerminalCredential>;

import { z } from 'zod';
import { EidStep, type EidStepName } from './eid-steps.js';
import { DeviceSummary } from './heartbeat.js';
import { WorkflowKind } from './outcomes.js';
import { Slug } from './terminal-config.js';

/** The session states of a terminal, as the control socket and the kiosk UI report them. */
export const SessionState = z.enum(['idle', 'active', 'warning', 'wiping']);
export type SessionState = z.infer<typeof SessionState>;

/** Hardware inputs (contact mat, reset button) and citizen activity, as adapters report them. */
export const TerminalInput = z.enum(['mat-on', 'mat-off', 'reset-button', 'activity']);
export type TerminalInput = z.infer<typeof TerminalInput>;

/** One request on the control socket: one JSON object per line. */
export const ControlRequest = z.discriminatedUnion('cmd', [
  z.strictObject({ cmd: z.literal('status') }),
  z.strictObject({ cmd: z.literal('session'), action: z.enum(['start', 'end']) }),
  z.strictObject({ cmd: z.literal('open'), serviceId: Slug }),
  z.strictObject({ cmd: z.literal('input'), input: TerminalInput }),
  z.strictObject({ cmd: z.literal('screenshot') }),
  z.strictObject({ cmd: z.literal('devices') }),
]);
export type ControlRequest = z.infer<typeof ControlRequest>;

/** What `sidbox ctl status --json` prints. */
export const TerminalStatus = z.strictObject({
  state: SessionState,
  /** Random id of the running session; null between sessions. */
  sessionId: z.string().nullable(),
  /** When the terminal entered `state`. */
  since: z.iso.datetime({ offset: true }),
  /** Top-level page of the kiosk browser. */
  url: z.string(),
  eid: z.strictObject({
    workflow: WorkflowKind.nullable(),
    step: z
      .enum(EidStep.options.map((o) => o.shape.step.value) as [EidStepName, ...EidStepName[]])
      .nullable(),
  }),
  training: z.boolean(),
  /** Navigations, popups, downloads and escape gestures refused since the daemon started. */
  blockedNavigations: z.number().int().nonnegative(),
  browser: z.strictObject({
    /**
     * Chromium reads the daemon's managed policy (URL allowlist, no downloads, no dev tools).
     * False: only the daemon's request interception guards the browser (no root for a private
     * mount namespace and no writable /etc/chromium/policies/managed).
     */
    policyEnforced: z.boolean(),
  }),
  /** Staff-only device flags; the kiosk UI never shows them to citizens. */
  devices: z.strictObject({
    /** A configured contact mat is unplugged: sessions end by idle timeout only. */
    matFallback: z.boolean(),
    /** Card reader awareness is configured but pcscd sees no reader. */
    readerMissing: z.boolean(),
    /** The reset button was held: the staff menu was asked for (it asks for the staff PIN). */
    staffMenuRequested: z.boolean(),
  }),
});
export type TerminalStatus = z.infer<typeof TerminalStatus>;

export const controlErrorCodes = [
  'bad-request',
  'unknown-service',
  'not-now',
  /** The action belongs to a feature this terminal is built without. */
  'not-offered',
  'browser-failed',
  'internal',
] as const;
export const ControlErrorCode = z.enum(controlErrorCodes);
export type ControlErrorCode = z.infer<typeof ControlErrorCode>;

/** The one reply envelope of the control socket (and of the kiosk UI's action endpoint). */
export const ControlReply = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({ code: ControlErrorCode, message: z.string() }),
  }),
]);
export type ControlReply = z.infer<typeof ControlReply>;

/** Data of a `devices` reply: what `sidbox ctl devices --json` prints. */
export const DevicesData = DeviceSummary;
export type DevicesData = DeviceSummary;

/** Data of a `screenshot` reply: a PNG, base64-encoded. */
export const ScreenshotData = z.strictObject({ png: z.base64() });

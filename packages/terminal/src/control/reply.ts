import type { ControlErrorCode, ControlReply } from '@sidbox/protocol';

/** A request the daemon refuses, with the stable code the reply carries. */
export class ControlError extends Error {
  override readonly name = 'ControlError';

  constructor(
    readonly code: ControlErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const ok = (data: unknown = null): ControlReply => ({ ok: true, data });

export function failure(error: unknown): ControlReply {
  if (error instanceof ControlError) {
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  // Internal failures get a fixed message: details go to the log, not over the wire.
  return { ok: false, error: { code: 'internal', message: 'internal error, see the daemon log' } };
}

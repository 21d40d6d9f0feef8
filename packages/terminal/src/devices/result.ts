/** A device operation's outcome: the value, or a typed failure the UI maps to a message key. */
export type DeviceResult<T, Code extends string> =
  { ok: true; value: T } | { ok: false; error: DeviceError<Code> };

/** A failure named once: `code` for logic, `messageKey` for the citizen/staff text. */
export interface DeviceError<Code extends string> {
  code: Code;
  messageKey: string;
  detail?: string;
}

export const okResult = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const failure = <Code extends string>(
  code: Code,
  messageKey: string,
  detail?: string,
): { ok: false; error: DeviceError<Code> } => ({
  ok: false,
  error: detail === undefined ? { code, messageKey } : { code, messageKey, detail },
});

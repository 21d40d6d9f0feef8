/** Bad command-line input: printed as one line, exit code 2. Never echoes secret values. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

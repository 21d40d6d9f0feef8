/**
 * An error with a stable `code` that callers branch on and a message for logs. Subclasses only
 * name their codes: `class CvcError extends CodedError<CvcErrorCode> {}`. Messages describe
 * what was wrong, never the values (PIN, keys, personal data).
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

import type { MessageKey } from '@sidbox/protocol';
import type { ErrorMessageName } from './messages.js';

/**
 * Everything that can go wrong talking to AusweisApp. `code` is stable (logs, tests, mapping);
 * `messageKey` is the citizen-facing text. Messages name commands, never their values: build
 * them from `describeCommand(...).cmd`, so a PIN, CAN or PUK cannot end up in an error.
 */
export class SdkError extends Error {
  override readonly name: string = 'SdkError';

  constructor(
    readonly code: string,
    message: string,
    readonly messageKey: MessageKey = 'eid.outcome.eid-error',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** AusweisApp refused a command with an error message that echoes our `request`. */
export abstract class SdkReplyError extends SdkError {
  constructor(
    code: ErrorMessageName,
    /** The command that was refused, by name only. */
    readonly command: string,
    /** AusweisApp's `error` text (a command name or a parser message, never a value). */
    readonly detail: string,
  ) {
    super(code, `AusweisApp answered ${command} with ${code}: ${detail}`);
  }
}

/** The command is not allowed in the current workflow state. */
export class BadStateError extends SdkReplyError {
  override readonly name = 'BadStateError';
  constructor(command: string, detail: string) {
    super('BAD_STATE', command, detail);
  }
}

/** AusweisApp could not parse the command. */
export class InvalidMessageError extends SdkReplyError {
  override readonly name = 'InvalidMessageError';
  constructor(command: string, detail: string) {
    super('INVALID', command, detail);
  }
}

/** This AusweisApp version or API level does not know the command. */
export class UnknownCommandError extends SdkReplyError {
  override readonly name = 'UnknownCommandError';
  constructor(command: string, detail: string) {
    super('UNKNOWN_COMMAND', command, detail);
  }
}

export class SdkInternalError extends SdkReplyError {
  override readonly name = 'SdkInternalError';
  constructor(command: string, detail: string) {
    super('INTERNAL_ERROR', command, detail);
  }
}

const replyErrors: Record<
  ErrorMessageName,
  new (command: string, detail: string) => SdkReplyError
> = {
  BAD_STATE: BadStateError,
  INVALID: InvalidMessageError,
  UNKNOWN_COMMAND: UnknownCommandError,
  INTERNAL_ERROR: SdkInternalError,
};

export function replyError(msg: ErrorMessageName, command: string, detail: string): SdkReplyError {
  return new replyErrors[msg](command, detail);
}

export class SdkTimeoutError extends SdkError {
  override readonly name = 'SdkTimeoutError';
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super('timeout', `AusweisApp did not answer ${command} within ${timeoutMs} ms`);
  }
}

/**
 * The connection to AusweisApp is gone. Unexpected means AusweisApp died or dropped us, which
 * the citizen sees as "the ID software stopped unexpectedly".
 */
export class ChannelClosedError extends SdkError {
  override readonly name = 'ChannelClosedError';
  constructor(
    readonly expected: boolean,
    reason: string,
  ) {
    super(
      expected ? 'channel-closed' : 'eid-client-crashed',
      `connection to AusweisApp closed: ${reason}`,
      expected ? 'eid.outcome.eid-error' : 'eid.outcome.eid-client-crashed',
    );
  }
}

/**
 * An incoming frame is not a message we understand. Only the `msg` name and the paths of the
 * failed checks are kept: the raw frame could echo input.
 */
export class ProtocolViolationError extends SdkError {
  override readonly name = 'ProtocolViolationError';
  constructor(
    readonly msg: string | undefined,
    readonly issuePaths: readonly string[],
  ) {
    super(
      'protocol-violation',
      `unexpected frame from AusweisApp (msg ${msg ?? 'missing'}; at ${issuePaths.join(', ') || '-'})`,
    );
  }
}

/** AusweisApp offers none of the API levels we can speak, or refused the one we asked for. */
export class ApiLevelError extends SdkError {
  override readonly name = 'ApiLevelError';
  constructor(message: string) {
    super('api-level', message);
  }
}

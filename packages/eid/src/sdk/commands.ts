import type { Secret } from '@sidbox/runtime';

/**
 * Commands to AusweisApp (API levels 1–3). PIN, CAN and PUK are `Secret`s; `serializeCommand`
 * is the only place where their digits are revealed. `value` is omitted for keypad readers.
 * Not modelled: GET_LOG (debug builds only) and RUN_PERSONALIZATION (Smart-eID, Android only).
 */
export type SdkCommand =
  | { cmd: 'GET_INFO' }
  | { cmd: 'GET_API_LEVEL' }
  | { cmd: 'SET_API_LEVEL'; level: number }
  | { cmd: 'GET_STATUS' }
  | { cmd: 'GET_READER'; name: string }
  | { cmd: 'GET_READER_LIST' }
  | { cmd: 'RUN_AUTH'; tcTokenURL: string; developerMode?: boolean; status?: boolean }
  | { cmd: 'RUN_CHANGE_PIN'; status?: boolean }
  | { cmd: 'GET_ACCESS_RIGHTS' }
  | { cmd: 'SET_ACCESS_RIGHTS'; chat: string[] }
  | { cmd: 'GET_CERTIFICATE' }
  | { cmd: 'ACCEPT' }
  | { cmd: 'CANCEL' }
  | { cmd: 'SET_PIN'; value?: Secret }
  | { cmd: 'SET_NEW_PIN'; value?: Secret }
  | { cmd: 'SET_CAN'; value?: Secret }
  | { cmd: 'SET_PUK'; value?: Secret }
  | { cmd: 'SET_CARD'; name: string; simulator?: { files?: unknown[]; keys?: unknown[] } }
  /** iOS only; desktop answers UNKNOWN_COMMAND. */
  | { cmd: 'INTERRUPT' }
  /** Level 3 answer to PAUSE. */
  | { cmd: 'CONTINUE' };

export type SdkCommandName = SdkCommand['cmd'];
export type CommandOf<N extends SdkCommandName> = Extract<SdkCommand, { cmd: N }>;

/** A command with the correlation id AusweisApp echoes back as `request`. */
export type TaggedCommand = SdkCommand & { request?: string | number };

const secretCommands = new Set<SdkCommandName>(['SET_PIN', 'SET_NEW_PIN', 'SET_CAN', 'SET_PUK']);

/** JSON for the wire. Reveals a Secret's digits; the result must never be logged. */
export function serializeCommand(command: TaggedCommand): string {
  if (secretCommands.has(command.cmd) && 'value' in command && command.value !== undefined) {
    return JSON.stringify({ ...command, value: command.value.reveal() });
  }
  return JSON.stringify(command);
}

/** A loggable view of a command: secret values replaced, everything else kept. */
export function describeCommand(command: TaggedCommand): Record<string, unknown> {
  if (secretCommands.has(command.cmd) && 'value' in command && command.value !== undefined) {
    return { ...command, value: '[redacted]' };
  }
  return { ...command };
}

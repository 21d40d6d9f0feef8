import { ApduError } from '../apdu/apdu-error.js';
import { encodeCommandApdu, type CommandApdu } from '../apdu/command-apdu.js';
import { decodeResponseApdu, type ResponseApdu } from '../apdu/response-apdu.js';
import type { SessionKeys } from '../eac/chip-authentication.js';
import { protectCommand, unprotectResponse } from './apdu-protection.js';
import { SecureMessagingError, type SecureMessagingErrorCode } from './secure-messaging-error.js';

/**
 * The server's end of the secure-messaging channel that Chip Authentication opened. Commands go
 * to the card in batches (one PAOS Transmit): all of a batch are protected before any answer
 * is seen, so command i of a batch takes counter base+2i+1 and its response base+2i+2.
 */
export class SecureMessagingChannel {
  readonly #keys: SessionKeys;
  /** The send sequence counter after the last completed batch; 0 right after CA. */
  #ssc = 0n;
  #pendingCommands: number | undefined;
  #closed = false;

  constructor(keys: SessionKeys) {
    this.#keys = keys;
  }

  /** The protected command APDUs of one batch, encoded with extended length and Le 0000. */
  protect(commands: readonly CommandApdu[]): Buffer[] {
    this.#requireOpen();
    if (this.#pendingCommands !== undefined) {
      this.#fail('state', 'the previous batch has not been answered');
    }
    const protectedCommands = commands.map((command, i) =>
      encodeCommandApdu(protectCommand(this.#keys, this.#ssc + 2n * BigInt(i) + 1n, command)),
    );
    this.#pendingCommands = commands.length;
    return protectedCommands;
  }

  /** The plain responses of the batch, in order; throws SecureMessagingError and closes. */
  unprotect(responses: readonly Buffer[]): ResponseApdu[] {
    this.#requireOpen();
    const expected = this.#pendingCommands;
    if (expected === undefined) this.#fail('state', 'no batch is waiting for responses');
    if (responses.length < expected) {
      this.#fail('missing-response', `${responses.length} responses to ${expected} commands`);
    }
    if (responses.length > expected) {
      this.#fail('unexpected-response', `${responses.length} responses to ${expected} commands`);
    }
    const plain = responses.map((raw, i) =>
      this.#unprotectOne(raw, this.#ssc + 2n * BigInt(i) + 2n),
    );
    this.#ssc += 2n * BigInt(expected);
    this.#pendingCommands = undefined;
    return plain;
  }

  #unprotectOne(raw: Buffer, ssc: bigint): ResponseApdu {
    try {
      return unprotectResponse(this.#keys, ssc, decodeResponseApdu(raw));
    } catch (error) {
      this.#closed = true;
      if (error instanceof ApduError) throw new SecureMessagingError('format', error.message);
      throw error;
    }
  }

  #requireOpen(): void {
    if (this.#closed) throw new SecureMessagingError('closed', 'the channel failed earlier');
  }

  #fail(code: SecureMessagingErrorCode, message: string): never {
    this.#closed = true;
    throw new SecureMessagingError(code, message);
  }
}

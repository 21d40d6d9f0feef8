import { ApduError } from '../apdu/apdu-error.js';
import { decodeCommandApdu, type CommandApdu } from '../apdu/command-apdu.js';
import { encodeResponseApdu, type ResponseApdu } from '../apdu/response-apdu.js';
import type { SessionKeys } from '../eac/chip-authentication.js';
import { protectResponse, unprotectCommand } from './apdu-protection.js';
import { SecureMessagingError } from './secure-messaging-error.js';

/**
 * The card's end of the channel, for a card-side test double: each command is opened and its
 * response protected, the counter stepping once for each. A real card would answer 6987/6988
 * without SM after an error; here the error is thrown and the channel stays closed.
 */
export class CardSecureMessaging {
  readonly #keys: SessionKeys;
  #ssc = 0n;
  #awaitingResponse = false;
  #closed = false;

  constructor(keys: SessionKeys) {
    this.#keys = keys;
  }

  unprotectCommand(raw: Buffer): CommandApdu {
    return this.#step(false, () => {
      try {
        return unprotectCommand(this.#keys, this.#ssc, decodeCommandApdu(raw));
      } catch (error) {
        if (error instanceof ApduError) throw new SecureMessagingError('format', error.message);
        throw error;
      }
    });
  }

  protectResponse(response: ResponseApdu): Buffer {
    return this.#step(true, () =>
      encodeResponseApdu(protectResponse(this.#keys, this.#ssc, response)),
    );
  }

  #step<T>(isResponse: boolean, action: () => T): T {
    if (this.#closed) throw new SecureMessagingError('closed', 'the channel failed earlier');
    if (this.#awaitingResponse !== isResponse) {
      this.#closed = true;
      throw new SecureMessagingError(
        'state',
        isResponse ? 'no command to answer' : 'the last command is unanswered',
      );
    }
    this.#ssc += 1n;
    try {
      const result = action();
      this.#awaitingResponse = !isResponse;
      return result;
    } catch (error) {
      this.#closed = true;
      throw error;
    }
  }
}

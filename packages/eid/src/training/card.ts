import { Secret } from '@sidbox/runtime';
import type { CardSetup, CardValues } from './scenarios.js';

export type PinCheck = 'right' | 'wrong';
export type PukCheck = 'right' | 'wrong' | 'inoperative';

/**
 * A simulated eID card with the card's own rules: three PIN tries, the last one only after
 * the CAN, then the PUK, which can unblock ten times. Its numbers are kept as Secrets, so even
 * an inspected training card prints none of them.
 */
export class TrainingCard {
  readonly #transportPin: Secret;
  #pin: Secret;
  readonly #can: Secret;
  readonly #puk: Secret;
  #transportPinActive: boolean;
  #retryCounter: number;
  #pukUnblocksLeft: number;
  #inoperative = false;
  readonly deactivated: boolean;
  readonly expired: boolean;
  /** The card leaves the reader right after the next PIN entry; one-shot. */
  removedAfterPin: boolean;

  constructor(values: CardValues, setup: CardSetup) {
    this.#transportPin = Secret.digits(values.transportPin);
    this.#pin = Secret.digits(values.pin);
    this.#can = Secret.digits(values.can);
    this.#puk = Secret.digits(values.puk);
    this.#transportPinActive = setup.transportPinActive;
    this.#retryCounter = setup.retryCounter;
    this.#pukUnblocksLeft = setup.pukUnblocksLeft;
    this.deactivated = setup.deactivated;
    this.expired = setup.expired;
    this.removedAfterPin = setup.removedAfterPin;
  }

  get retryCounter(): number {
    return this.#retryCounter;
  }

  get transportPinActive(): boolean {
    return this.#transportPinActive;
  }

  get inoperative(): boolean {
    return this.#inoperative;
  }

  /** The card object of the SDK's reader messages. */
  get info(): { deactivated: boolean; inoperative: boolean; retryCounter: number } {
    return {
      deactivated: this.deactivated,
      inoperative: this.#inoperative,
      retryCounter: this.#retryCounter,
    };
  }

  /** PACE with the PIN: the transport PIN while it is active, else the own PIN. */
  checkPin(value: string): PinCheck {
    const expected = this.#transportPinActive ? this.#transportPin : this.#pin;
    if (this.#retryCounter > 0 && expected.reveal() === value) {
      this.#retryCounter = 3;
      return 'right';
    }
    this.#retryCounter = Math.max(0, this.#retryCounter - 1);
    return 'wrong';
  }

  checkCan(value: string): boolean {
    return this.#can.reveal() === value;
  }

  /** A right PUK resets the counter to 3, as long as unblocks are left. */
  checkPuk(value: string): PukCheck {
    if (this.#puk.reveal() !== value) return 'wrong';
    if (this.#pukUnblocksLeft === 0) {
      this.#inoperative = true;
      return 'inoperative';
    }
    this.#pukUnblocksLeft--;
    this.#retryCounter = 3;
    return 'right';
  }

  setPin(value: string): void {
    this.#pin = Secret.digits(value);
    this.#transportPinActive = false;
    this.#retryCounter = 3;
  }
}

import type { Logger, Secret } from '@sidbox/runtime';
import type { DeviceSummary, StaffView } from '@sidbox/protocol';
import { ControlError } from '../../control/reply.js';
import {
  closedStaffMenu,
  lockMs,
  maxWrongPins,
  staffMenuStep,
  type StaffMenuEvent,
  type StaffMenuState,
} from './staff-menu-machine.js';
import {
  parseStaffPinHash,
  StaffPinHashError,
  verifyStaffPin,
  type StaffPinHash,
} from '../../daemon/staff-pin-hash.js';

export interface StaffMenuOptions {
  /** `staff.pinHash` of the configuration; without it a long press only logs. */
  pinHash: string | undefined;
  logger: Logger;
  /** The view changed: the daemon publishes it. */
  changed: () => void;
  /** The menu closes itself after this long without input (default 60 s). */
  idleMs?: number;
  now?: () => number;
}

/**
 * Runs the staff menu machine: checks the PIN against the argon2id hash, closes the menu after a
 * minute without input, logs openings, wrong tries and lockouts (never a digit).
 */
export class StaffMenu {
  readonly #hash: StaffPinHash | undefined;
  readonly #logger: Logger;
  readonly #changed: () => void;
  readonly #idleMs: number;
  readonly #now: () => number;
  #state: StaffMenuState = closedStaffMenu;
  #checking = false;
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(options: StaffMenuOptions) {
    this.#logger = options.logger.child({ component: 'staff-menu' });
    this.#changed = options.changed;
    this.#idleMs = options.idleMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    this.#hash = this.#readHash(options.pinHash);
  }

  /** The menu as the kiosk view shows it, over every other screen; null when closed. */
  view(devices: () => DeviceSummary): StaffView | null {
    switch (this.#state.stage) {
      case 'closed':
        return null;
      case 'pin':
        return { stage: 'pin', wrong: this.#state.wrong };
      case 'menu':
        return { stage: 'menu', devices: devices() };
    }
  }

  /** The reset button was held long enough. */
  longPress(): void {
    if (!this.#hash) {
      this.#logger.info('staff menu requested; no staff.pinHash configured, so none opens');
      return;
    }
    this.#apply({ type: 'long-press', now: this.#now() });
  }

  async enterPin(pin: Secret): Promise<void> {
    const hash = this.#hash;
    if (!hash || this.#state.stage !== 'pin') {
      throw new ControlError('not-now', 'the staff menu does not ask for a PIN');
    }
    if (this.#checking) throw new ControlError('not-now', 'a staff PIN is being checked');
    this.#checking = true;
    this.#touch();
    try {
      const right = await verifyStaffPin(pin, hash);
      this.#apply({ type: 'pin-checked', right, now: this.#now() });
    } finally {
      this.#checking = false;
    }
  }

  /** Staff acted in the open menu; refused unless the PIN was right. */
  requireMenu(): void {
    if (this.#state.stage !== 'menu') throw new ControlError('not-now', 'the staff menu is closed');
    this.#touch();
  }

  close(): void {
    if (this.#state.stage === 'closed') return;
    this.#apply({ type: 'close' });
  }

  stop(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    this.#state = closedStaffMenu;
  }

  #apply(event: StaffMenuEvent): void {
    const before = this.#state;
    const { state, note } = staffMenuStep(before, event);
    this.#state = state;
    switch (note) {
      case 'opened':
        this.#logger.info('staff menu: PIN asked');
        break;
      case 'unlocked':
        this.#logger.info('staff menu opened');
        break;
      case 'wrong-pin':
        this.#logger.warn({ failures: state.failures }, 'staff menu: wrong PIN');
        break;
      case 'locked':
        this.#logger.warn(
          { failures: maxWrongPins, lockedMinutes: lockMs / 60_000 },
          'staff menu locked after wrong PINs',
        );
        break;
      case 'still-locked':
        this.#logger.warn('staff menu requested while locked');
        break;
    }
    if (state.stage === 'closed') {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = undefined;
      if (before.stage !== 'closed') this.#logger.info('staff menu closed');
    } else {
      this.#touch();
    }
    // Every wrong try is published, so the PIN screen can react to the second one as well.
    if (note !== undefined || state.stage !== before.stage) this.#changed();
  }

  /** Input in the menu: the minute without input starts again. */
  #touch(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      this.#logger.info('staff menu: no input for a while');
      this.close();
    }, this.#idleMs);
  }

  #readHash(text: string | undefined): StaffPinHash | undefined {
    if (text === undefined) return undefined;
    try {
      return parseStaffPinHash(text);
    } catch (error) {
      if (!(error instanceof StaffPinHashError)) throw error;
      this.#logger.error({ problem: error.message }, 'staff menu off: staff.pinHash unreadable');
      return undefined;
    }
  }
}

import type { Logger } from '@sidbox/runtime';
import { Secret } from '@sidbox/runtime';
import type { ActionHandlers } from '../../daemon/actions.js';
import { Subscriptions, type Part, type PartView } from '../../daemon/part.js';
import type { TerminalDevices } from '../../daemon/terminal-devices.js';
import { StaffMenu } from './staff-menu-controller.js';

export interface StaffMenuFeatureOptions {
  /** `staff.pinHash` of the configuration; without it a long press only logs. */
  pinHash: string | undefined;
  devices: Pick<TerminalDevices, 'on' | 'summary'>;
  /** Staff switch training mode from the open menu. */
  switchTraining: (on: boolean) => Promise<void>;
  publish: () => void;
  logger: Logger;
}

/** The staff menu behind a long press of the reset button and the staff PIN. */
export class StaffMenuFeature implements Part {
  readonly name = 'staff menu';
  readonly #options: StaffMenuFeatureOptions;
  readonly #menu: StaffMenu;
  readonly #subscriptions = new Subscriptions();

  constructor(options: StaffMenuFeatureOptions) {
    this.#options = options;
    this.#menu = new StaffMenu({
      pinHash: options.pinHash,
      logger: options.logger,
      changed: options.publish,
    });
  }

  readonly actions: Pick<ActionHandlers, 'staff-pin' | 'staff-training' | 'staff-close'> = {
    // A Secret from here on: no log line, reply or error can carry the digits.
    'staff-pin': ({ value }) => this.#menu.enterPin(Secret.digits(value)),
    'staff-training': async ({ on }) => {
      this.#menu.requireMenu();
      await this.#options.switchTraining(on);
    },
    'staff-close': () => this.#menu.close(),
  };

  start(): void {
    this.#subscriptions.add(this.#options.devices.on('staff-menu', () => this.#menu.longPress()));
  }

  view(): PartView {
    return { staff: this.#menu.view(() => this.#options.devices.summary()) };
  }

  stop(): void {
    this.#subscriptions.drop();
    this.#menu.stop();
  }
}

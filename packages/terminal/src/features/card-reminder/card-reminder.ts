import type { DaemonBus } from '../../daemon/daemon-events.js';
import type { Part, PartView, WipeExecutor } from '../../daemon/part.js';
import type { TerminalDevices } from '../../daemon/terminal-devices.js';
import type { EidSession } from '../../session/eid-session.js';

export interface CardReminderOptions {
  eid: Pick<EidSession, 'whenCardRemoved'>;
  devices: Pick<TerminalDevices, 'whenCardRemoved'>;
  /** How long "Karte nicht vergessen" stays up if the card is not taken. */
  ms: number;
  bus: DaemonBus;
  publish: () => void;
}

/**
 * "Karte nicht vergessen" on the attract screen after a wipe, until the card is taken or time
 * runs out; the next citizen's session takes it away.
 */
export class CardReminder implements Part {
  readonly name = 'card reminder';
  readonly #options: CardReminderOptions;
  #reminder: AbortController | undefined;

  constructor(options: CardReminderOptions) {
    this.#options = options;
  }

  readonly wipe: { 'card-reminder': WipeExecutor } = {
    'card-reminder': async () => this.#remind(),
  };

  view(): PartView {
    return { cardReminder: this.#reminder !== undefined && !this.#reminder.signal.aborted };
  }

  async sessionBegins(): Promise<void> {
    this.#reminder?.abort();
  }

  stop(): void {
    this.#reminder?.abort();
  }

  #remind(): void {
    const { eid, devices, bus, publish } = this.#options;
    this.#reminder?.abort();
    const reminder = new AbortController();
    this.#reminder = reminder;
    const timer = setTimeout(() => reminder.abort(), this.#options.ms);
    // Gone from AusweisApp's readers and from pcscd's (a non-eID card too).
    void Promise.all([
      eid.whenCardRemoved(reminder.signal),
      devices.whenCardRemoved(reminder.signal),
    ]).then(() => {
      clearTimeout(timer);
      if (this.#reminder !== reminder) return;
      this.#reminder = undefined;
      publish();
      bus.emit('card-reminder', { shown: false });
    });
    publish();
    bus.emit('card-reminder', { shown: true });
  }
}

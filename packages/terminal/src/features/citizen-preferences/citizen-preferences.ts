import type { Logger } from '@sidbox/runtime';
import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { KioskBrowser, SessionLook } from '../../browser/kiosk-browser.js';
import type { ActionHandlers } from '../../daemon/actions.js';
import { enterSession } from '../../daemon/citizen-session.js';
import type { DaemonBus } from '../../daemon/daemon-events.js';
import { Subscriptions, type Part, type PartView } from '../../daemon/part.js';
import { defaultLook } from '../../daemon/session-look.js';
import type { SessionController } from '../../session/controller.js';
import { withLanguage, withTextScale } from './choices.js';

export interface CitizenPreferencesOptions {
  config: () => LocalTerminalConfig;
  session: Pick<SessionController, 'snapshot' | 'dispatch'>;
  browser: Pick<KioskBrowser, 'setSessionLook'>;
  bus: DaemonBus;
  publish: () => void;
  logger: Logger;
}

/**
 * The citizen's language and text size, on kiosk pages and service pages alike; back to the
 * terminal's defaults when the session ends.
 */
export class CitizenPreferences implements Part {
  readonly name = 'citizen preferences';
  readonly #options: CitizenPreferencesOptions;
  readonly #subscriptions = new Subscriptions();
  #look: SessionLook;

  constructor(options: CitizenPreferencesOptions) {
    this.#options = options;
    this.#look = defaultLook(options.config());
  }

  readonly actions: Pick<ActionHandlers, 'language' | 'text-size'> = {
    language: ({ language }) =>
      this.#choose(withLanguage(this.#look, this.#options.config(), language)),
    'text-size': ({ scale }) => this.#choose(withTextScale(this.#look, scale)),
  };

  start(): void {
    this.#subscriptions.add(
      // A hub configuration without the citizen's language: back to the terminal's first.
      this.#options.bus.on('config-changed', (config) => {
        if (!config.languages.includes(this.#look.language)) this.#look = defaultLook(config);
      }),
    );
  }

  async sessionBegins(): Promise<void> {
    await this.#options.browser
      .setSessionLook(this.#look)
      .catch((error: unknown) => this.#options.logger.warn({ err: error }, 'session look not set'));
  }

  sessionEnds(): void {
    this.#look = defaultLook(this.#options.config());
  }

  view(): PartView {
    return { language: this.#look.language, textScale: this.#look.textScale };
  }

  stop(): void {
    this.#subscriptions.drop();
  }

  /**
   * The citizen chose a language or text size (a kiosk screen or the kiosk bar). Choosing is
   * being there: it starts a session on the attract screen, whose end resets the choice.
   */
  async #choose(look: SessionLook): Promise<void> {
    enterSession(this.#options.session);
    this.#look = look;
    this.#options.publish();
    await this.#options.browser.setSessionLook(look);
    this.#options.bus.emit('look-changed', look);
  }
}

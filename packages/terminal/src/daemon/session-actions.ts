import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { KioskBrowser } from '../browser/kiosk-browser.js';
import { ControlError } from '../control/reply.js';
import type { SessionController } from '../session/controller.js';
import type { ActionHandlers } from './actions.js';
import { enterSession } from './citizen-session.js';
import type { DaemonBus } from './daemon-events.js';
import type { Part } from './part.js';

export interface SessionActionsOptions {
  session: Pick<SessionController, 'snapshot' | 'dispatch' | 'settled'>;
  browser: Pick<KioskBrowser, 'navigate' | 'back'>;
  config: () => LocalTerminalConfig;
  /** The citizen's language, for a service's `{lang}` start address. */
  language: () => string;
  /** A kiosk page address with its token. */
  kioskUrl: (path: string) => string;
  bus: DaemonBus;
}

type SessionActionType = 'start' | 'end' | 'activity' | 'home' | 'back' | 'open';

/** The citizen's way through a session: start and end it, open a service, home and back. */
export class SessionActions implements Part {
  readonly name = 'session actions';
  readonly #options: SessionActionsOptions;

  constructor(options: SessionActionsOptions) {
    this.#options = options;
  }

  readonly actions: Pick<ActionHandlers, SessionActionType> = {
    start: () => this.#options.session.dispatch({ type: 'start' }),
    end: () => this.#options.session.dispatch({ type: 'end' }),
    activity: () => this.#options.session.dispatch({ type: 'activity' }),
    home: () => this.#home(),
    back: () => this.#back(),
    open: ({ serviceId }) => this.#open(serviceId),
  };

  async #open(serviceId: string): Promise<void> {
    const { config, session, browser, bus, language } = this.#options;
    const service = config().services.find((candidate) => candidate.id === serviceId);
    if (!service) throw new ControlError('unknown-service', `no service "${serviceId}"`);
    enterSession(session);
    await session.settled();
    bus.emit('service-opened', { serviceId });
    await browser.navigate(service.startUrl.replaceAll('{lang}', language()));
  }

  /** The service list, in the same session. */
  async #home(): Promise<void> {
    this.#options.session.dispatch({ type: 'activity' });
    await this.#options.browser.navigate(this.#options.kioskUrl('/'));
  }

  /** One page back on a service page; the service list when there is no page to go back to. */
  async #back(): Promise<void> {
    this.#options.session.dispatch({ type: 'activity' });
    if (!(await this.#options.browser.back())) await this.#home();
  }
}

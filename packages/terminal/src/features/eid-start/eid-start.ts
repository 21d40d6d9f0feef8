import type { Logger } from '@sidbox/runtime';
import type { EidStartAnswer, EidStartRequest, KioskBrowser } from '../../browser/kiosk-browser.js';
import { ControlError } from '../../control/reply.js';
import type { ActionHandlers } from '../../daemon/actions.js';
import { enterSession, tryEnterSession } from '../../daemon/citizen-session.js';
import type { Part } from '../../daemon/part.js';
import type { SessionController } from '../../session/controller.js';
import { EidBusyError, type EidSession } from '../../session/eid-session.js';
import { followOutcome } from './follow-outcome.js';

export interface EidStartOptions {
  eid: Pick<EidSession, 'authenticate' | 'changePin'>;
  browser: Pick<KioskBrowser, 'navigate' | 'setEidStartHandler'>;
  session: Pick<SessionController, 'snapshot' | 'dispatch'>;
  /** A kiosk page address with its token. */
  kioskUrl: (path: string) => string;
  logger: Logger;
}

/**
 * Starts of eID workflows: a service page's eID-Client request, and the Fast Lane PIN change.
 * The browser goes to the kiosk's eID screens at once, and to the outcome's page at the end.
 */
export class EidStart implements Part {
  readonly name = 'eID start';
  readonly #options: EidStartOptions;

  constructor(options: EidStartOptions) {
    this.#options = options;
  }

  readonly actions: Pick<ActionHandlers, 'change-pin'> = {
    'change-pin': () => this.#changePin(),
  };

  start(): void {
    this.#options.browser.setEidStartHandler((request) => this.#fromServicePage(request));
  }

  /** The outcome's address (refresh or communication error), or the kiosk's error page. */
  async #fromServicePage(request: EidStartRequest): Promise<EidStartAnswer> {
    const { session, eid, kioskUrl, logger } = this.#options;
    if (!tryEnterSession(session)) return { kind: 'kiosk-page', url: kioskUrl('/') };
    try {
      const workflow = eid.authenticate(request.tcTokenURL);
      followOutcome(
        workflow.done,
        (outcome) => outcome.url ?? kioskUrl(`/error?code=${outcome.code}`),
        this.#options,
      );
      return { kind: 'kiosk-page', url: kioskUrl('/eid') };
    } catch (error) {
      const code = error instanceof EidBusyError ? error.code : 'eid-error';
      if (!(error instanceof EidBusyError)) logger.error({ err: error }, 'eID start failed');
      return { kind: 'kiosk-page', url: kioskUrl(`/error?code=${code}`) };
    }
  }

  /** Fast Lane: a PIN change on the card in the reader; its outcome page at the end. */
  #changePin(): void {
    const { session, eid, kioskUrl } = this.#options;
    enterSession(session);
    try {
      followOutcome(
        eid.changePin().done,
        (outcome) => kioskUrl(`/outcome?code=${outcome.code}`),
        this.#options,
      );
    } catch (error) {
      if (error instanceof EidBusyError) throw new ControlError('not-now', error.message);
      throw error;
    }
  }
}

import type { Logger } from '@sidbox/runtime';
import type { ControlReply, KioskAction } from '@sidbox/protocol';
import type { KioskBarReport } from '../browser/kiosk-browser.js';
import { ControlError, failure, ok } from '../control/reply.js';
import type { SessionController } from '../session/controller.js';
import { actionOfKioskBarReport, type ActionHandlers, type TerminalAction } from './actions.js';
import { inSession } from './citizen-session.js';

export interface ActionDispatcherOptions {
  handlers: Partial<ActionHandlers>;
  session: Pick<SessionController, 'snapshot'>;
  logger: Logger;
}

/**
 * The one way a citizen request is carried out. Kiosk UI actions get a reply; kiosk bar taps
 * count only in a running session and have no one to answer, so a failure is logged.
 */
export class ActionDispatcher {
  readonly #options: ActionDispatcherOptions;

  constructor(options: ActionDispatcherOptions) {
    this.#options = options;
  }

  /** Runs the action's handler; its error (a ControlError or an internal one) is thrown. */
  async run(action: TerminalAction): Promise<void> {
    const handler = this.#options.handlers[action.type] as
      ((action: TerminalAction) => void | Promise<void>) | undefined;
    if (!handler)
      throw new ControlError('not-offered', `this terminal does not offer "${action.type}"`);
    await handler(action);
  }

  async fromKioskUi(action: KioskAction): Promise<ControlReply> {
    try {
      await this.run(action);
      return ok();
    } catch (error) {
      if (!(error instanceof ControlError))
        this.#options.logger.error({ err: error }, 'kiosk action failed');
      return failure(error);
    }
  }

  /** A tap on the kiosk bar of a service page (the browser vouches for the tap). */
  fromKioskBar(report: KioskBarReport): void {
    const { logger, session } = this.#options;
    if (!inSession(session)) return;
    logger.info({ action: report.action }, 'kiosk bar');
    this.run(actionOfKioskBarReport(report)).catch((error: unknown) => {
      if (error instanceof ControlError) logger.warn({ code: error.code }, error.message);
      else logger.warn({ err: error, action: report.action }, 'kiosk bar action failed');
    });
  }
}

import type { Logger } from '@sidbox/runtime';
import type { KioskBrowser } from '../../browser/kiosk-browser.js';
import { inSession } from '../../daemon/citizen-session.js';
import type { SessionController } from '../../session/controller.js';

export interface FollowOutcomeOptions {
  session: Pick<SessionController, 'snapshot'>;
  browser: Pick<KioskBrowser, 'navigate'>;
  logger: Logger;
}

/**
 * When the eID workflow ends, the browser goes to its outcome's page, but only if the session
 * that started it is still the one running (a wipe in between keeps the fresh attract screen).
 */
export function followOutcome<Outcome>(
  done: Promise<Outcome>,
  pageOf: (outcome: Outcome) => string,
  { session, browser, logger }: FollowOutcomeOptions,
): void {
  const sessionId = session.snapshot.sessionId;
  void done.then((outcome) => {
    if (session.snapshot.sessionId !== sessionId || !inSession(session)) return;
    browser
      .navigate(pageOf(outcome))
      .catch((error: unknown) => logger.warn({ err: error }, 'eID outcome navigation'));
  });
}

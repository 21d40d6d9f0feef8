import type { Logger } from '@sidbox/runtime';
import type { EidStep } from '@sidbox/protocol';
import type { KioskBarReport, KioskBrowser } from '../browser/kiosk-browser.js';
import type { SessionController } from '../session/controller.js';
import type { EidSession } from '../session/eid-session.js';
import type { HeartbeatFactsCollector } from '../telemetry/heartbeat-facts.js';
import { Subscriptions, type Part } from './part.js';
import type { TerminalDevices } from './terminal-devices.js';

export interface CoreListenersOptions {
  browser: Pick<KioskBrowser, 'on'>;
  eid: Pick<EidSession, 'on'>;
  session: Pick<SessionController, 'on' | 'dispatch'>;
  devices: Pick<TerminalDevices, 'on'>;
  facts: Pick<HeartbeatFactsCollector, 'noteBlockedNavigation' | 'noteSessionEnded'>;
  kioskBar: (report: KioskBarReport) => void;
  /** The reset button was held long enough (the daemon's `staff-menu` event). */
  staffMenuRequested: () => void;
  publish: () => void;
  logger: Logger;
}

/**
 * The core's reactions: mat, reset button, crashes and activity feed the session machine; eID
 * steps, readers and device changes refresh the kiosk view. A crash of the browser or
 * AusweisApp is a session event (wipe, back to attract), never a reason to exit.
 */
export class CoreListeners implements Part {
  readonly name = 'core listeners';
  readonly #options: CoreListenersOptions;
  readonly #subscriptions = new Subscriptions();
  #eidStep: EidStep | null = null;
  #staffMenuRequested = false;

  constructor(options: CoreListenersOptions) {
    this.#options = options;
  }

  /** The eID screen the kiosk shows now. */
  get eidStep(): EidStep | null {
    return this.#eidStep;
  }

  /** The reset button was held since the session began (status for staff and tests). */
  get staffMenuRequested(): boolean {
    return this.#staffMenuRequested;
  }

  start(): void {
    const { browser, eid, session, devices, facts, logger, publish } = this.#options;
    const dispatch = session.dispatch.bind(session);
    this.#subscriptions.add(
      browser.on('crashed', ({ kind, detail }) => {
        logger.warn({ kind, detail }, 'browser crashed');
        dispatch({ type: 'crash', source: 'browser' });
      }),
      browser.on('activity', () => dispatch({ type: 'activity' })),
      browser.on('blocked', () => facts.noteBlockedNavigation()),
      browser.on('kiosk-bar', (report) => this.#options.kioskBar(report)),
      eid.on('crashed', ({ detail }) => {
        logger.warn({ detail }, 'eID crashed');
        dispatch({ type: 'crash', source: 'eid' });
      }),
      eid.on('step', (step) => {
        this.#eidStep = step;
        publish();
      }),
      // A reader or card came or went, or a training card was put in: no polling.
      eid.on('readers', () => publish()),
      session.on('changed', () => publish()),
      session.on('session-ended', ({ reason, durationMs }) => {
        facts.noteSessionEnded();
        logger.info({ reason, durationMs }, 'session ended');
      }),
      devices.on('mat-on', () => dispatch({ type: 'mat-on' })),
      devices.on('mat-off', () => dispatch({ type: 'mat-off' })),
      devices.on('reset', () => dispatch({ type: 'reset-button' })),
      devices.on('staff-menu', () => {
        this.#staffMenuRequested = true;
        logger.info('staff menu requested (reset button held)');
        this.#options.staffMenuRequested();
      }),
      devices.on('changed', () => publish()),
    );
  }

  async sessionBegins(): Promise<void> {
    this.#staffMenuRequested = false;
  }

  stop(): void {
    this.#subscriptions.drop();
  }
}

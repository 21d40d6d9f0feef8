import type { Logger } from '@sidbox/runtime';
import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { KioskBrowser } from '../../browser/kiosk-browser.js';
import type { ActionHandlers } from '../../daemon/actions.js';
import { enterSession } from '../../daemon/citizen-session.js';
import { Subscriptions, type Part, type PartView, type WipeExecutor } from '../../daemon/part.js';
import { ControlError } from '../../control/reply.js';
import type { SessionController } from '../../session/controller.js';
import { PhoneCheckClient } from './phone-check-client.js';
import {
  closedPhoneSetup,
  followsPhone,
  nextPhoneSetup,
  phoneSetupCheckView,
  type PhoneSetup as PhoneSetupValue,
  type PhoneSetupEvent,
} from './phone-setup-machine.js';

/** The two calls to the eID-Server, so that a test can stand in a server that is down. */
export type PhoneCheckCalls = Pick<PhoneCheckClient, 'create' | 'state' | 'close'>;

export interface PhoneSetupOptions {
  config: () => LocalTerminalConfig;
  session: Pick<SessionController, 'snapshot' | 'dispatch'>;
  /** Its page: leaving it (Back, home, a service) forgets the check. */
  browser: Pick<KioskBrowser, 'on'>;
  /** The kiosk UI's origins: the phone screen is `/phone` on one of them. */
  kioskOrigins: () => readonly string[];
  publish: () => void;
  logger: Logger;
  /** How long between two questions to the eID-Server while the phone may get somewhere. */
  pollMs?: number;
  /** Default: the eID-Server of the configuration, over HTTPS (its test key pinned if set). */
  client?: (config: LocalTerminalConfig, origin: string) => PhoneCheckCalls;
}

/** The kiosk UI's address of the screen (packages/kiosk-ui route `phone`). */
const PHONE_SCREEN = '/phone';

const defaultClient = (config: LocalTerminalConfig, origin: string): PhoneCheckCalls =>
  new PhoneCheckClient({
    origin,
    ...(config.testEidServer && { pinnedSpki: config.testEidServer.tlsSpkiSha256 }),
  });

/**
 * "Ihr Smartphone einrichten": on the citizen's request a one-time check at the association's
 * eID-Server, its link shown as a QR code, and its state followed every `pollMs` while the
 * screen is open. The check is forgotten when the kiosk browser leaves the screen (whichever
 * way: Back, home, the bar) and by the wipe.
 * The daemon never learns more than the state: the card data go to the phone alone.
 */
export class PhoneSetup implements Part {
  readonly name = 'phone setup';
  readonly #options: PhoneSetupOptions;
  readonly #subscriptions = new Subscriptions();
  #setup: PhoneSetupValue = closedPhoneSetup;
  /** The current check's requests and timer; aborted when it is replaced or forgotten. */
  #current = new AbortController();
  #client: { origin: string; calls: PhoneCheckCalls } | undefined;

  constructor(options: PhoneSetupOptions) {
    this.#options = options;
  }

  readonly actions: Pick<ActionHandlers, 'phone-check' | 'phone-check-close'> = {
    'phone-check': () => this.#create(),
    'phone-check-close': () => this.#forget(),
  };

  readonly wipe: { 'forget-phone-check': WipeExecutor } = {
    'forget-phone-check': async () => this.#forget(),
  };

  wipeFacts() {
    return { phoneCheck: this.#setup.kind !== 'closed' };
  }

  view(): PartView {
    return {
      phoneSetup: {
        offered: this.#origin() !== undefined,
        check: phoneSetupCheckView(this.#setup),
      },
    };
  }

  start(): void {
    this.#subscriptions.add(
      this.#options.browser.on('navigated', ({ url }) => {
        if (!this.#onPhoneScreen(url)) this.#forget();
      }),
    );
  }

  async stop(): Promise<void> {
    this.#subscriptions.drop();
    this.#forget();
    await this.#client?.calls.close();
    this.#client = undefined;
  }

  #onPhoneScreen(url: string): boolean {
    const address = URL.canParse(url) ? new URL(url) : undefined;
    return (
      address !== undefined &&
      address.pathname === PHONE_SCREEN &&
      this.#options.kioskOrigins().includes(address.origin)
    );
  }

  #origin(): string | undefined {
    return this.#options.config().eidServerOrigin;
  }

  /** The client for the configured eID-Server; a new one when the hub named another. */
  #calls(origin: string): PhoneCheckCalls {
    if (this.#client?.origin !== origin) {
      void this.#client?.calls.close();
      const make = this.#options.client ?? defaultClient;
      this.#client = { origin, calls: make(this.#options.config(), origin) };
    }
    return this.#client.calls;
  }

  #create(): void {
    const origin = this.#origin();
    if (origin === undefined)
      throw new ControlError('not-offered', 'this terminal knows no eID-Server');
    enterSession(this.#options.session);
    this.#current.abort();
    const current = (this.#current = new AbortController());
    const { signal } = current;
    this.#apply({ type: 'requested' });
    // The request runs on; the kiosk action is answered now and the view follows.
    void this.#calls(origin)
      .create(signal)
      .then(
        (check) => {
          if (signal.aborted) return;
          this.#apply({ type: 'created', check });
          this.#follow(origin, signal);
        },
        (error: unknown) => {
          if (signal.aborted) return;
          this.#options.logger.warn({ err: error }, 'phone check not created');
          this.#apply({ type: 'create-failed' });
        },
      );
  }

  /** Asks for the state every `pollMs` until it is final or the check is forgotten. */
  #follow(origin: string, signal: AbortSignal): void {
    const ask = (): void => {
      const setup = this.#setup;
      if (signal.aborted || !followsPhone(setup)) return;
      this.#calls(origin)
        .state(setup.statusToken, signal)
        .then(
          (state) => {
            if (signal.aborted) return;
            const before = this.#setup;
            this.#apply({ type: 'status', state });
            // The phone getting on is the citizen at work: the session is not idle.
            if (before.kind === 'check' && before.state !== state) this.#keepAlive();
          },
          (error: unknown) => {
            if (!signal.aborted) this.#options.logger.warn({ err: error }, 'phone check state');
          },
        )
        .finally(() => {
          if (!signal.aborted && followsPhone(this.#setup)) schedule();
        });
    };
    const schedule = (): void => {
      const timer = setTimeout(ask, this.#options.pollMs ?? 2_000);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    };
    schedule();
  }

  #keepAlive(): void {
    const phase = this.#options.session.snapshot.phase;
    if (phase === 'active' || phase === 'warning')
      this.#options.session.dispatch({ type: 'activity' });
  }

  #forget(): void {
    this.#current.abort();
    if (this.#setup.kind === 'closed') return;
    this.#apply({ type: 'closed' });
  }

  #apply(event: PhoneSetupEvent): void {
    const next = nextPhoneSetup(this.#setup, event);
    if (next === this.#setup) return;
    this.#setup = next;
    this.#options.logger.info(
      { phoneCheck: next.kind === 'check' ? next.state : next.kind },
      'phone check',
    );
    this.#options.publish();
  }
}

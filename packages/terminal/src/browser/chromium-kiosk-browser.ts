import { PreparedSpare, silentLogger, TypedEvents, type Logger } from '@sidbox/runtime';
import type { Page } from 'puppeteer-core';
import { BrowserInstance, type InstanceEvents, type InstanceSettings } from './browser-instance.js';
import { DEFAULT_CHROMIUM, removeStaleInstanceDirs } from './chromium-process.js';
import { decideNavigation } from './decide-navigation.js';
import { DEFAULT_KIOSK_BAR_SETTINGS } from './kiosk-bar-config.js';
import type { KioskBarTexts } from './kiosk-bar-script.js';
import type {
  BlockedNavigation,
  EidStartAnswer,
  EidStartRequest,
  KioskBrowser,
  KioskBrowserEvents,
  NavigationRules,
  ScanPanelView,
  SessionLook,
} from './kiosk-browser.js';

export interface ChromiumKioskBrowserOptions {
  rules: NavigationRules;
  /** `kiosk` on a display (default when WAYLAND_DISPLAY or DISPLAY is set), else `headless`. */
  display?: 'kiosk' | 'headless';
  chromiumPath?: string;
  /**
   * Printing enabled in the policy. Default: some service in the current rules allows printing,
   * decided for each browser when it is launched, i.e. rules given to `setRules` apply from the
   * next prepared browser (the next session; at once before `start`).
   */
  printing?: boolean;
  /**
   * The kiosk bar on service pages; `false` leaves it out. `texts` by language code (built-in:
   * German and English); the bar shows those of the session's language, German when it has none.
   */
  kioskBar?: false | { texts?: Record<string, KioskBarTexts>; heightPx?: number };
  /** Headless window size (default 1280×800, a terminal's screen); kiosk mode fills the screen. */
  windowSize?: { width: number; height: number };
  /** Keep a clean browser launched in advance, so a reset only swaps (default true). */
  prepareNext?: boolean;
  /** Allowed page zoom (default 1–2: larger text for those who need it, never smaller). */
  zoom?: { min: number; max: number };
  deviceScaleFactor?: number;
  /** Shown over the page for a few seconds when something was blocked. */
  blockedNotice?: string;
  /** Run Chromium in a private mount namespace with our managed policy (default true). */
  enforcePolicy?: boolean;
  /** Test-only: `false` turns the daemon's request interception off to see the policy alone. */
  interception?: boolean;
  /** Demos and tests: a test eID-Server's self-signed TLS keys (base64 SHA-256 of the SPKI). */
  trustedSpki?: string[];
  logger?: Logger;
}

export interface KioskBrowserStatus {
  /** Chromium reads our managed policy; false means the CDP wall is the only wall. */
  policyEnforced: boolean;
  /** A clean browser is ready for the next reset. */
  prepared: boolean;
  /** Process group of the browser in use (for supervision and tests). */
  pid: number | null;
}

/** Thrown by `navigate` when the rules refuse the URL (a `blocked` event is emitted too). */
export class NavigationBlockedError extends Error {
  constructor(readonly blocked: BlockedNavigation) {
    super(`navigation blocked (${blocked.reason}): ${blocked.url}`);
    this.name = 'NavigationBlockedError';
  }
}

const NOTICE =
  'Diese Seite ist am Terminal nicht verfügbar. · This page is not available on this terminal.';

/**
 * The kiosk browser: Debian Chromium under the daemon's control. One browser is in use; the
 * next one is launched in advance with its own fresh profile, and `reset` swaps it in and
 * destroys the old one (process tree, profile, downloads).
 */
export class ChromiumKioskBrowser implements KioskBrowser {
  readonly #events: TypedEvents<KioskBrowserEvents>;
  readonly #settings: Omit<InstanceSettings, 'printing'>;
  readonly #printing: boolean | undefined;
  #look: SessionLook | null = null;
  readonly #prepareNext: boolean;
  #rules: NavigationRules;
  #current: BrowserInstance | null = null;
  /** The next citizen's clean browser, launched in advance. */
  readonly #next: PreparedSpare<BrowserInstance>;
  #eidHandler: ((request: EidStartRequest) => Promise<EidStartAnswer>) | null = null;
  #currentUrl = 'about:blank';
  /** What the last start or reset showed: the next browser shows it first (the attract page). */
  #viewUrl: string | undefined;
  /** Set by `stop`: a swap or preparation still under way must not leave a browser behind. */
  #stopped = false;
  #lastReset: Promise<void> = Promise.resolve();

  constructor(options: ChromiumKioskBrowserOptions) {
    const logger = options.logger ?? silentLogger();
    this.#rules = options.rules;
    this.#prepareNext = options.prepareNext ?? true;
    this.#next = new PreparedSpare({
      prepare: () => this.#launch(this.#viewUrl),
      fresh: () => this.#launch(),
      dispose: (instance) => instance.dispose(),
      alive: (instance) => instance.alive,
      onError: (error, during) =>
        logger.warn(
          { err: error },
          `${during === 'prepare' ? 'preparing' : 'disposing'} next browser failed`,
        ),
    });
    this.#events = new TypedEvents((error) =>
      logger.error({ err: error }, 'kiosk browser listener failed'),
    );
    const hasDisplay = Boolean(process.env.WAYLAND_DISPLAY ?? process.env.DISPLAY);
    this.#settings = {
      chromiumPath: options.chromiumPath ?? DEFAULT_CHROMIUM,
      display: options.display ?? (hasDisplay ? 'kiosk' : 'headless'),
      noSandbox: process.getuid?.() === 0,
      enforcePolicy: options.enforcePolicy ?? true,
      interception: options.interception ?? true,
      trustedSpki: options.trustedSpki ?? [],
      zoom: options.zoom ?? { min: 1, max: 2 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      notice: options.blockedNotice ?? NOTICE,
      kioskBar:
        options.kioskBar === false
          ? null
          : {
              texts: options.kioskBar?.texts ?? DEFAULT_KIOSK_BAR_SETTINGS.texts,
              heightPx: options.kioskBar?.heightPx ?? DEFAULT_KIOSK_BAR_SETTINGS.heightPx,
            },
      windowSize: options.windowSize ?? { width: 1280, height: 800 },
      logger,
    };
    this.#printing = options.printing;
  }

  get currentUrl(): string {
    return this.#currentUrl;
  }

  get policyEnforced(): boolean {
    return this.#current?.policyEnforced ?? false;
  }

  status(): KioskBrowserStatus {
    return {
      policyEnforced: this.policyEnforced,
      prepared: this.#next.prepared,
      pid: this.#current?.pid ?? null,
    };
  }

  /** Resolves once the next clean browser is launched (true) or failed to launch (false). */
  whenPrepared(): Promise<boolean> {
    return this.#next.whenPrepared();
  }

  /** The puppeteer page of the citizen's view: full control, for tests and diagnostics only. */
  devtoolsPage(): Page {
    const page = this.#current?.page;
    if (!page) throw new Error('kiosk browser not started');
    return page;
  }

  /** The current session's download directory (wiped with the session). */
  get downloadsDir(): string | null {
    return this.#current?.dirs.downloads ?? null;
  }

  /** The current session's browser profile (wiped with the session); for leak tests. */
  get profileDir(): string | null {
    return this.#current?.dirs.profile ?? null;
  }

  async start(url: string): Promise<void> {
    if (this.#current) throw new Error('kiosk browser already started');
    this.#stopped = false;
    const stale = await removeStaleInstanceDirs();
    if (stale.length > 0)
      this.#settings.logger.warn(
        { count: stale.length },
        'removed profiles left by a killed daemon',
      );
    await this.#swapIn(url);
    if (!this.policyEnforced)
      this.#settings.logger.warn(
        'Chromium runs without the managed policy: run the daemon as root (private mount ' +
          'namespace) or give it a writable /etc/chromium/policies/managed; until then only ' +
          "the daemon's request interception guards the browser",
      );
  }

  async navigate(url: string): Promise<void> {
    const current = this.#requireCurrent();
    const decision = decideNavigation(url, 'top-level', this.#rules);
    if (decision.action === 'block') {
      const blocked: BlockedNavigation = { url, reason: decision.reason, context: 'top-level' };
      this.#events.emit('blocked', blocked);
      throw new NavigationBlockedError(blocked);
    }
    await current.navigate(url);
  }

  /** Resets run one after another: a session's wipe and a new configuration's may meet. */
  reset(url: string): Promise<void> {
    const run = this.#lastReset
      .catch(() => undefined)
      .then(() => (this.#stopped ? undefined : this.#resetNow(url)));
    this.#lastReset = run;
    return run;
  }

  async #resetNow(url: string): Promise<void> {
    const started = performance.now();
    // The next citizen starts with the defaults (the fresh browser has them).
    this.#look = null;
    const prewarmed = this.#next.prepared;
    await this.#swapIn(url);
    this.#events.emit('reset', { durationMs: performance.now() - started, prewarmed });
  }

  async screenshot(): Promise<Buffer> {
    const page = this.devtoolsPage();
    return Buffer.from(await page.screenshot({ type: 'png' }));
  }

  async printPage(): Promise<Buffer> {
    return this.#requireCurrent().printPage();
  }

  async showNotice(text: string): Promise<void> {
    await this.#current?.showNotice(text);
  }

  async showScanPanel(view: ScanPanelView | null): Promise<boolean> {
    return (await this.#current?.showScanPanel(view)) ?? false;
  }

  async setFileInputFiles(backendNodeId: number, files: readonly string[]): Promise<void> {
    await this.#requireCurrent().setFileInputFiles(backendNodeId, files);
  }

  async setSessionLook(look: SessionLook): Promise<void> {
    this.#look = look;
    await this.#current?.setLook(look);
  }

  async back(): Promise<boolean> {
    return (await this.#current?.back()) ?? false;
  }

  setEidStartHandler(handler: (request: EidStartRequest) => Promise<EidStartAnswer>): void {
    this.#eidHandler = handler;
  }

  /**
   * The CDP wall follows new rules at once. The policy (allowlist, downloads, printing) is read
   * by Chromium at launch: the prepared browser is rebuilt with it, so it applies from the next
   * session (and to the first browser when set before `start`).
   */
  setRules(rules: NavigationRules): void {
    this.#rules = rules;
    this.#next.discard();
    if (this.#current) this.#prepare();
  }

  on<E extends keyof KioskBrowserEvents>(
    event: E,
    listener: (payload: KioskBrowserEvents[E]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    // A swap under way ends first, so that no browser it launches outlives the stop.
    await this.#lastReset.catch(() => undefined);
    const current = this.#current;
    this.#current = null;
    await Promise.all([current?.dispose(), this.#next.stop()]);
  }

  #requireCurrent(): BrowserInstance {
    if (!this.#current) throw new Error('kiosk browser not started');
    return this.#current;
  }

  /** Takes the prepared browser (or launches one), shows `url`, destroys the old one. */
  async #swapIn(url: string): Promise<void> {
    const old = this.#current;
    this.#current = null;
    this.#viewUrl = url;
    let fresh: BrowserInstance;
    try {
      fresh = await this.#next.take();
    } catch (error) {
      // No new browser: the old one is destroyed all the same (its citizen's state with it).
      await old?.dispose();
      throw error;
    }
    if (this.#stopped) {
      await Promise.all([fresh.dispose(), old?.dispose()]);
      throw new Error('kiosk browser stopped');
    }
    this.#current = fresh;
    await Promise.all([fresh.activate(url, this.#instanceEvents()), old?.dispose()]);
    if (this.#look) await fresh.setLook(this.#look);
    if (this.#prepareNext && !this.#stopped) this.#prepare();
  }

  /**
   * A fresh browser for the rules as they are now (policy and printing included). Headless, a
   * browser prepared in advance also opens its page on the last start/reset URL (the attract
   * page), so that a reset only hands it over. On a display it stays windowless until the swap:
   * the kiosk compositor (cage) shows every new toplevel full screen over the citizen's view, and
   * Chromium's minimised state is not something it promises to honour there.
   */
  #launch(preload?: string): Promise<BrowserInstance> {
    const rules = this.#rules;
    const printing = this.#printing ?? rules.services.some((s) => s.allowPrint);
    const open = this.#settings.display === 'headless' ? preload : undefined;
    return BrowserInstance.prepare(rules, { ...this.#settings, printing }, open);
  }

  #prepare(): void {
    if (!this.#stopped) this.#next.prepare();
  }

  #instanceEvents(): InstanceEvents {
    return {
      rules: () => this.#rules,
      blocked: (event) => this.#events.emit('blocked', event),
      navigated: (url) => {
        this.#currentUrl = url;
        this.#events.emit('navigated', { url });
      },
      activity: () => this.#events.emit('activity', {}),
      crashed: (crash) => this.#events.emit('crashed', crash),
      kioskBar: (report) => this.#events.emit('kiosk-bar', report),
      fileChooser: (event) => this.#events.emit('file-chooser', event),
      eidStart: (request) => {
        if (!this.#eidHandler) return Promise.reject(new Error('no eID start handler set'));
        return this.#eidHandler(request);
      },
    };
  }
}

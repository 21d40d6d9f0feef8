import type { Logger } from '@sidbox/runtime';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import type { Protocol } from 'puppeteer-core';
import {
  createInstanceDirs,
  killProcessGroup,
  launchChromium,
  removeInstanceDirs,
  type InstanceDirs,
} from './chromium-process.js';
import {
  decideNavigation,
  indexOrigins,
  INTERNAL_SCHEMES,
  serviceOf,
} from './decide-navigation.js';
import type { RequestContext } from './decide-navigation.js';
import {
  answerPausedResponse,
  CONNECT_WALL_PATTERNS,
  refusedByConnectWall,
  responseAction,
} from './connect-wall.js';
import { answerEidClient } from './eid-answer.js';
import { backEntry } from './history-back.js';
import {
  barLanguages,
  defaultLook,
  kioskBarConfig,
  type KioskBarSettings,
} from './kiosk-bar-config.js';
import { parseKioskBarReport } from './kiosk-bar-report.js';
import { kioskBarScanPanel, kioskBarScript, kioskBarUpdate } from './kiosk-bar-script.js';
import type {
  BlockedNavigation,
  BrowserCrash,
  EidStartAnswer,
  EidStartRequest,
  FileChooserEvent,
  KioskBarReport,
  NavigationRules,
  ScanPanelView,
  SessionLook,
} from './kiosk-browser.js';
import { buildLockdown } from './lockdown.js';
import { GUARD_BINDING, GUARD_WORLD, guardScript, type GuardReport } from './page-guard-script.js';
import { pageZoomFor, zoomEmulation } from './page-zoom.js';

export interface InstanceSettings {
  chromiumPath: string;
  display: 'kiosk' | 'headless';
  printing: boolean;
  noSandbox: boolean;
  enforcePolicy: boolean;
  /** Test-only: `false` leaves request interception off so that the policy alone is seen. */
  interception: boolean;
  zoom: { min: number; max: number };
  deviceScaleFactor: number;
  notice: string;
  /** The kiosk bar on service pages; null leaves service pages without it. */
  kioskBar: KioskBarSettings | null;
  /** Size of the window in headless mode (on a display, kiosk mode fills the screen). */
  windowSize: { width: number; height: number };
  /** Self-signed TLS keys the browser accepts (a test eID-Server's), base64 SHA-256 of the SPKI. */
  trustedSpki: string[];
  logger: Logger;
}

/** What an active instance reports to its owner. */
export interface InstanceEvents {
  rules(): NavigationRules;
  blocked(event: BlockedNavigation): void;
  navigated(url: string): void;
  activity(): void;
  crashed(crash: BrowserCrash): void;
  eidStart(request: EidStartRequest): Promise<EidStartAnswer>;
  /** A trusted tap on the kiosk bar of the top-level page. */
  kioskBar(report: KioskBarReport): void;
  /** A page asked for a file; no native dialog opens (the chooser is intercepted). */
  fileChooser(event: FileChooserEvent): void;
}

/**
 * One Chromium process with a fresh profile and the daemon's wall around it: request
 * interception at the browser target (every page, frame, popup and worker passes it), the page
 * guard in every document, download control and crash detection. Prepared in advance, without a
 * window or (headless) with the next view already loaded; `activate` shows the citizen's view.
 * `dispose` kills it and deletes its directory.
 */
export class BrowserInstance {
  #page: Page | null = null;
  #pageSession: CDPSession | null = null;
  #mainTargetId: string | null = null;
  /** Page targets other than the citizen's view (popups, new tabs): closed on sight. */
  readonly #popups = new Set<string>();
  #barRegistration: Promise<void> = Promise.resolve();
  #guardContextId: number | null = null;
  /** The session's language and text size (see setLook); a fresh browser has the defaults. */
  #look: SessionLook;
  /** The registered kiosk bar script, replaced when the look changes. */
  #barScriptId: string | null = null;
  /** The view's size in CSS pixels at 100 %, which a text size divides. */
  #viewport: { width: number; height: number };
  /** The zoom the view has now (1: no emulation). */
  #zoom = 1;
  #events: InstanceEvents | null = null;
  #lastGoodUrl = 'about:blank';
  #downloadsAllowed = false;
  #lastBlock: { url: string; context: BlockedNavigation['context']; at: number } | null = null;
  #disposed = false;
  /** The renderer of a view opened in advance crashed before anyone used it. */
  #viewCrashed = false;
  readonly #exited: Promise<void>;

  private constructor(
    readonly dirs: InstanceDirs,
    readonly browser: Browser,
    readonly pid: number,
    readonly policyEnforced: boolean,
    readonly session: CDPSession,
    private readonly settings: InstanceSettings,
    /** The rules the policy was built from; they apply until `activate` hands over. */
    private readonly preparedRules: NavigationRules,
  ) {
    this.#look = defaultLook(settings.kioskBar, preparedRules);
    this.#viewport = settings.windowSize;
    const child = browser.process();
    this.#exited = new Promise((resolve) => {
      if (!child || child.exitCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    browser.on('disconnected', () => {
      if (!this.#disposed)
        this.#events?.crashed({ kind: 'browser', detail: 'browser process exited' });
    });
  }

  /**
   * Launches a Chromium with a fresh profile and arms the wall. With `preload`, the view is
   * opened on that URL in advance (headless only, see ChromiumKioskBrowser), so `activate` only
   * hands it over; else the browser stays windowless until `activate`.
   */
  static async prepare(
    rules: NavigationRules,
    settings: InstanceSettings,
    preload?: string,
  ): Promise<BrowserInstance> {
    const dirs = await createInstanceDirs();
    let instance: BrowserInstance | undefined;
    try {
      const { policy, flags } = buildLockdown(rules, {
        display: settings.display,
        userDataDir: dirs.profile,
        printing: settings.printing,
        noSandbox: settings.noSandbox,
        windowSize: settings.windowSize,
        trustedSpki: settings.trustedSpki,
      });
      const launched = await launchChromium({
        chromiumPath: settings.chromiumPath,
        flags,
        policy,
        dirs,
        enforcePolicy: settings.enforcePolicy,
      });
      const session = await launched.browser.target().createCDPSession();
      instance = new BrowserInstance(
        dirs,
        launched.browser,
        launched.pid,
        launched.policyEnforced,
        session,
        settings,
        rules,
      );
      await instance.#arm();
      if (preload !== undefined) await instance.#openView(preload);
      return instance;
    } catch (error) {
      if (instance) await instance.dispose();
      else await removeInstanceDirs(dirs);
      throw error;
    }
  }

  get page(): Page | null {
    return this.#page;
  }

  get alive(): boolean {
    return !this.#disposed && !this.#viewCrashed && this.browser.connected;
  }

  async #arm(): Promise<void> {
    const { session } = this;
    session.on('Fetch.requestPaused', (event) => void this.#onRequest(event));
    session.on('Target.targetCreated', ({ targetInfo }) => this.#onTarget(targetInfo));
    session.on('Browser.downloadWillBegin', (event) => this.#onDownload(event));
    await Promise.all([
      session.send('Target.setDiscoverTargets', { discover: true }),
      this.settings.interception
        ? session.send('Fetch.enable', {
            patterns: [{ urlPattern: '*', requestStage: 'Request' }, ...CONNECT_WALL_PATTERNS],
          })
        : Promise.resolve(),
      this.#setDownloads(false),
    ]);
  }

  /**
   * Shows `url` in the citizen's window (opened now, unless it was in advance); from now on
   * `events` hears everything. A view opened in advance on `url` is handed over as it is.
   */
  async activate(url: string, events: InstanceEvents): Promise<void> {
    this.#events = events;
    const page = this.#page;
    // The document last committed was loaded from `url` (the kiosk UI then drops the token from
    // its address with replaceState, so the page's own URL is no test; a same-document
    // navigation to `url` would report no commit either).
    if (page && this.#lastGoodUrl === url) {
      events.navigated(url);
      return;
    }
    if (!page) await this.#openView();
    await this.navigate(url);
  }

  /** Opens the one window with the page guard and the kiosk bar, and loads `url` if given. */
  async #openView(url?: string): Promise<void> {
    const { targetId } = await this.session.send('Target.createTarget', {
      url: 'about:blank',
      newWindow: true,
    });
    this.#mainTargetId = targetId;
    const { windowId } = await this.session.send('Browser.getWindowForTarget', { targetId });
    if (this.settings.display !== 'headless') {
      // --kiosk makes only the startup window full screen; a window opened over CDP showed the
      // tab strip and the address bar on the stick (cage), so it is put into full screen here.
      await this.session.send('Browser.setWindowBounds', {
        windowId,
        bounds: { windowState: 'fullscreen' },
      });
    }
    const { bounds } = await this.session.send('Browser.getWindowBounds', { windowId });
    if (this.settings.display === 'headless') {
      // The window size includes a frame that headless only pretends to have: size the page.
      await this.session.send('Browser.setContentsSize', { windowId, ...this.settings.windowSize });
    } else if (bounds.width && bounds.height) {
      // Kiosk mode: the window is the screen, without a frame.
      this.#viewport = { width: bounds.width, height: bounds.height };
    }
    const target = await this.browser.waitForTarget((t) => t.type() === 'page');
    const page = await target.asPage();
    const cdp = await target.createCDPSession();
    this.#page = page;
    this.#pageSession = cdp;
    this.#listenToPage(cdp);
    await Promise.all([
      cdp.send('Page.enable'),
      cdp.send('Runtime.enable'),
      cdp.send('Log.enable'),
      cdp.send('Inspector.enable'),
      cdp.send('Runtime.addBinding', { name: GUARD_BINDING, executionContextName: GUARD_WORLD }),
      // Every file chooser comes to the daemon as an event; the page never gets a native
      // dialog, so no file of the terminal can reach it (the policy forbids the dialog too).
      cdp.send('Page.setInterceptFileChooserDialog', { enabled: true }),
      // A service worker could answer a page without the network, and so without the connect
      // wall's policy (see connect-wall.ts): the page's requests go past it.
      this.settings.interception
        ? cdp
            .send('Network.enable')
            .then(() => cdp.send('Network.setBypassServiceWorker', { bypass: true }))
        : Promise.resolve(),
    ]);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: guardScript({
        internalSchemes: [...INTERNAL_SCHEMES],
        zoom: this.settings.zoom,
        deviceScaleFactor: this.settings.deviceScaleFactor,
        notice: this.settings.notice,
      }),
      worldName: GUARD_WORLD,
      runImmediately: true,
    });
    await this.#registerBar();
    if (url !== undefined) await this.navigate(url);
  }

  /**
   * The bar script for the look as it is now, for every later document; the one it replaces is
   * removed after it, so no document in between goes without a bar (a document that runs both
   * has its bar updated by the newer one). Kiosk and print origins are read now too: the kiosk
   * UI server's port does not change while it runs.
   */
  #registerBar(): Promise<void> {
    // One at a time: two looks set at once would both remove the same previous script.
    const next = this.#barRegistration.then(() => this.#replaceBarScript());
    this.#barRegistration = next.catch(() => undefined);
    return next;
  }

  async #replaceBarScript(): Promise<void> {
    const bar = this.settings.kioskBar;
    const cdp = this.#pageSession;
    if (!bar || !cdp) return;
    const previous = this.#barScriptId;
    const { identifier } = await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: kioskBarScript(kioskBarConfig(bar, this.#rules(), this.#look), GUARD_BINDING),
      worldName: GUARD_WORLD,
      runImmediately: true,
    });
    this.#barScriptId = identifier;
    if (previous === null) return;
    // Seen rarely under load: Chromium no longer knows the previous script. Gone is what we
    // want, and the look (the current page's bar, its zoom) must still be applied after this.
    await cdp
      .send('Page.removeScriptToEvaluateOnNewDocument', { identifier: previous })
      .catch((error: unknown) =>
        this.settings.logger.debug({ err: error }, 'previous bar script already gone'),
      );
  }

  /**
   * The citizen's language and text size: the current page's bar re-renders and its zoom
   * follows at once (no reload), and every later document gets both.
   */
  async setLook(look: SessionLook): Promise<void> {
    this.#look = look;
    const bar = this.settings.kioskBar;
    const cdp = this.#pageSession;
    if (!cdp) return;
    await this.#registerBar();
    if (bar && this.#guardContextId !== null) {
      await cdp
        .send('Runtime.evaluate', {
          expression: kioskBarUpdate(kioskBarConfig(bar, this.#rules(), look)),
          contextId: this.#guardContextId,
        })
        .catch(() => undefined);
    }
    await this.#applyZoom(this.#lastGoodUrl);
  }

  /** The languages the bar offers (for checking its reports). */
  #barLanguages(): string[] {
    const bar = this.settings.kioskBar;
    return bar ? barLanguages(bar, this.#rules()) : [];
  }

  /** The zoom for the page at `url`: the text size on service pages, none on kiosk pages. */
  async #applyZoom(url: string): Promise<void> {
    const cdp = this.#pageSession;
    if (!cdp) return;
    const zoom = pageZoomFor(url, indexOrigins(this.#rules()), this.#look.textScale);
    if (zoom === this.#zoom) return;
    this.#zoom = zoom;
    const emulation = zoomEmulation(this.#viewport, zoom);
    await (
      emulation
        ? cdp.send('Emulation.setDeviceMetricsOverride', emulation)
        : cdp.send('Emulation.clearDeviceMetricsOverride')
    ).catch((error: unknown) => this.settings.logger.warn({ err: error }, 'page zoom'));
  }

  /** One step back over the citizen's service pages (see backEntry); false when there is none. */
  async back(): Promise<boolean> {
    const cdp = this.#pageSession;
    if (!cdp) return false;
    const history = await cdp.send('Page.getNavigationHistory');
    const entry = backEntry(history, indexOrigins(this.#rules()));
    if (!entry) return false;
    await cdp.send('Page.navigateToHistoryEntry', { entryId: entry.id });
    return true;
  }

  async navigate(url: string): Promise<void> {
    const page = this.#page;
    if (!page) throw new Error('browser instance not active');
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  }

  /** The citizen's page as a PDF, rendered by Chromium with print media (the bar hides itself). */
  async printPage(): Promise<Buffer> {
    const cdp = this.#pageSession;
    if (!cdp) throw new Error('browser instance not active');
    const { data } = await cdp.send('Page.printToPDF', { printBackground: true });
    return Buffer.from(data, 'base64');
  }

  /** Shows `text` over the page for a few seconds (the guard's notice; the page cannot see it). */
  async showNotice(text: string): Promise<void> {
    const cdp = this.#pageSession;
    if (!cdp || this.#guardContextId === null) return;
    await cdp.send('Runtime.evaluate', {
      expression: `globalThis.__sidboxShowNotice?.(${JSON.stringify(text)})`,
      contextId: this.#guardContextId,
    });
  }

  /** The scan panel in the current page's bar; false when the page has no bar to show it on. */
  async showScanPanel(view: ScanPanelView | null): Promise<boolean> {
    const cdp = this.#pageSession;
    if (!cdp || this.#guardContextId === null) return false;
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: kioskBarScanPanel(view),
      contextId: this.#guardContextId,
      returnByValue: true,
    });
    return result.value === true;
  }

  /** Reports a file chooser with the field's `accept` attribute (what the page will take). */
  async #onFileChooser(cdp: CDPSession, backendNodeId: number, multiple: boolean): Promise<void> {
    const described = await cdp.send('DOM.describeNode', { backendNodeId }).catch(() => null);
    const attributes = described?.node.attributes ?? [];
    const at = attributes.findIndex((name, index) => index % 2 === 0 && name === 'accept');
    const accept = at >= 0 ? (attributes[at + 1] ?? '') : '';
    this.#events?.fileChooser({ backendNodeId, multiple, accept });
  }

  /** Sets the files of the `<input type=file>` a file chooser event named. */
  async setFileInputFiles(backendNodeId: number, files: readonly string[]): Promise<void> {
    const cdp = this.#pageSession;
    if (!cdp) throw new Error('browser instance not active');
    await cdp.send('DOM.setFileInputFiles', { files: [...files], backendNodeId });
  }

  /** Kills the process tree and deletes profile, downloads and policy: nothing is left. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#events = null;
    killProcessGroup(this.pid);
    await this.#exited;
    await removeInstanceDirs(this.dirs);
  }

  #listenToPage(cdp: CDPSession): void {
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name === GUARD_BINDING)
        this.#onGuardReport(event.payload, event.executionContextId);
    });
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { frameId?: string; isDefault?: boolean } | undefined;
      if (context.name === GUARD_WORLD && aux?.frameId === this.#mainTargetId) {
        this.#guardContextId = context.id;
      }
    });
    cdp.on('Page.frameNavigated', ({ frame }) => {
      if (!frame.parentId) {
        void this.#onTopLevelCommit(frame.url + (frame.urlFragment ?? ''), frame.unreachableUrl);
      } else if (frame.unreachableUrl) {
        this.#onFrameRefused(frame.unreachableUrl);
      }
    });
    cdp.on('Page.windowOpen', ({ url }) => void this.#onWindowOpen(url));
    cdp.on('Page.fileChooserOpened', ({ backendNodeId, mode }) => {
      if (backendNodeId !== undefined)
        void this.#onFileChooser(cdp, backendNodeId, mode === 'selectMultiple');
    });
    cdp.on('Page.frameRequestedNavigation', (event) => this.#onRequestedNavigation(event));
    cdp.on('Log.entryAdded', ({ entry }) => this.#onLog(entry));
    cdp.on('Inspector.targetCrashed', () => {
      if (this.#disposed) return;
      if (this.#events)
        this.#events.crashed({ kind: 'renderer', detail: 'renderer process crashed' });
      else this.#viewCrashed = true;
    });
  }

  #rules(): NavigationRules {
    return this.#events?.rules() ?? this.preparedRules;
  }

  /**
   * One attempt can surface twice (a refused request, then its error page, in the same frame):
   * count it once. Another way to the same URL (a popup, then a link) is another attempt.
   */
  #reportedJustNow(url: string, context: BlockedNavigation['context']): boolean {
    const last = this.#lastBlock;
    return last?.url === url && last.context === context && Date.now() - last.at < 1500;
  }

  #block(event: BlockedNavigation): void {
    this.#lastBlock = { url: event.url, context: event.context, at: Date.now() };
    this.settings.logger.info({ blocked: event }, 'blocked');
    this.#events?.blocked(event);
    if (this.#guardContextId !== null && this.#pageSession) {
      this.#pageSession
        .send('Runtime.evaluate', {
          expression: 'globalThis.__sidboxShowNotice?.()',
          contextId: this.#guardContextId,
        })
        .catch(() => undefined);
    }
  }

  async #contextOf(event: Protocol.Fetch.RequestPausedEvent): Promise<RequestContext> {
    if (event.resourceType !== 'Document') return 'subresource';
    if (event.frameId === this.#mainTargetId) return 'top-level';
    if (this.#popups.has(event.frameId)) return 'popup';
    // A document whose frame is a page target of its own is a popup or a new tab.
    const info = await this.session
      .send('Target.getTargetInfo', { targetId: event.frameId })
      .catch(() => null);
    return info?.targetInfo.type === 'page' ? 'popup' : 'frame';
  }

  async #onRequest(event: Protocol.Fetch.RequestPausedEvent): Promise<void> {
    const { session } = this;
    const requestId = event.requestId;
    try {
      if (event.responseStatusCode !== undefined || event.responseErrorReason !== undefined) {
        await answerPausedResponse(
          session,
          event,
          responseAction(event, indexOrigins(this.#rules())),
        );
        return;
      }
      const context = await this.#contextOf(event);
      if (context === 'popup') {
        // Page.windowOpen on the opener already decided where this goes (see #onWindowOpen).
        await this.#closePopup(requestId, event.frameId);
        return;
      }
      const url = event.request.url;
      const decision = decideNavigation(url, context, indexOrigins(this.#rules()));
      if (decision.action === 'allow' || decision.action === 'allow-local') {
        await session.send('Fetch.continueRequest', { requestId });
        return;
      }
      if (decision.action === 'eid-client') {
        await answerEidClient({
          session,
          requestId,
          context,
          request: decision.request,
          initiator: this.#lastGoodUrl,
          handler: (request) => this.#eidStart(request),
          showInView: (target) => this.#page?.goto(target).then(() => undefined),
          block: (reason) => this.#block({ url, reason, context }),
        });
        return;
      }
      if (context === 'top-level') {
        // 204 keeps the current page as it is: no error page, history and storage intact.
        await session.send('Fetch.fulfillRequest', { requestId, responseCode: 204 });
      } else {
        await session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      }
      this.#block({ url, reason: decision.reason, context });
    } catch (error) {
      // The request or its target is gone (navigation replaced, browser closing): nothing to do.
      this.settings.logger.debug({ err: error }, 'request interception');
    }
  }

  async #eidStart(request: EidStartRequest): Promise<EidStartAnswer> {
    const events = this.#events;
    if (!events) throw new Error('no eID start handler');
    return events.eidStart(request);
  }

  async #closePopup(requestId: string, targetId: string): Promise<void> {
    this.#popups.add(targetId);
    await this.session
      .send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' })
      .catch(() => undefined);
    await this.session.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }

  /**
   * Every page target besides the citizen's view is a popup or a new tab: closed at once, so
   * nothing renders beside the kiosk view and no second page exists. Where it wanted to go is
   * decided from the opener's Page.windowOpen, which also covers `window.open()` without a URL.
   */
  #onTarget(info: Protocol.Target.TargetInfo): void {
    if (info.type !== 'page' || info.targetId === this.#mainTargetId || this.#mainTargetId === null)
      return;
    this.#popups.add(info.targetId);
    void this.#resumeAndClose(info.targetId);
  }

  /**
   * A new page starts paused until a debugger lets it run (puppeteer's auto-attach asks for
   * that), and a popup shares its opener's renderer until it navigates: closing it while it is
   * paused can leave the citizen's view frozen. Resumed through a session of our own first.
   */
  async #resumeAndClose(targetId: string): Promise<void> {
    const attached = await this.session
      .send('Target.attachToTarget', { targetId, flatten: true })
      .catch(() => undefined);
    const popup = attached && this.session.connection()?.session(attached.sessionId);
    await popup?.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
    await this.session.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }

  /** Allowed origins (and eID starts) open in the one view, where its own interception applies. */
  async #onWindowOpen(url: string): Promise<void> {
    const decision = decideNavigation(url, 'popup', indexOrigins(this.#rules()));
    if (decision.action === 'block') {
      this.#block({ url: url || 'about:blank', reason: decision.reason, context: 'popup' });
      return;
    }
    // Not page.goto: a navigation the test or the daemon awaits may be under way meanwhile.
    await this.#pageSession?.send('Page.navigate', { url }).catch(() => undefined);
  }

  /** A frame the policy refused before our interception saw it commits an error page. */
  #onFrameRefused(url: string): void {
    const decision = decideNavigation(url, 'frame', indexOrigins(this.#rules()));
    if (decision.action === 'block' && !this.#reportedJustNow(url, 'frame')) {
      this.#block({ url, reason: decision.reason, context: 'frame' });
    }
  }

  #onDownload(event: Protocol.Browser.DownloadWillBeginEvent): void {
    if (!this.#downloadsAllowed)
      this.#block({ url: event.url, reason: 'download', context: 'top-level' });
  }

  async #setDownloads(allowed: boolean): Promise<void> {
    this.#downloadsAllowed = allowed;
    await this.session.send(
      'Browser.setDownloadBehavior',
      allowed
        ? { behavior: 'allowAndName', downloadPath: this.dirs.downloads, eventsEnabled: true }
        : { behavior: 'deny', eventsEnabled: true },
    );
  }

  async #onTopLevelCommit(url: string, unreachableUrl: string | undefined): Promise<void> {
    const rules = indexOrigins(this.#rules());
    const decision = decideNavigation(url, 'top-level', rules);
    if (decision.action === 'eid-client' && decision.request.kind === 'status') {
      // A ?Status probe opened as a page shows its answer, as with AusweisApp: version facts
      // only, nothing of the citizen (see answerEidClient). The kiosk bar leads back.
      this.#lastGoodUrl = url;
      this.#lastBlock = null;
      if (this.#downloadsAllowed) await this.#setDownloads(false).catch(() => undefined);
      this.#events?.navigated(url);
      return;
    }
    if (decision.action === 'allow') {
      this.#lastGoodUrl = url;
      // A fresh allowed page: whatever is refused from now on is a new attempt.
      this.#lastBlock = null;
      const serviceId = serviceOf(url, this.#rules());
      const allowDownloads = this.#rules().services.some(
        (s) => s.id === serviceId && s.allowDownloads,
      );
      if (allowDownloads !== this.#downloadsAllowed) {
        await this.#setDownloads(allowDownloads).catch(() => undefined);
      }
      await this.#applyZoom(url);
      this.#events?.navigated(url);
      return;
    }
    if (url === 'about:blank' && this.#lastGoodUrl === 'about:blank') return;
    // The policy refuses foreign navigations before our interception sees them and commits an
    // error page for them; so do refused schemes. Report the real target, then go back.
    const attempted = unreachableUrl ?? url;
    const refused = decideNavigation(attempted, 'top-level', rules);
    if (refused.action === 'block' && !this.#reportedJustNow(attempted, 'top-level')) {
      this.#block({ url: attempted, reason: refused.reason, context: 'top-level' });
    }
    await this.#returnToLastGood();
  }

  /** Back in history when the entry before is the last allowed page (keeps its state). */
  async #returnToLastGood(): Promise<void> {
    const cdp = this.#pageSession;
    if (!cdp) return;
    const history = await cdp.send('Page.getNavigationHistory').catch(() => null);
    const previous = history?.entries[history.currentIndex - 1];
    if (previous && previous.url === this.#lastGoodUrl) {
      await cdp
        .send('Page.navigateToHistoryEntry', { entryId: previous.id })
        .catch(() => undefined);
    } else {
      await this.#page?.goto(this.#lastGoodUrl).catch(() => undefined);
    }
  }

  /** Script navigations to schemes the request interception never sees. */
  #onRequestedNavigation(event: Protocol.Page.FrameRequestedNavigationEvent): void {
    const url = parseProtocol(event.url);
    if (url === 'http:' || url === 'https:') return;
    const decision = decideNavigation(
      event.url,
      event.frameId === this.#mainTargetId ? 'top-level' : 'frame',
      indexOrigins(this.#rules()),
    );
    if (decision.action !== 'block') return;
    this.#block({ url: event.url, reason: decision.reason, context: 'top-level' });
  }

  /** Chromium refuses these in the renderer and only logs it; we report the attempt. */
  #onLog(entry: Protocol.Log.LogEntry): void {
    const refused = refusedByConnectWall(entry.text, indexOrigins(this.#rules()));
    if (refused) {
      this.#block({ url: refused, reason: 'origin-not-allowed', context: 'subresource' });
      return;
    }
    const match =
      /^Not allowed to (?:load local resource|navigate top frame to data URL): (\S+)/.exec(
        entry.text,
      );
    if (match?.[1])
      this.#block({ url: match[1], reason: 'scheme-not-allowed', context: 'top-level' });
  }

  #onGuardReport(payload: string, contextId: number): void {
    let report: GuardReport;
    try {
      report = JSON.parse(payload) as GuardReport;
    } catch {
      return;
    }
    if (report.kind === 'activity') this.#events?.activity();
    else if (report.kind === 'kiosk-bar') {
      // Only the bar of the citizen's top-level page (the script draws none in frames).
      const tap = parseKioskBarReport(report.report, this.#barLanguages());
      if (tap && contextId === this.#guardContextId) this.#events?.kioskBar(tap);
    } else
      this.#events?.blocked({
        url: this.#lastGoodUrl,
        reason: report.reason,
        context: 'page',
        detail: report.detail,
      });
  }
}

function parseProtocol(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

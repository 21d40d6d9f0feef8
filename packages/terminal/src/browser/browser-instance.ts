import type { Browser, CDPSession, Page } from 'puppeteer-core';
import {
  createInstanceDirs,
  killProcessGroup,
  launchChromium,
  removeInstanceDirs,
  type InstanceDirs,
} from './chromium-process.js';
import { indexOrigins } from './decide-navigation.js';
import { backEntry } from './history-back.js';
import { armPage, openWindow, type CitizenView } from './instance/citizen-view.js';
import type { InstanceSettings } from './instance/instance-settings.js';
import { OwnerRelay, type InstanceEvents } from './instance/owner-relay.js';
import { defaultLook } from './kiosk-bar-config.js';
import type { NavigationRules, ScanPanelView, SessionLook } from './kiosk-browser.js';
import { buildLockdown } from './lockdown.js';
import { watchGuardReports } from './overlay/guard-reports.js';
import { GuardWorld } from './overlay/guard-world.js';
import { KioskBar } from './overlay/kiosk-bar.js';
import { ViewZoom } from './overlay/view-zoom.js';
import { NavigationWall } from './wall/navigation-wall.js';

export type { InstanceSettings } from './instance/instance-settings.js';
export type { InstanceEvents } from './instance/owner-relay.js';

/**
 * One Chromium process with a fresh profile and the daemon's wall around it (wall/), the page
 * guard and the kiosk bar over its one view (overlay/), and crash detection. Prepared in
 * advance, without a window or (headless) with the next view already loaded; `activate` shows
 * the citizen's view. `dispose` kills it and deletes its directory.
 */
export class BrowserInstance {
  #view: CitizenView | null = null;
  readonly #owner: OwnerRelay;
  readonly #guard = new GuardWorld();
  readonly #bar: KioskBar;
  readonly #zoom: ViewZoom;
  readonly #wall: NavigationWall;
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
    preparedRules: NavigationRules,
  ) {
    const { logger } = settings;
    const view = () => this.#view;
    const owner = (this.#owner = new OwnerRelay(preparedRules));
    const guard = this.#guard;
    const look = defaultLook(settings.kioskBar, preparedRules);
    this.#bar = new KioskBar({ settings, owner, guard }, look);
    this.#zoom = new ViewZoom({ view, owner, bar: this.#bar, logger });
    this.#wall = new NavigationWall({
      session,
      view,
      owner,
      notices: guard,
      zoom: this.#zoom,
      downloadsDir: dirs.downloads,
      interception: settings.interception,
      logger,
    });
    const child = browser.process();
    this.#exited = new Promise((resolve) => {
      if (!child || child.exitCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    browser.on('disconnected', () => {
      if (!this.#disposed) owner.crashed({ kind: 'browser', detail: 'browser process exited' });
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
      await instance.#wall.arm();
      if (preload !== undefined) await instance.#openView(preload);
      return instance;
    } catch (error) {
      if (instance) await instance.dispose();
      else await removeInstanceDirs(dirs);
      throw error;
    }
  }

  get page(): Page | null {
    return this.#view?.page ?? null;
  }

  get alive(): boolean {
    return !this.#disposed && !this.#viewCrashed && this.browser.connected;
  }

  /**
   * Shows `url` in the citizen's window (opened now, unless it was in advance); from now on
   * `events` hears everything. A view opened in advance on `url` is handed over as it is.
   */
  async activate(url: string, events: InstanceEvents): Promise<void> {
    this.#owner.attach(events);
    // The document last committed was loaded from `url` (the kiosk UI then drops the token from
    // its address with replaceState, so the page's own URL is no test; a same-document
    // navigation to `url` would report no commit either).
    if (this.#view && this.#wall.lastGoodUrl === url) {
      events.navigated(url);
      return;
    }
    if (!this.#view) await this.#openView();
    await this.navigate(url);
  }

  /** Opens the one window with the page guard and the kiosk bar, and loads `url` if given. */
  async #openView(url?: string): Promise<void> {
    const view = await openWindow(this.browser, this.session, this.settings);
    this.#view = view;
    this.#wall.watch(view);
    this.#guard.watch(view);
    watchGuardReports(view, {
      owner: this.#owner,
      guard: this.#guard,
      bar: this.#bar,
      commits: this.#wall,
    });
    this.#watchView(view);
    await armPage(view.cdp, this.settings);
    await this.#bar.attach(view.cdp);
    if (url !== undefined) await this.navigate(url);
  }

  /** What the view asks of the owner itself: files for a file field, and its crash. */
  #watchView({ cdp }: CitizenView): void {
    cdp.on('Page.fileChooserOpened', ({ backendNodeId, mode }) => {
      if (backendNodeId !== undefined)
        void this.#onFileChooser(cdp, backendNodeId, mode === 'selectMultiple');
    });
    cdp.on('Inspector.targetCrashed', () => {
      if (this.#disposed) return;
      if (this.#owner.attached)
        this.#owner.crashed({ kind: 'renderer', detail: 'renderer process crashed' });
      else this.#viewCrashed = true;
    });
  }

  /**
   * The citizen's language and text size: the current page's bar re-renders and its zoom
   * follows at once (no reload), and every later document gets both.
   */
  async setLook(look: SessionLook): Promise<void> {
    await this.#bar.setLook(look);
    await this.#zoom.apply(this.#wall.lastGoodUrl);
  }

  /** One step back over the citizen's service pages (see backEntry); false when there is none. */
  async back(): Promise<boolean> {
    const cdp = this.#view?.cdp;
    if (!cdp) return false;
    const history = await cdp.send('Page.getNavigationHistory');
    const entry = backEntry(history, indexOrigins(this.#owner.rules()));
    if (!entry) return false;
    await cdp.send('Page.navigateToHistoryEntry', { entryId: entry.id });
    return true;
  }

  async navigate(url: string): Promise<void> {
    await this.#requireView().page.goto(url, { waitUntil: 'domcontentloaded' });
  }

  /** The citizen's page as a PDF, rendered by Chromium with print media (the bar hides itself). */
  async printPage(): Promise<Buffer> {
    const { cdp } = this.#requireView();
    const { data } = await cdp.send('Page.printToPDF', { printBackground: true });
    return Buffer.from(data, 'base64');
  }

  /** Shows `text` over the page for a few seconds (the guard's notice; the page cannot see it). */
  async showNotice(text: string): Promise<void> {
    await this.#guard.showNotice(text);
  }

  /** The scan panel in the current page's bar; false when the page has no bar to show it on. */
  showScanPanel(view: ScanPanelView | null): Promise<boolean> {
    return this.#bar.showScanPanel(view);
  }

  /** Reports a file chooser with the field's `accept` attribute (what the page will take). */
  async #onFileChooser(cdp: CDPSession, backendNodeId: number, multiple: boolean): Promise<void> {
    const described = await cdp.send('DOM.describeNode', { backendNodeId }).catch(() => null);
    const attributes = described?.node.attributes ?? [];
    const at = attributes.findIndex((name, index) => index % 2 === 0 && name === 'accept');
    const accept = at >= 0 ? (attributes[at + 1] ?? '') : '';
    this.#owner.fileChooser({ backendNodeId, multiple, accept });
  }

  /** Sets the files of the `<input type=file>` a file chooser event named. */
  async setFileInputFiles(backendNodeId: number, files: readonly string[]): Promise<void> {
    const { cdp } = this.#requireView();
    await cdp.send('DOM.setFileInputFiles', { files: [...files], backendNodeId });
  }

  /** Kills the process tree and deletes profile, downloads and policy: nothing is left. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#owner.detach();
    killProcessGroup(this.pid);
    await this.#exited;
    await removeInstanceDirs(this.dirs);
  }

  #requireView(): CitizenView {
    if (!this.#view) throw new Error('browser instance not active');
    return this.#view;
  }
}

import type {
  EidStartAnswer,
  EidStartRequest,
  KioskBrowser,
  KioskBrowserEvents,
  NavigationRules,
  ScanPanelView,
  SessionLook,
} from '../../src/browser/kiosk-browser.js';

type Listener = (payload: never) => void;

/**
 * FAKE KioskBrowser for daemon tests until the real one is wired in: records navigations and
 * resets, lets a test raise browser events (crash, activity) and fire eID starts.
 */
export class FakeKioskBrowser implements KioskBrowser {
  currentUrl = 'about:blank';
  policyEnforced = true;
  rules: NavigationRules | undefined;
  resets = 0;
  readonly navigations: string[] = [];
  /** What `printPage` returns (a test sets a PDF); every call is counted. */
  pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
  prints = 0;
  /** Files handed to file inputs, by backendNodeId. */
  readonly fileInputs = new Map<number, readonly string[]>();
  #handler: ((request: EidStartRequest) => Promise<EidStartAnswer>) | undefined;
  readonly #listeners = new Map<string, Set<Listener>>();

  async start(url: string): Promise<void> {
    this.currentUrl = url;
  }

  async navigate(url: string): Promise<void> {
    this.navigations.push(url);
    this.currentUrl = url;
    this.emit('navigated', { url });
  }

  async reset(url: string): Promise<void> {
    this.resets++;
    this.currentUrl = url;
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from('89504e470d0a1a0a', 'hex');
  }

  async printPage(): Promise<Buffer> {
    this.prints++;
    return this.pdf;
  }

  readonly notices: string[] = [];

  async showNotice(text: string): Promise<void> {
    this.notices.push(text);
    this.#shown();
  }

  /** Every scan panel shown, in order (null: closed); `hasBar: false` plays a page without bar. */
  readonly scanPanels: Array<ScanPanelView | null> = [];
  hasBar = true;
  readonly #waiters = new Set<() => void>();

  async showScanPanel(view: ScanPanelView | null): Promise<boolean> {
    if (!this.hasBar) return false;
    this.scanPanels.push(view);
    this.#shown();
    return true;
  }

  /** Resolves once `holds()` is true, checked again whenever a notice or a scan panel is shown. */
  whenShown(holds: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!holds()) return;
        this.#waiters.delete(check);
        resolve();
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** The latest scan panel once it matches (null: closed). */
  async scanPanel(matches: (view: ScanPanelView | null) => boolean): Promise<ScanPanelView | null> {
    const latest = () => this.scanPanels.at(-1);
    await this.whenShown(() => this.scanPanels.length > 0 && matches(latest() ?? null));
    return latest() ?? null;
  }

  #shown(): void {
    for (const check of this.#waiters) check();
  }

  async setFileInputFiles(backendNodeId: number, files: readonly string[]): Promise<void> {
    this.fileInputs.set(backendNodeId, files);
  }

  look: SessionLook | undefined;
  backs = 0;

  async setSessionLook(look: SessionLook): Promise<void> {
    this.look = look;
  }

  async back(): Promise<boolean> {
    this.backs++;
    return this.navigations.length > 1;
  }

  setEidStartHandler(handler: (request: EidStartRequest) => Promise<EidStartAnswer>): void {
    this.#handler = handler;
  }

  setRules(rules: NavigationRules): void {
    this.rules = rules;
  }

  on<E extends keyof KioskBrowserEvents>(
    event: E,
    listener: (payload: KioskBrowserEvents[E]) => void,
  ): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  emit<E extends keyof KioskBrowserEvents>(event: E, payload: KioskBrowserEvents[E]): void {
    for (const listener of this.#listeners.get(event) ?? [])
      (listener as (p: typeof payload) => void)(payload);
  }

  startEid(tcTokenURL: string): Promise<EidStartAnswer> {
    if (!this.#handler) throw new Error('no eID start handler');
    return this.#handler({ tcTokenURL, initiator: 'https://service.example' });
  }

  async stop(): Promise<void> {
    this.currentUrl = 'about:blank';
  }
}

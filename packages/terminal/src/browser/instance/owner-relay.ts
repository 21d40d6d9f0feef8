import type {
  BlockedNavigation,
  BrowserCrash,
  EidStartAnswer,
  EidStartRequest,
  FileChooserEvent,
  KioskBarReport,
  NavigationRules,
} from '../kiosk-browser.js';

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
 * The owner's events from `activate` on. Until then a browser prepared in advance reports to
 * nobody and follows the rules it was launched with.
 */
export class OwnerRelay implements InstanceEvents {
  #owner: InstanceEvents | null = null;

  constructor(private readonly preparedRules: NavigationRules) {}

  get attached(): boolean {
    return this.#owner !== null;
  }

  attach(owner: InstanceEvents): void {
    this.#owner = owner;
  }

  detach(): void {
    this.#owner = null;
  }

  rules(): NavigationRules {
    return this.#owner?.rules() ?? this.preparedRules;
  }

  blocked(event: BlockedNavigation): void {
    this.#owner?.blocked(event);
  }

  navigated(url: string): void {
    this.#owner?.navigated(url);
  }

  activity(): void {
    this.#owner?.activity();
  }

  crashed(crash: BrowserCrash): void {
    this.#owner?.crashed(crash);
  }

  async eidStart(request: EidStartRequest): Promise<EidStartAnswer> {
    if (!this.#owner) throw new Error('no eID start handler');
    return this.#owner.eidStart(request);
  }

  kioskBar(report: KioskBarReport): void {
    this.#owner?.kioskBar(report);
  }

  fileChooser(event: FileChooserEvent): void {
    this.#owner?.fileChooser(event);
  }
}

import type { TextScale } from '@sidbox/protocol';
import type { KioskBarReport, ScanPanelView } from './page-contract.js';

// What the kiosk bar reports and shows is its page script's contract.
export type { KioskBarReport, ScanPanelCommand, ScanPanelView } from './page-contract.js';

/**
 * The seam between the terminal daemon (session machine, control socket, eID) and the
 * kiosk browser (Chromium under DevTools-protocol control). The daemon depends only on this.
 */

/** What the browser may reach, derived from the terminal config (one typed source). */
export interface NavigationRules {
  /** Origins of the kiosk UI itself (the loopback UI server). */
  kioskOrigins: string[];
  /**
   * The terminal's languages, the first the default: the kiosk bar lists them. Without it, the
   * bar lists every language it has texts for.
   */
  languages?: string[];
  /** Per service: the origins it may load and navigate to, and whether it may download/print. */
  services: Array<{
    id: string;
    startUrl: string;
    origins: string[];
    allowDownloads: boolean;
    allowPrint: boolean;
    /** The kiosk bar shows Print on this service's pages (a printer is configured). */
    printButton?: boolean;
  }>;
}

export type BlockReason =
  | 'origin-not-allowed'
  | 'scheme-not-allowed'
  | 'popup'
  | 'download'
  | 'external-protocol'
  | 'shortcut'
  | 'context-menu'
  | 'drag-and-drop';

export interface BlockedNavigation {
  url: string;
  reason: BlockReason;
  /** Where the attempt came from: a top-level navigation, a popup, a frame, a subresource, or a gesture in the page. */
  context?: 'top-level' | 'popup' | 'frame' | 'subresource' | 'page';
  /** For gestures: the key combination or event (e.g. `Ctrl+t`, `contextmenu`, `drop`). */
  detail?: string;
}

/** How the daemon answers a page's eID start, the way an eID-Client does. */
export type EidStartAnswer =
  | { kind: 'redirect'; url: string }
  /** A kiosk page (e.g. an error screen) when neither refresh nor error address exists. */
  | { kind: 'kiosk-page'; url: string };

export interface EidStartRequest {
  tcTokenURL: string;
  /** The page that started it (its origin is an allowed service). */
  initiator: string;
}

/** The session's look on service pages: the kiosk bar's language, the pages' text size. */
export interface SessionLook {
  language: string;
  textScale: TextScale;
}

export type BrowserCrash = { kind: 'browser' | 'renderer'; detail: string };

/** A page's file field asked for files: its node, whether it takes several, its `accept`. */
export interface FileChooserEvent {
  backendNodeId: number;
  multiple: boolean;
  /** The field's `accept` attribute as written ("" without one). */
  accept: string;
}

export interface KioskBrowserEvents {
  /** A navigation or request was refused; the session stays intact. */
  blocked: BlockedNavigation;
  /** The top-level page changed. */
  navigated: { url: string };
  /** Citizen input (touch, key, pointer) for the idle timer. */
  activity: Record<string, never>;
  crashed: BrowserCrash;
  /**
   * The citizen tapped the kiosk bar of a service page (a trusted tap; a page script cannot
   * raise it): Home, Back, End, Print, a language or a text size. The daemon acts on it (and
   * calls `setSessionLook` for a language or text size; the bar itself changes nothing).
   */
  'kiosk-bar': KioskBarReport;
  /**
   * A page asked for a file (an `<input type=file>` was clicked). No native dialog ever opens;
   * the daemon may answer with `setFileInputFiles` (a scan) or leave the input empty.
   */
  'file-chooser': FileChooserEvent;
  /** A reset finished: how long it took, and whether a browser prepared in advance was used. */
  reset: { durationMs: number; prewarmed: boolean };
}

export interface KioskBrowser {
  /** Launches Chromium with a fresh profile and opens `url`. */
  start(url: string): Promise<void>;
  navigate(url: string): Promise<void>;
  /**
   * Ends the citizen's browser state: the profile is thrown away (not restarted: session
   * restore would bring cookies back) and a fresh browser shows `url`. May swap in a browser
   * prepared in advance, so the next citizen waits as little as possible.
   */
  reset(url: string): Promise<void>;
  screenshot(): Promise<Buffer>;
  /** The citizen's current page as a PDF (print media, no dialog). */
  printPage(): Promise<Buffer>;
  /** A short message over the citizen's page (printing, printer missing, scanning). */
  showNotice(text: string): Promise<void>;
  /**
   * Opens or updates the scan panel over the current service page; null closes it. Its taps
   * come back as `kiosk-bar` reports with the action `scan`. False when the current page has
   * no kiosk bar to show it on (a kiosk page, a browser without bar).
   */
  showScanPanel(view: ScanPanelView | null): Promise<boolean>;
  /** Hands files the daemon made (a scan) to the file input a `file-chooser` event named. */
  setFileInputFiles(backendNodeId: number, files: readonly string[]): Promise<void>;
  /**
   * The citizen's language (kiosk bar labels) and text size (zoom) on service pages, from now
   * on and after every navigation; back to the defaults with `reset`.
   */
  setSessionLook(look: SessionLook): Promise<void>;
  /**
   * One step back in the citizen's page history, over service pages only (never to a kiosk
   * page, an error page or a URL the rules refuse); false when there is nothing to go back to.
   */
  back(): Promise<boolean>;
  readonly currentUrl: string;
  /** Chromium reads the daemon's managed policy; false: the request interception is the only wall. */
  readonly policyEnforced: boolean;
  /** The daemon's handler for eID starts from service pages (http://127.0.0.1:24727/eID-Client?…). */
  setEidStartHandler(handler: (request: EidStartRequest) => Promise<EidStartAnswer>): void;
  setRules(rules: NavigationRules): void;
  on<E extends keyof KioskBrowserEvents>(
    event: E,
    listener: (payload: KioskBrowserEvents[E]) => void,
  ): () => void;
  stop(): Promise<void>;
}

import type { TextScale } from '@sidbox/protocol';

/**
 * What the daemon's browser and the page scripts share: the config each script is called with,
 * and what it reports back through the guard's binding. Types only, so both sides compile it.
 */

/** A tap in the scan panel: scan a page, hand the pages over, cancel, or take out a page. */
export type ScanPanelCommand =
  { command: 'scan' | 'done' | 'cancel' } | { command: 'remove'; page: number };

/** A trusted tap on the kiosk bar of a service page (or in its scan panel). */
export type KioskBarReport =
  | { action: 'home' | 'end' | 'print' | 'back' }
  | { action: 'language'; language: string }
  | { action: 'text-size'; scale: TextScale }
  | { action: 'scan'; scan: ScanPanelCommand };

/**
 * The scan panel over a service page, every text already in the citizen's language: the kiosk
 * bar draws it in its closed shadow root, where the page cannot reach it.
 */
export interface ScanPanelView {
  title: string;
  /** The instruction or the progress; announced to screen readers when it changes. */
  status: string;
  /** The scanner or the PDF binder is working: the page list and buttons wait. */
  busy: boolean;
  /** Heading of the page list ("Gescannte Seiten: 2"); empty without pages. */
  pagesHeading: string;
  /** Each page's label, its preview (base64 PNG) and, where it can be taken out, that button's label. */
  pages: Array<{ label: string; previewPng: string; remove: string | null }>;
  buttons: Array<{ command: 'scan' | 'done' | 'cancel'; label: string; primary: boolean }>;
  /** Where the scans go: deleted at the end of the session. */
  note: string;
}

/** The bar's texts in one language (from the kiosk UI's catalogue). */
export interface KioskBarTexts {
  /** Accessible name of the bar. */
  label: string;
  home: string;
  back: string;
  language: string;
  help: string;
  helpText: string;
  textSize: string;
  print: string;
  end: string;
  /** This language's name in itself ("Deutsch", "Türkçe", "العربية"). */
  languageName: string;
  /** The button that closes the help panel; without it, the panel's close button shows ✕ only. */
  close?: string;
}

/** What the bar script gets: everything already resolved for the session's look. */
export interface KioskBarConfig {
  /** Origins of the kiosk UI, whose pages render their own bar. */
  kioskOrigins: string[];
  /**
   * Where each service's pages are, and whether they get a Print button (the daemon decides,
   * from the rules); the page's service is found as the daemon finds it (`scopeAt`).
   */
  printScopes: { origin: string; path: string | null; print: boolean }[];
  /** Bar height in pixels on the screen; the page is pushed down by as much. */
  heightPx: number;
  /** The session's language: the bar's texts are in it. */
  language: string;
  rtl: boolean;
  /** The session's text size: the page's zoom, which the bar undoes for itself. */
  scale: TextScale;
  /** The text sizes the button cycles through. */
  scales: readonly TextScale[];
  texts: KioskBarTexts;
  /** The terminal's languages by their own names, for the language list. */
  languages: Array<{ code: string; name: string }>;
}

/** `globalThis.__sidboxBar` in the guard's world, once the bar runs on the page. */
export interface KioskBarHandle {
  /** Re-renders the bar for a new look, without a reload. */
  update(config: KioskBarConfig): void;
  /** Opens, changes or (null) closes the scan panel. */
  scan(view: ScanPanelView | null): void;
}

export interface GuardConfig {
  /** Schemes Chromium handles itself (file:, chrome:, …): `scheme-not-allowed`. */
  internalSchemes: string[];
  /** Allowed page zoom, as factors of the display's normal scale. */
  zoom: { min: number; max: number };
  /** The display's own scale: `devicePixelRatio` divided by it is the page zoom. */
  deviceScaleFactor: number;
  /** Text of the notice shown when something was blocked. */
  notice: string;
}

export type BlockedReason =
  'shortcut' | 'context-menu' | 'drag-and-drop' | 'scheme-not-allowed' | 'external-protocol';

/** Messages from the guard; `detail` names the key, scheme or gesture. */
export type GuardReport =
  | { kind: 'blocked'; reason: BlockedReason; detail: string }
  | { kind: 'activity' }
  /** A trusted tap on the kiosk bar (which shares the guard's world); checked by parseKioskBarReport. */
  | { kind: 'kiosk-bar'; report: unknown };

/** What the bar sends: a GuardReport whose `report` the page types as a KioskBarReport. */
export type KioskBarMessage = { kind: 'kiosk-bar'; report: KioskBarReport };

/** Each page script's entry: what its bundle is called with. */
export interface PageScripts {
  'page-guard': (config: GuardConfig, binding: string) => void;
  'kiosk-bar': (config: KioskBarConfig, binding: string) => void;
}

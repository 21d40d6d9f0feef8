/**
 * The kiosk bar on service pages, as the browser injects it (the script itself, and what it
 * guards against: page/kiosk-bar.ts). It runs in the page guard's isolated world and reports
 * `{ kind: 'kiosk-bar', report }` with a KioskBarReport through the guard's binding.
 */
import type { KioskBarConfig, ScanPanelView } from './page-contract.js';
import { pageScript } from './page-script.js';

export type { KioskBarConfig, KioskBarTexts } from './page-contract.js';

export const DEFAULT_KIOSK_BAR_HEIGHT = 64;

/** The source handed to `Page.addScriptToEvaluateOnNewDocument` (in the guard's world). */
export function kioskBarScript(config: KioskBarConfig, binding: string): string {
  return pageScript('kiosk-bar', config, binding);
}

/**
 * An expression for `Runtime.evaluate` in the guard's world: the scan panel opens, changes or
 * (null) closes; true when the page has a bar to show it on.
 */
export function kioskBarScanPanel(view: ScanPanelView | null): string {
  return `globalThis.__sidboxBar ? (globalThis.__sidboxBar.scan(${JSON.stringify(view)}), true) : false`;
}

/** An expression for `Runtime.evaluate` in the guard's world: the current page's bar re-renders. */
export function kioskBarUpdate(config: KioskBarConfig): string {
  return `globalThis.__sidboxBar?.update(${JSON.stringify(config)})`;
}

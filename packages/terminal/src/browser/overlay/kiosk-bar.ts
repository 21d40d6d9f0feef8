import type { CDPSession } from 'puppeteer-core';
import { barLanguages, kioskBarConfig } from '../kiosk-bar-config.js';
import { kioskBarScanPanel, kioskBarScript, kioskBarUpdate } from '../kiosk-bar-script.js';
import type { ScanPanelView, SessionLook } from '../kiosk-browser.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import type { InstanceSettings } from '../instance/instance-settings.js';
import { GUARD_BINDING, GUARD_WORLD } from '../page-guard-script.js';
import type { GuardWorld } from './guard-world.js';

export interface KioskBarDeps {
  settings: Pick<InstanceSettings, 'kioskBar' | 'logger'>;
  owner: Pick<InstanceEvents, 'rules'>;
  guard: Pick<GuardWorld, 'evaluate'>;
}

/**
 * The kiosk bar on service pages, in the session's language and text size (its look): a
 * script in the guard's world of every document, and updates of the current one.
 */
export class KioskBar {
  #cdp: CDPSession | null = null;
  /** The registered bar script, replaced when the look changes. */
  #scriptId: string | null = null;
  #registration: Promise<void> = Promise.resolve();
  #look: SessionLook;

  /** `look`: the defaults a fresh browser has (see defaultLook). */
  constructor(
    private readonly deps: KioskBarDeps,
    look: SessionLook,
  ) {
    this.#look = look;
  }

  get currentLook(): SessionLook {
    return this.#look;
  }

  /** Puts the bar into every later document of the view with this page session. */
  attach(cdp: CDPSession): Promise<void> {
    this.#cdp = cdp;
    return this.#register();
  }

  /** The current page's bar re-renders at once (no reload), and every later document has it. */
  async setLook(look: SessionLook): Promise<void> {
    this.#look = look;
    if (!this.#cdp) return;
    await this.#register();
    const bar = this.deps.settings.kioskBar;
    if (!bar) return;
    const config = kioskBarConfig(bar, this.deps.owner.rules(), look);
    await this.deps.guard.evaluate(kioskBarUpdate(config)).catch(() => undefined);
  }

  /** The languages the bar offers (for checking its reports). */
  languages(): string[] {
    const bar = this.deps.settings.kioskBar;
    return bar ? barLanguages(bar, this.deps.owner.rules()) : [];
  }

  /** The scan panel in the current page's bar; false when the page has no bar to show it on. */
  async showScanPanel(view: ScanPanelView | null): Promise<boolean> {
    if (!this.#cdp) return false;
    const result = await this.deps.guard.evaluate(kioskBarScanPanel(view), true);
    return result?.value === true;
  }

  /**
   * The bar script for the look as it is now, for every later document; the one it replaces is
   * removed after it, so no document in between goes without a bar (a document that runs both
   * has its bar updated by the newer one). Kiosk and print origins are read now too: the kiosk
   * UI server's port does not change while it runs.
   */
  #register(): Promise<void> {
    // One at a time: two looks set at once would both remove the same previous script.
    const next = this.#registration.then(() => this.#replaceScript());
    this.#registration = next.catch(() => undefined);
    return next;
  }

  async #replaceScript(): Promise<void> {
    const bar = this.deps.settings.kioskBar;
    const cdp = this.#cdp;
    if (!bar || !cdp) return;
    const previous = this.#scriptId;
    const config = kioskBarConfig(bar, this.deps.owner.rules(), this.#look);
    const { identifier } = await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: kioskBarScript(config, GUARD_BINDING),
      worldName: GUARD_WORLD,
      runImmediately: true,
    });
    this.#scriptId = identifier;
    if (previous === null) return;
    // Seen rarely under load: Chromium no longer knows the previous script. Gone is what we
    // want, and the look (the current page's bar, its zoom) must still be applied after this.
    await cdp
      .send('Page.removeScriptToEvaluateOnNewDocument', { identifier: previous })
      .catch((error: unknown) =>
        this.deps.settings.logger.debug({ err: error }, 'previous bar script already gone'),
      );
  }
}

import type { LocalTerminalConfig } from '@sidbox/protocol';
import { serviceOf } from '../browser/decide-navigation.js';
import type { KioskBrowser } from '../browser/kiosk-browser.js';
import type { KioskTexts, NoticeKey } from './kiosk-texts.js';
import { navigationRules } from './navigation-rules.js';

export type Service = LocalTerminalConfig['services'][number];

export interface ServicePagesOptions {
  config: () => LocalTerminalConfig;
  kioskOrigins: () => readonly string[];
  browser: Pick<KioskBrowser, 'currentUrl' | 'showNotice'>;
  texts: Pick<KioskTexts, 'text'>;
  /** The citizen's language, for notices. */
  language: () => string;
}

/** The citizen's current service page as the features see it: which service, and notices. */
export class ServicePages {
  readonly #options: ServicePagesOptions;

  constructor(options: ServicePagesOptions) {
    this.#options = options;
  }

  /** The service of the citizen's current page, if any. */
  current(): Service | undefined {
    const { config, kioskOrigins, browser } = this.#options;
    const id = serviceOf(browser.currentUrl, navigationRules(config(), kioskOrigins()));
    return config().services.find((service) => service.id === id);
  }

  /** A notice over the service page, in the citizen's language; a failure is no concern. */
  async notice(key: NoticeKey): Promise<void> {
    const { browser, texts, language } = this.#options;
    await browser.showNotice(texts.text(language(), key)).catch(() => undefined);
  }
}

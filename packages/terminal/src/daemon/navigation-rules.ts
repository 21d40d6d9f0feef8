import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { NavigationRules } from '../browser/kiosk-browser.js';

/** The browser's allowlist, derived from the configuration: one typed source for both walls. */
export function navigationRules(
  config: LocalTerminalConfig,
  kioskOrigins: readonly string[],
): NavigationRules {
  return {
    kioskOrigins: [...kioskOrigins],
    languages: [...config.languages],
    services: config.services.map((service) => ({
      id: service.id,
      startUrl: service.startUrl,
      origins: [
        ...new Set([
          new URL(service.startUrl).origin,
          ...service.allowedOrigins,
          ...service.redirectOrigins,
        ]),
      ],
      allowDownloads: service.allowDownloads,
      allowPrint: service.allowPrint,
      // Print on the kiosk bar only where the service allows it and a printer is configured.
      printButton: service.allowPrint && config.devices?.printer !== undefined,
    })),
  };
}

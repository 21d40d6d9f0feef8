import type { NavigationRules } from '../../../src/browser/kiosk-browser.js';

/**
 * Rules with one service `svc` starting at `startUrl`, allowed on its own origin (or the given
 * ones), without downloads and, unless asked, without printing.
 */
export function oneServiceRules(
  startUrl: string,
  options: {
    origins?: string[];
    kioskOrigins?: string[];
    languages?: string[];
    allowPrint?: boolean;
  } = {},
): NavigationRules {
  return {
    kioskOrigins: options.kioskOrigins ?? [],
    ...(options.languages && { languages: options.languages }),
    services: [
      {
        id: 'svc',
        startUrl,
        origins: options.origins ?? [new URL(startUrl).origin],
        allowDownloads: false,
        allowPrint: options.allowPrint ?? false,
      },
    ],
  };
}

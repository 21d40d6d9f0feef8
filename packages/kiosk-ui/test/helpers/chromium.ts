import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's Chromium (the binary itself where it is there, else the wrapper); never a download. */
export const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) =>
  existsSync(path),
);

/**
 * Debian's Chromium, headless, with the flags it needs as root and without its own network
 * traffic; the suites of every package with a web UI start it this way.
 */
export function launchTestChromium(
  options: { args?: string[]; acceptInsecureCerts?: boolean } = {},
): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
      ...(options.args ?? []),
    ],
  });
}

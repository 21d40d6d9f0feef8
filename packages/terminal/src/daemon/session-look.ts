import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { SessionLook } from '../browser/kiosk-browser.js';

/** A new citizen's look: the terminal's first language, text at 100 %. */
export function defaultLook(config: Pick<LocalTerminalConfig, 'languages'>): SessionLook {
  return { language: config.languages[0] ?? 'de', textScale: 1 };
}

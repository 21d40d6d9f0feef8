import type { LocalTerminalConfig, TextScale } from '@sidbox/protocol';
import type { SessionLook } from '../../browser/kiosk-browser.js';
import { ControlError } from '../../control/reply.js';

/** The citizen's language choice; only the languages this terminal offers. */
export function withLanguage(
  look: SessionLook,
  config: Pick<LocalTerminalConfig, 'languages'>,
  language: string,
): SessionLook {
  if (!config.languages.includes(language)) {
    throw new ControlError('bad-request', `language "${language}" is not offered here`);
  }
  return { ...look, language };
}

export function withTextScale(look: SessionLook, textScale: TextScale): SessionLook {
  return { ...look, textScale };
}

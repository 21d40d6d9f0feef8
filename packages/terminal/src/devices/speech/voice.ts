/**
 * Which espeak-ng voice reads a kiosk language. All six kiosk languages have a voice in
 * Debian's espeak-ng-data (de, en, tr, ar, uk, ru); a stripped data set may lack one.
 *
 * The fallback is English, not German: the text arrives in the citizen's language, which is
 * not German either way, and someone who chose another language is likelier to follow English
 * (the kiosk's second always-complete language) than German.
 */
export const FALLBACK_VOICE = 'en';

/** "en-GB" and "en_US" name the English voice; espeak-ng knows languages by primary subtag. */
export function voiceFor(language: string, installed: ReadonlySet<string>): string {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return installed.has(primary) ? primary : FALLBACK_VOICE;
}

/**
 * The languages of `espeak-ng --voices`: a header line, then "Pty Language Age/Gender …".
 * Regional voices (en-gb, en-us) also count for their primary language.
 */
export function parseVoiceLanguages(listing: string): Set<string> {
  const languages = new Set<string>();
  for (const line of listing.split('\n').slice(1)) {
    const language = line.trim().split(/\s+/)[1];
    if (!language) continue;
    languages.add(language);
    languages.add(language.split('-')[0] ?? language);
  }
  return languages;
}

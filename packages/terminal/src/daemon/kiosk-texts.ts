import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@sidbox/runtime';
import { LanguageTag } from '@sidbox/protocol';
import { z } from 'zod';
import type { KioskBarTexts } from '../browser/kiosk-bar-script.js';
import { barTextKeys } from '../browser/kiosk-bar-texts.js';

/** Notices the daemon shows over a service page (printing, scanning …). */
export const noticeKeys = [
  'notice.printing',
  'notice.printerMissing',
  'notice.outOfPaper',
  'notice.paperJam',
  'notice.printerOffline',
  'notice.scanned',
  'notice.scanFailed',
  'notice.uploadUnavailable',
  'notice.uploadWrongType',
] as const;
export type NoticeKey = (typeof noticeKeys)[number];

export const isNoticeKey = (key: string): key is NoticeKey =>
  (noticeKeys as readonly string[]).includes(key);

/** The bar's and the notices' catalogue keys; the kiosk UI's build must carry them all. */
export const daemonTextKeys = [...Object.values(barTextKeys), ...noticeKeys] as const;
/** The catalogue sections the kiosk UI's build writes for the daemon and its features. */
export type TextKey = 'language.name' | `bar.${string}` | `notice.${string}` | `scan.${string}`;

/** packages/kiosk-ui/dist/kiosk-texts.json: plain texts by language and key. */
const KioskTextsFile = z.record(LanguageTag, z.record(z.string(), z.string().max(2_000)));

/**
 * The kiosk's texts the daemon itself shows: notices over service pages and the kiosk bar,
 * from the kiosk UI's catalogue (its build writes kiosk-texts.json), German as the fallback
 * for a language or key the file lacks. The catalogue is the one copy of these texts: without
 * the file (a checkout before `npm run build`) the keys themselves show, and the log says why.
 */
export class KioskTexts {
  readonly #byLanguage: Record<string, Partial<Record<string, string>>>;

  constructor(byLanguage: Record<string, Partial<Record<string, string>>>) {
    this.#byLanguage = byLanguage;
  }

  /** Reads `<uiDir>/kiosk-texts.json`; a missing or malformed file means no texts. */
  static load(uiDir: string, logger: Logger): KioskTexts {
    const file = join(uiDir, 'kiosk-texts.json');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      logger.warn({ file }, 'no kiosk texts: the kiosk UI is not built; showing text keys');
      return new KioskTexts({});
    }
    try {
      return new KioskTexts(KioskTextsFile.parse(JSON.parse(text)));
    } catch (error) {
      const problem = error instanceof z.ZodError ? z.prettifyError(error) : 'not JSON';
      logger.warn({ file, problem }, 'kiosk texts unreadable; showing text keys');
      return new KioskTexts({});
    }
  }

  /** The languages the texts cover. */
  get languages(): string[] {
    return Object.keys(this.#byLanguage);
  }

  text(language: string, key: TextKey): string {
    return this.#byLanguage[language]?.[key] ?? this.#byLanguage.de?.[key] ?? key;
  }

  /** The kiosk bar's labels for every language the texts cover. */
  barTexts(): Record<string, KioskBarTexts> {
    return Object.fromEntries(this.languages.map((language) => [language, this.#bar(language)]));
  }

  #bar(language: string): KioskBarTexts {
    const { close, ...required } = barTextKeys;
    const own = this.#byLanguage[language]?.[close];
    return {
      ...(Object.fromEntries(
        Object.entries(required).map(([name, key]) => [name, this.text(language, key)]),
      ) as Omit<KioskBarTexts, 'close'>),
      // Optional in the bar: without it the help panel's close button shows ✕ alone, which
      // beats a German word in another language.
      ...(own !== undefined && { close: own }),
    };
  }
}

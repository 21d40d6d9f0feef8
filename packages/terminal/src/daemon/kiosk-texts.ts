import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@sidbox/eid';
import { LanguageTag } from '@sidbox/protocol';
import { z } from 'zod';
import type { KioskBarTexts } from '../browser/kiosk-bar-script.js';

/** Notices the daemon shows over a service page (printing, scanning …). */
export const noticeKeys = [
  'notice.printing',
  'notice.printerMissing',
  'notice.outOfPaper',
  'notice.paperJam',
  'notice.printerOffline',
  'notice.scanning',
  'notice.scanned',
  'notice.scanFailed',
] as const;
export type NoticeKey = (typeof noticeKeys)[number];

export const isNoticeKey = (key: string): key is NoticeKey =>
  (noticeKeys as readonly string[]).includes(key);

type TextKey =
  | NoticeKey
  | 'language.name'
  | `bar.${'label' | 'home' | 'back' | 'language' | 'help' | 'helpText' | 'textSize' | 'print' | 'end' | 'close'}`;
type Texts = Record<TextKey, string>;

/** Used when the kiosk UI's build has no kiosk-texts.json (a checkout without `npm run build`). */
const builtIn: Record<'de' | 'en', Texts> = {
  de: {
    'language.name': 'Deutsch',
    'bar.label': 'Terminal-Steuerung',
    'bar.home': 'Start',
    'bar.back': 'Zurück',
    'bar.language': 'Sprache',
    'bar.help': 'Hilfe',
    'bar.helpText':
      'Mit „Zurück“ kommen Sie zur vorigen Seite, mit „Start“ zur Übersicht. „Sitzung beenden“ löscht alle Ihre Daten.',
    'bar.textSize': 'Schriftgröße',
    'bar.print': 'Drucken',
    'bar.end': 'Sitzung beenden',
    'bar.close': 'Schließen',
    'notice.printing': 'Wird gedruckt …',
    'notice.printerMissing': 'Drucker nicht verfügbar – bitte wenden Sie sich an das Personal.',
    'notice.outOfPaper': 'Der Drucker hat kein Papier – bitte wenden Sie sich an das Personal.',
    'notice.paperJam': 'Papierstau im Drucker – bitte wenden Sie sich an das Personal.',
    'notice.printerOffline':
      'Der Drucker ist ausgeschaltet – bitte wenden Sie sich an das Personal.',
    'notice.scanning': 'Dokument wird gescannt …',
    'notice.scanned': 'Dokument gescannt und übernommen.',
    'notice.scanFailed': 'Scannen nicht möglich – bitte wenden Sie sich an das Personal.',
  },
  en: {
    'language.name': 'English',
    'bar.label': 'Terminal controls',
    'bar.home': 'Home',
    'bar.back': 'Back',
    'bar.language': 'Language',
    'bar.help': 'Help',
    'bar.helpText':
      '“Back” takes you to the previous page, “Home” to the overview. “End session” deletes all your data.',
    'bar.textSize': 'Text size',
    'bar.print': 'Print',
    'bar.end': 'End session',
    'bar.close': 'Close',
    'notice.printing': 'Printing …',
    'notice.printerMissing': 'Printer not available – please ask the staff.',
    'notice.outOfPaper': 'The printer is out of paper – please ask the staff.',
    'notice.paperJam': 'Paper jam in the printer – please ask the staff.',
    'notice.printerOffline': 'The printer is switched off – please ask the staff.',
    'notice.scanning': 'Scanning the document …',
    'notice.scanned': 'Document scanned and attached.',
    'notice.scanFailed': 'Scanning failed – please ask the staff.',
  },
};

/** packages/kiosk-ui/dist/kiosk-texts.json: plain texts by language and key. */
const KioskTextsFile = z.record(LanguageTag, z.record(z.string(), z.string().max(2_000)));

/**
 * The kiosk's texts the daemon itself shows: notices over service pages and the kiosk bar,
 * from the kiosk UI's catalogue (its build writes kiosk-texts.json), German as the fallback
 * for a language or key the file lacks, built-in German and English without the file.
 */
export class KioskTexts {
  readonly #byLanguage: Record<string, Partial<Record<string, string>>>;

  constructor(byLanguage: Record<string, Partial<Record<string, string>>>) {
    this.#byLanguage = byLanguage;
  }

  /** Reads `<uiDir>/kiosk-texts.json`; a missing or malformed file means the built-in texts. */
  static load(uiDir: string, logger: Logger): KioskTexts {
    const file = join(uiDir, 'kiosk-texts.json');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      logger.info({ file }, 'no kiosk texts from the kiosk UI build; built-in German and English');
      return new KioskTexts(builtIn);
    }
    try {
      return new KioskTexts({ ...builtIn, ...KioskTextsFile.parse(JSON.parse(text)) });
    } catch (error) {
      const problem = error instanceof z.ZodError ? z.prettifyError(error) : 'not JSON';
      logger.warn({ file, problem }, 'kiosk texts unreadable; built-in German and English');
      return new KioskTexts(builtIn);
    }
  }

  /** The languages the texts cover. */
  get languages(): string[] {
    return Object.keys(this.#byLanguage);
  }

  text(language: string, key: TextKey): string {
    return this.#byLanguage[language]?.[key] ?? this.#byLanguage.de?.[key] ?? builtIn.de[key];
  }

  /** The kiosk bar's labels for every language the texts cover. */
  barTexts(): Record<string, KioskBarTexts> {
    return Object.fromEntries(this.languages.map((language) => [language, this.#bar(language)]));
  }

  #bar(language: string): KioskBarTexts {
    const text = (key: TextKey): string => this.text(language, key);
    // Optional in the bar: without it the help panel's close button shows ✕ alone, which
    // beats a German word in another language.
    const close = this.#byLanguage[language]?.['bar.close'];
    return {
      ...(close !== undefined && { close }),
      label: text('bar.label'),
      home: text('bar.home'),
      back: text('bar.back'),
      language: text('bar.language'),
      help: text('bar.help'),
      helpText: text('bar.helpText'),
      textSize: text('bar.textSize'),
      print: text('bar.print'),
      end: text('bar.end'),
      languageName: text('language.name'),
    };
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@sidbox/runtime';
import { LanguageTag } from '@sidbox/protocol';
import { z } from 'zod';
import type { KioskBarTexts } from '../browser/kiosk-bar-script.js';
import { scanTextKeys } from './scan-panel-view.js';

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

const barTextKeys = [
  'bar.label',
  'bar.home',
  'bar.back',
  'bar.language',
  'bar.help',
  'bar.helpText',
  'bar.textSize',
  'bar.print',
  'bar.end',
  'bar.close',
] as const;

/** Every catalogue key the daemon shows itself; the kiosk UI's build must carry them all. */
export const daemonTextKeys = [
  'language.name',
  ...barTextKeys,
  ...noticeKeys,
  ...scanTextKeys,
] as const;
type TextKey = (typeof daemonTextKeys)[number];
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
    'notice.scanned': 'Dokument gescannt und übernommen.',
    'notice.scanFailed': 'Scannen nicht möglich – bitte wenden Sie sich an das Personal.',
    'notice.uploadUnavailable':
      'Hier können keine Dateien hochgeladen werden. Bitte fragen Sie das Personal.',
    'notice.uploadWrongType':
      'Dieses Feld nimmt keine gescannten Dokumente an. Bitte fragen Sie das Personal.',
    'scan.title': 'Dokument scannen',
    'scan.instruction':
      'Legen Sie die erste Seite mit der Schrift nach unten auf die Glasplatte des Scanners und schließen Sie den Deckel. Tippen Sie dann auf „Seite scannen“.',
    'scan.scanning': 'Die Seite wird gescannt … Bitte lassen Sie den Deckel geschlossen.',
    'scan.next':
      'Prüfen Sie die Vorschau. Für eine weitere Seite legen Sie diese auf und tippen auf „Weitere Seite scannen“. Wenn alle Seiten da sind, tippen Sie auf „Fertig“.',
    'scan.limit': 'Mehr Seiten passen nicht in ein Dokument. Tippen Sie auf „Fertig“.',
    'scan.failed':
      'Das Scannen hat nicht geklappt. Liegt die Seite richtig und ist der Deckel zu? Versuchen Sie es noch einmal, oder fragen Sie das Personal.',
    'scan.binding': 'Das Dokument wird erstellt …',
    'scan.scanPage': 'Seite scannen',
    'scan.scanMore': 'Weitere Seite scannen',
    'scan.retry': 'Noch einmal scannen',
    'scan.done': 'Fertig – Dokument übernehmen',
    'scan.cancel': 'Abbrechen',
    'scan.pages': 'Gescannte Seiten',
    'scan.page': 'Seite',
    'scan.remove': 'Entfernen',
    'scan.note':
      'Die Scans gehen nur an diesen Dienst und werden am Ende Ihrer Sitzung vom Terminal gelöscht.',
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
    'notice.scanned': 'Document scanned and attached.',
    'notice.scanFailed': 'Scanning failed – please ask the staff.',
    'notice.uploadUnavailable': 'Files cannot be uploaded here. Please ask the staff.',
    'notice.uploadWrongType': 'This field does not take scanned documents. Please ask the staff.',
    'scan.title': 'Scan a document',
    'scan.instruction':
      'Place the first page face down on the scanner glass and close the lid. Then tap “Scan page”.',
    'scan.scanning': 'Scanning the page … Please keep the lid closed.',
    'scan.next':
      'Check the preview. For another page, place it on the glass and tap “Scan another page”. When all pages are there, tap “Done”.',
    'scan.limit': 'A document cannot have more pages. Tap “Done”.',
    'scan.failed':
      'Scanning did not work. Is the page in place and the lid closed? Try again, or ask the staff.',
    'scan.binding': 'Creating the document …',
    'scan.scanPage': 'Scan page',
    'scan.scanMore': 'Scan another page',
    'scan.retry': 'Scan again',
    'scan.done': 'Done – use this document',
    'scan.cancel': 'Cancel',
    'scan.pages': 'Scanned pages',
    'scan.page': 'Page',
    'scan.remove': 'Remove',
    'scan.note':
      'The scans go only to this service and are deleted from the terminal when your session ends.',
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

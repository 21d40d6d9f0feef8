import type { Logger } from '@sidbox/runtime';
import type { FileChooserEvent, KioskBrowser } from '../../browser/kiosk-browser.js';
import type { ActionHandlers } from '../../daemon/actions.js';
import { inSession } from '../../daemon/citizen-session.js';
import type { DaemonBus, ScanOutcome } from '../../daemon/daemon-events.js';
import type { KioskTexts } from '../../daemon/kiosk-texts.js';
import { Subscriptions, type Part, type WipeExecutor } from '../../daemon/part.js';
import type { ServicePages } from '../../daemon/service-pages.js';
import type { SessionDir } from '../../daemon/session-dir.js';
import type { SaneScanner } from '../../devices/scan/sane-scanner.js';
import type { SessionController } from '../../session/controller.js';
import { ScanController } from './scan-controller.js';

export interface ScanningOptions {
  /** None configured: file choosers are refused with a notice. */
  scanner: SaneScanner | undefined;
  maxPages: number;
  browser: Pick<KioskBrowser, 'on' | 'showScanPanel' | 'setFileInputFiles'>;
  session: Pick<SessionController, 'snapshot' | 'dispatch'>;
  sessionDir: Pick<SessionDir, 'path'>;
  pages: Pick<ServicePages, 'current' | 'notice'>;
  texts: Pick<KioskTexts, 'text'>;
  /** The citizen's language, for the scan panel. */
  language: () => string;
  bus: DaemonBus;
  logger: Logger;
}

/**
 * A service page opened a file chooser (no native dialog exists): if the service allows
 * uploads and a scanner is configured, the scan panel opens over the page; the citizen scans
 * page by page and hands the PDF over. Nothing else can ever reach the page's input.
 */
export class Scanning implements Part {
  readonly name = 'scanning';
  readonly #options: ScanningOptions;
  readonly #scan: ScanController | undefined;
  readonly #subscriptions = new Subscriptions();

  constructor(options: ScanningOptions) {
    this.#options = options;
    const { scanner } = options;
    this.#scan = scanner
      ? new ScanController({
          scanner,
          browser: options.browser,
          maxPages: options.maxPages,
          text: (key) => options.texts.text(options.language(), key),
          logger: options.logger,
          finished: (outcome) => void this.#finished(outcome),
        })
      : undefined;
  }

  readonly actions: Pick<ActionHandlers, 'scan'> = {
    scan: async ({ scan }) => {
      this.#options.session.dispatch({ type: 'activity' });
      await this.#scan?.command(scan);
    },
  };

  readonly wipe: { 'wipe-scans': WipeExecutor } = {
    'wipe-scans': async () => this.#options.scanner?.wipe(),
  };

  wipeFacts() {
    return { scans: this.#options.scanner !== undefined };
  }

  start(): void {
    const { browser, bus } = this.#options;
    this.#subscriptions.add(
      browser.on('file-chooser', (field) => void this.#onFileChooser(field)),
      // A new document has no file field of the old one to hand pages to.
      browser.on('navigated', () => void this.#scan?.abandon()),
      // The open panel in the citizen's new language.
      bus.on('look-changed', () => void this.#scan?.render()),
    );
  }

  async sessionEnds(): Promise<void> {
    await this.#scan?.abandon();
  }

  stop(): void {
    this.#subscriptions.drop();
  }

  async #onFileChooser(field: FileChooserEvent): Promise<void> {
    const { session, sessionDir, pages, logger } = this.#options;
    const service = pages.current();
    const dir = sessionDir.path;
    if (!inSession(session) || !this.#scan || !service?.allowUpload || !dir) {
      logger.info({ service: service?.id }, 'file chooser refused');
      if (inSession(session)) await pages.notice('notice.uploadUnavailable');
      return;
    }
    session.dispatch({ type: 'activity' });
    const opened = await this.#scan.open(field, dir);
    if (opened === 'opened') return;
    logger.warn({ service: service.id, accept: field.accept, why: opened }, 'no scan');
    await pages.notice(
      opened === 'wrong-type' ? 'notice.uploadWrongType' : 'notice.uploadUnavailable',
    );
  }

  async #finished(outcome: ScanOutcome): Promise<void> {
    this.#options.logger.info(
      'pages' in outcome ? { pages: outcome.pages } : outcome,
      'scan finished',
    );
    if ('pages' in outcome) await this.#options.pages.notice('notice.scanned');
    else if ('error' in outcome) await this.#options.pages.notice('notice.scanFailed');
    this.#options.bus.emit('scanned', outcome);
  }
}

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@sidbox/runtime';
import type { KioskBrowser } from '../../browser/kiosk-browser.js';
import type { ActionHandlers } from '../../daemon/actions.js';
import type { DaemonBus } from '../../daemon/daemon-events.js';
import { isNoticeKey } from '../../daemon/kiosk-texts.js';
import type { Part, WipeExecutor } from '../../daemon/part.js';
import type { ServicePages } from '../../daemon/service-pages.js';
import type { SessionDir } from '../../daemon/session-dir.js';
import type { CupsPrinter } from '../../devices/print/cups-printer.js';
import type { SessionController } from '../../session/controller.js';

export interface PrintingOptions {
  /** None configured: no print button, and a tap does nothing. */
  printer: Pick<CupsPrinter, 'print' | 'cancelAll'> | undefined;
  browser: Pick<KioskBrowser, 'printPage'>;
  session: Pick<SessionController, 'snapshot' | 'dispatch'>;
  sessionDir: Pick<SessionDir, 'path'>;
  pages: Pick<ServicePages, 'current' | 'notice'>;
  bus: DaemonBus;
  logger: Logger;
}

/**
 * The kiosk bar's Print: the page as PDF, silently to CUPS; a missing printer is a notice only.
 * The session's jobs are cancelled and purged from the spool when it ends.
 */
export class Printing implements Part {
  readonly name = 'printing';
  readonly #options: PrintingOptions;
  /** CUPS jobs of the running session. */
  #jobs: string[] = [];
  #prints = 0;

  constructor(options: PrintingOptions) {
    this.#options = options;
  }

  readonly actions: Pick<ActionHandlers, 'print'> = {
    print: () => {
      this.#options.session.dispatch({ type: 'activity' });
      return this.#print();
    },
  };

  readonly wipe: { 'cancel-print-jobs': WipeExecutor } = {
    'cancel-print-jobs': () => this.#cancelJobs(),
  };

  wipeFacts() {
    return { printJobs: this.#jobs.length > 0 };
  }

  stop(): Promise<void> {
    return this.#cancelJobs();
  }

  async #print(): Promise<void> {
    const { printer, browser, session, sessionDir, pages, bus, logger } = this.#options;
    const service = pages.current();
    const dir = sessionDir.path;
    const sessionId = session.snapshot.sessionId;
    if (!printer || !service?.allowPrint || !dir) return;
    try {
      const pdf = await browser.printPage();
      this.#prints += 1;
      const file = join(dir, `print-${this.#prints}.pdf`);
      await writeFile(file, pdf, { mode: 0o600 });
      const job = await printer.print(file, service.id);
      if (!job.ok) {
        logger.warn({ code: job.error.code, detail: job.error.detail }, 'print failed');
        const { messageKey } = job.error;
        await pages.notice(isNoticeKey(messageKey) ? messageKey : 'notice.printerMissing');
        bus.emit('printed', { error: job.error.code });
        return;
      }
      // The session may have ended while CUPS took the job: cancel it right away then.
      if (session.snapshot.sessionId !== sessionId) await printer.cancelAll([job.value.jobId]);
      else this.#jobs.push(job.value.jobId);
      // A fault that still takes jobs (e.g. out of paper): the page prints once staff fix it.
      const problem = job.value.notice?.messageKey;
      await pages.notice(problem && isNoticeKey(problem) ? problem : 'notice.printing');
      bus.emit('printed', { jobId: job.value.jobId, file });
    } catch (error) {
      logger.warn({ err: error }, 'print failed');
      await pages.notice('notice.printerMissing');
      bus.emit('printed', { error: 'render-failed' });
    }
  }

  async #cancelJobs(): Promise<void> {
    const jobs = this.#jobs.splice(0);
    const printer = this.#options.printer;
    if (!printer || jobs.length === 0) return;
    const result = await printer.cancelAll(jobs);
    if (!result.ok)
      this.#options.logger.warn({ code: result.error.code }, 'cancelling print jobs failed');
  }
}

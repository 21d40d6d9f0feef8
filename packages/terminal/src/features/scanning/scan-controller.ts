import { readFile } from 'node:fs/promises';
import type { Logger } from '@sidbox/runtime';
import type { KioskBrowser } from '../../browser/kiosk-browser.js';
import type { ScanOutcome } from '../../daemon/daemon-events.js';
import { okResult, type DeviceResult } from '../../devices/result.js';
import type { SaneScanner } from '../../devices/scan/sane-scanner.js';
import {
  nextScanState,
  openScan,
  type ScanCommand,
  type ScanFlowEvent,
  type ScanFlowState,
} from './scan-flow.js';
import { scanPanelView, type ScanTextKey } from './scan-panel-view.js';
import { pagesFor, uploadFormat, type UploadFormat } from './upload-format.js';

/**
 * How a scan ended: handed to the page's file field (one PDF, or an image a page), failed to,
 * or cancelled by the citizen.
 */

/** The file field that asked: its node, its `accept` attribute and whether it takes several files. */
export interface FileField {
  backendNodeId: number;
  accept: string;
  multiple: boolean;
}

export interface ScanControllerOptions {
  scanner: Pick<SaneScanner, 'scanPage' | 'toPdf' | 'toImages'>;
  browser: Pick<KioskBrowser, 'showScanPanel' | 'setFileInputFiles'>;
  maxPages: number;
  /** A text in the citizen's current language (asked at every render, so a language change shows). */
  text: (key: ScanTextKey) => string;
  logger: Logger;
  /** The scan ended (not called when it is abandoned by a navigation or the session's end). */
  finished: (outcome: ScanOutcome) => void;
}

interface OpenScan {
  state: ScanFlowState;
  /** The page's `<input type=file>` that asked. */
  target: number;
  format: UploadFormat;
  sessionDir: string;
}

/**
 * Runs the scan flow over a service page: shows its panel in the kiosk bar, scans a page per
 * tap, binds the pages into one PDF and hands it to the file field. Results of a flow that was
 * meanwhile cancelled or abandoned are dropped (its files go with the session's wipe).
 */
export class ScanController {
  #open: OpenScan | null = null;

  constructor(private readonly options: ScanControllerOptions) {}

  get isOpen(): boolean {
    return this.#open !== null;
  }

  /**
   * A file field asked: 'opened', or why not — the field takes no type a scan can be, or the
   * page has no bar to show the panel on.
   */
  async open(field: FileField, sessionDir: string): Promise<'opened' | 'wrong-type' | 'no-bar'> {
    if (this.#open) {
      await this.#render(this.#open);
      return 'opened';
    }
    const format = uploadFormat(field.accept);
    if (!format) return 'wrong-type';
    const maxPages = pagesFor(format, field.multiple, this.options.maxPages);
    const flow: OpenScan = {
      state: openScan(maxPages),
      target: field.backendNodeId,
      format,
      sessionDir,
    };
    this.#open = flow;
    if (await this.#render(flow)) return 'opened';
    this.#open = null;
    return 'no-bar';
  }

  /** A tap in the panel. */
  async command(command: ScanCommand): Promise<void> {
    const flow = this.#open;
    if (!flow) return;
    await this.#apply(flow, command);
    if (command.command === 'cancel' && this.#open === null)
      this.options.finished({ cancelled: true });
  }

  /** Shows the panel again, e.g. in the citizen's new language. */
  async render(): Promise<void> {
    if (this.#open) await this.#render(this.#open);
  }

  /** The page went away or the session ended: the panel closes, nothing is handed over. */
  async abandon(): Promise<void> {
    if (!this.#open) return;
    this.#open = null;
    await this.options.browser.showScanPanel(null).catch(() => false);
  }

  async #apply(flow: OpenScan, event: ScanFlowEvent): Promise<void> {
    if (this.#open !== flow) return;
    const { state, effect } = nextScanState(flow.state, event);
    if (state === null) {
      this.#open = null;
      await this.options.browser.showScanPanel(null).catch(() => false);
      return;
    }
    const changed = state !== flow.state;
    flow.state = state;
    if (changed) await this.#render(flow);
    if (effect === 'scan-page') await this.#scanPage(flow);
    if (effect === 'bind') await this.#bind(flow);
  }

  async #scanPage(flow: OpenScan): Promise<void> {
    const scanned = await this.options.scanner.scanPage(flow.sessionDir);
    if (!scanned.ok) {
      const { code, detail } = scanned.error;
      this.options.logger.warn({ code, detail }, 'scan failed');
      await this.#apply(flow, { command: 'scan-failed' });
      return;
    }
    const { imagePath, previewPath } = scanned.value;
    const previewPng = (await readFile(previewPath)).toString('base64');
    await this.#apply(flow, { command: 'scanned', page: { imagePath, previewPath, previewPng } });
  }

  /** One PDF, or the pages as images where the field takes only those. */
  async #files(flow: OpenScan): Promise<DeviceResult<string[], string>> {
    const { scanner } = this.options;
    if (flow.format !== 'pdf') {
      const images = await scanner.toImages(flow.state.pages, flow.format);
      return images.ok ? okResult(images.value.files) : images;
    }
    const pdf = await scanner.toPdf(flow.state.pages);
    return pdf.ok ? okResult([pdf.value.pdfPath]) : pdf;
  }

  async #bind(flow: OpenScan): Promise<void> {
    const files = await this.#files(flow);
    if (!files.ok) {
      const { code, detail } = files.error;
      this.options.logger.warn({ code, detail, format: flow.format }, 'binding failed');
      await this.#apply(flow, { command: 'bind-failed' });
      return;
    }
    if (this.#open !== flow) return;
    try {
      await this.options.browser.setFileInputFiles(flow.target, files.value);
    } catch (error) {
      // The field is gone (the page changed it): nothing to hand over to any more.
      this.options.logger.warn({ err: error }, 'handing the scan to the page failed');
      await this.#apply(flow, { command: 'bound' });
      this.options.finished({ error: 'hand-over-failed' });
      return;
    }
    await this.#apply(flow, { command: 'bound' });
    this.options.finished({ pages: flow.state.pages.length, files: files.value });
  }

  async #render(flow: OpenScan): Promise<boolean> {
    const view = scanPanelView(flow.state, this.options.text);
    return this.options.browser.showScanPanel(view).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'scan panel');
      return false;
    });
  }
}

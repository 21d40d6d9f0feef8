import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DeviceState } from '../device-state.js';
import { failure, okResult, type DeviceResult } from '../result.js';
import { runCommand } from '../run-command.js';
import { writeJpeg, writePreview } from './pillow.js';

export interface SaneScannerConfig {
  /** SANE device name as `scanimage -L` shows it, e.g. "test" or "epsonds:libusb:001:004". */
  device: string;
  resolutionDpi: number;
  mode: 'Gray' | 'Color';
  /** SANE_CONFIG_DIR, to load only the configured backend (probing all of them is slow). */
  saneConfigDir?: string;
  /** The longer side of a page's preview, in pixels. */
  previewPx?: number;
}

export type ScanErrorCode = 'scanner-missing' | 'scan-failed';

/** One scanned page: the full image for the PDF, and a small PNG for the kiosk's preview. */
export interface ScannedPage {
  imagePath: string;
  previewPath: string;
}

/**
 * Scans pages with SANE's `scanimage` into the session's temp dir, one page per call so the
 * kiosk can show each page's preview and ask for the next, and binds them into one PDF with
 * img2pdf (PNG pages are wrapped losslessly, nothing is re-encoded) or hands them out as
 * images for fields that take only those. Every directory it creates
 * is remembered, so `wipe()` removes all of them at session end.
 */
export class SaneScanner {
  #status: DeviceState['status'] = 'starting';
  #created = new Set<string>();
  /** Pages this scanner made: `toPdf` binds no other file, whatever it is handed. */
  #pages = new Set<string>();
  #pageCount = 0;
  #pdfCount = 0;

  constructor(private readonly config: SaneScannerConfig) {}

  /** Probes the device once so diagnostics show a missing scanner before anyone needs it. */
  async start(): Promise<void> {
    const out = await runCommand('scanimage', ['-L'], this.#env());
    this.#status =
      out.code === 0 && out.stdout.includes(`\`${this.config.device}`) ? 'ok' : 'missing';
  }

  async stop(): Promise<void> {
    await this.wipe();
  }

  state(): DeviceState {
    return {
      device: 'scanner',
      kind: 'scanner',
      status: this.#status,
      detail: { sane: this.config.device },
    };
  }

  /** Scans one page (the next sheet of the feeder, or the flatbed) into `sessionDir`. */
  async scanPage(sessionDir: string): Promise<DeviceResult<ScannedPage, ScanErrorCode>> {
    const dir = await this.#scanDir(sessionDir);
    const page = `page-${String((this.#pageCount += 1)).padStart(3, '0')}`;
    const imagePath = join(dir, `${page}.png`);
    const scanned = await runCommand(
      'scanimage',
      [
        '-d',
        this.config.device,
        '--resolution',
        String(this.config.resolutionDpi),
        '--mode',
        this.config.mode,
        '--format=png',
        `--output-file=${imagePath}`,
      ],
      this.#env(),
    );
    if (scanned.code !== 0) {
      await rm(imagePath, { force: true }); // a half-written page is no page
      if (/no SANE devices|Invalid argument|open of device/i.test(scanned.stderr))
        this.#status = 'missing';
      return failure(
        this.#status === 'missing' ? 'scanner-missing' : 'scan-failed',
        'scan.failed',
        scanned.stderr.trim(),
      );
    }
    this.#status = 'ok';
    const previewPath = join(dir, `${page}-preview.png`);
    if (!(await writePreview(imagePath, previewPath, this.config.previewPx ?? 480)))
      return failure('scan-failed', 'scan.failed', 'no preview');
    this.#pages.add(imagePath);
    return okResult({ imagePath, previewPath });
  }

  /** The pages' image files, or null unless there are some and all were scanned here. */
  #ownImages(pages: readonly ScannedPage[]): [string, ...string[]] | null {
    const images = pages.map((page) => page.imagePath);
    const [first, ...rest] = images;
    if (first === undefined || images.some((image) => !this.#pages.has(image))) return null;
    return [first, ...rest];
  }

  /** Binds scanned pages, in the order given, into one PDF beside them. */
  async toPdf(
    pages: readonly ScannedPage[],
  ): Promise<DeviceResult<{ pdfPath: string }, ScanErrorCode>> {
    const images = this.#ownImages(pages);
    if (!images) return failure('scan-failed', 'scan.failed', 'not pages of this scanner');
    const pdfPath = join(dirname(images[0]), `scan-${(this.#pdfCount += 1)}.pdf`);
    const bound = await runCommand('img2pdf', ['-o', pdfPath, ...images]);
    if (bound.code !== 0) return failure('scan-failed', 'scan.failed', bound.stderr.trim());
    return okResult({ pdfPath });
  }

  /**
   * The scanned pages as image files, one a page, for a file field that takes images only:
   * PNG as scanned, or JPEG converted beside them.
   */
  async toImages(
    pages: readonly ScannedPage[],
    format: 'png' | 'jpeg',
  ): Promise<DeviceResult<{ files: string[] }, ScanErrorCode>> {
    const images = this.#ownImages(pages);
    if (!images) return failure('scan-failed', 'scan.failed', 'not pages of this scanner');
    if (format === 'png') return okResult({ files: images });
    const files: string[] = [];
    for (const image of images) {
      const jpeg = image.replace(/\.png$/, '.jpg');
      if (!(await writeJpeg(image, jpeg))) return failure('scan-failed', 'scan.failed', 'no JPEG');
      files.push(jpeg);
    }
    return okResult({ files });
  }

  /** Removes every scan of this session: pages, previews and PDFs. */
  async wipe(): Promise<void> {
    const dirs = [...this.#created];
    this.#created.clear();
    this.#pages.clear();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }

  /** The scanner's own directory in the session, private to the daemon's user. */
  async #scanDir(sessionDir: string): Promise<string> {
    const dir = join(sessionDir, 'scans');
    this.#created.add(dir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  #env(): NodeJS.ProcessEnv {
    return this.config.saneConfigDir ? { SANE_CONFIG_DIR: this.config.saneConfigDir } : {};
  }
}

import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceState } from '../device-state.js';
import { failure, okResult, type DeviceResult } from '../result.js';
import { runCommand } from '../run-command.js';

export interface SaneScannerConfig {
  /** SANE device name as `scanimage -L` shows it, e.g. "test" or "epsonds:libusb:001:004". */
  device: string;
  resolutionDpi: number;
  mode: 'Gray' | 'Color';
  /** SANE_CONFIG_DIR, to load only the configured backend (probing all of them is slow). */
  saneConfigDir?: string;
}

export type ScanErrorCode = 'scanner-missing' | 'scan-failed';

/**
 * Scans pages with SANE's `scanimage` into the session's temp dir and binds them into one PDF
 * with img2pdf: PNG pages are wrapped losslessly, nothing is re-encoded. Every directory a scan
 * creates is remembered, so `wipe()` removes all of them at session end.
 */
export class SaneScanner {
  #status: DeviceState['status'] = 'starting';
  #created: string[] = [];
  #scans = 0;

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

  /** Scans `pages` pages (the feeder or repeated flatbed scans) into `sessionDir`, as one PDF. */
  async scan(
    sessionDir: string,
    pages: number,
  ): Promise<DeviceResult<{ pdfPath: string; pages: number }, ScanErrorCode>> {
    this.#scans += 1;
    const dir = join(sessionDir, `scan-${this.#scans}`);
    this.#created.push(dir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
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
        `--batch=${join(dir, 'page-%03d.png')}`,
        `--batch-count=${pages}`,
      ],
      this.#env(),
    );
    const pngs = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    if (pngs.length === 0) {
      this.#status = /no SANE devices|Invalid argument|open of device/i.test(scanned.stderr)
        ? 'missing'
        : this.#status;
      return failure(
        this.#status === 'missing' ? 'scanner-missing' : 'scan-failed',
        'scan.failed',
        scanned.stderr.trim(),
      );
    }
    const pdfPath = join(dir, 'scan.pdf');
    const bound = await runCommand('img2pdf', ['-o', pdfPath, ...pngs.map((n) => join(dir, n))]);
    if (bound.code !== 0) return failure('scan-failed', 'scan.failed', bound.stderr.trim());
    return okResult({ pdfPath, pages: pngs.length });
  }

  /** Removes every scan of this session: pages and PDFs. */
  async wipe(): Promise<void> {
    const dirs = this.#created.splice(0);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }

  #env(): NodeJS.ProcessEnv {
    return this.config.saneConfigDir ? { SANE_CONFIG_DIR: this.config.saneConfigDir } : {};
  }
}

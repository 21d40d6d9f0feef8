import type { DeviceState } from '../device-state.js';
import { failure, okResult, type DeviceResult } from '../result.js';
import { runCommand } from '../run-command.js';

export interface CupsPrinterConfig {
  /** The CUPS queue name. */
  printer: string;
  /** CUPS_SERVER for the clients (host:port or a socket path); the local default when unset. */
  server?: string;
}

export type PrintErrorCode =
  'printer-missing' | 'printer-stopped' | 'cups-unavailable' | 'submit-failed';

const messageKeys: Record<PrintErrorCode, string> = {
  'printer-missing': 'print.printerMissing',
  'printer-stopped': 'print.printerStopped',
  'cups-unavailable': 'print.unavailable',
  'submit-failed': 'print.failed',
};

const printError = (code: PrintErrorCode, detail: string) =>
  failure(code, messageKeys[code], detail.trim());

/**
 * Sends finished PDFs to one CUPS queue, silently, and cancels a session's jobs at its end.
 *
 * Through CUPS's own clients (lp, lpstat, cancel) in the C locale rather than a hand-written IPP
 * encoder: cups-client is on the image anyway (lpadmin sets the queue up), they are CUPS's stable
 * interface, and `cancel -x` purges a job's spool files in one step. The price is parsing
 * English CLI text, confined to this file.
 */
export class CupsPrinter {
  #status: DeviceState['status'] = 'starting';
  #problem = '';

  constructor(private readonly config: CupsPrinterConfig) {}

  /** Checks the queue once so diagnostics are right before the first print. */
  async start(): Promise<void> {
    await this.#checkQueue();
  }

  async stop(): Promise<void> {}

  state(): DeviceState {
    return {
      device: 'printer',
      kind: 'printer',
      status: this.#status,
      detail: { queue: this.config.printer, ...(this.#problem && { problem: this.#problem }) },
    };
  }

  /** Queues a PDF; the job id goes into the session's list for `cancelAll`. */
  async print(
    pdfPath: string,
    title: string,
  ): Promise<DeviceResult<{ jobId: string }, PrintErrorCode>> {
    const queue = await this.#checkQueue();
    if (!queue.ok) return queue;
    const out = await this.#cups('lp', ['-d', this.config.printer, '-t', title, '--', pdfPath]);
    const jobId = /request id is (\S+)/.exec(out.stdout)?.[1];
    if (out.code !== 0 || !jobId) return printError('submit-failed', out.stderr);
    return okResult({ jobId });
  }

  /**
   * Session end: cancels the citizen's queued and held jobs and purges their spool files.
   * A job that already finished is not an error: there is nothing left of it to remove.
   */
  async cancelAll(
    jobIds: readonly string[],
  ): Promise<DeviceResult<{ cancelled: string[] }, PrintErrorCode>> {
    const cancelled: string[] = [];
    for (const jobId of jobIds) {
      const out = await this.#cups('cancel', ['-x', jobId]);
      if (out.code === 0) cancelled.push(jobId);
      else if (!/does not exist|already (completed|canceled)/i.test(out.stderr))
        return printError(out.code === -1 ? 'cups-unavailable' : 'submit-failed', out.stderr);
    }
    return okResult({ cancelled });
  }

  async #checkQueue(): Promise<DeviceResult<true, PrintErrorCode>> {
    const out = await this.#cups('lpstat', ['-p', this.config.printer]);
    const result = queueResult(this.config.printer, out.code, out.stdout, out.stderr);
    this.#status = result.ok
      ? 'ok'
      : result.error.code === 'printer-stopped'
        ? 'stopped'
        : 'missing';
    this.#problem = result.ok ? '' : result.error.code;
    return result;
  }

  #cups(command: string, args: string[]) {
    return runCommand(command, args, this.config.server ? { CUPS_SERVER: this.config.server } : {});
  }
}

/** Reads `lpstat -p <queue>`: "printer X is idle." / "printer X disabled since …" / an error. */
function queueResult(
  printer: string,
  code: number,
  stdout: string,
  stderr: string,
): DeviceResult<true, PrintErrorCode> {
  if (code === -1 || /scheduler is not running|connect/i.test(stderr))
    return printError('cups-unavailable', stderr);
  if (!stdout.startsWith(`printer ${printer} `))
    return printError('printer-missing', stderr || stdout);
  if (/ disabled since /.test(stdout)) return printError('printer-stopped', stdout);
  return okResult(true);
}

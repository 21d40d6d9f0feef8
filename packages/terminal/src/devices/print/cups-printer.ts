import type { DeviceState } from '../device-state.js';
import { failure, okResult, type DeviceResult } from '../result.js';
import { runCommand, type CommandOutput } from '../run-command.js';
import {
  parseQueueStatus,
  printerProblem,
  problemMessageKeys,
  type PrinterProblem,
} from './printer-status.js';

export interface CupsPrinterConfig {
  /** The CUPS queue name. */
  printer: string;
  /** CUPS_SERVER for the clients (host:port or a socket path); the local default when unset. */
  server?: string;
}

export type PrintErrorCode =
  'printer-missing' | 'printer-stopped' | 'cups-unavailable' | 'submit-failed' | PrinterProblem;

const messageKeys: Record<PrintErrorCode, string> = {
  'printer-missing': 'print.printerMissing',
  'printer-stopped': 'print.printerStopped',
  'cups-unavailable': 'print.unavailable',
  'submit-failed': 'print.failed',
  ...problemMessageKeys,
};

/** A fault the printer reports while its queue still takes jobs: they print once it is fixed. */
export interface PrinterNotice {
  problem: PrinterProblem;
  messageKey: string;
}

/** The queue as last seen: a blocking error, or ok with maybe a notice for the citizen. */
type QueueCheck = DeviceResult<{ notice?: PrinterNotice }, PrintErrorCode>;

const printError = (code: PrintErrorCode, detail: string) =>
  failure(code, messageKeys[code], detail.trim());

/**
 * Sends finished PDFs to one CUPS queue, silently, and cancels a session's jobs at its end.
 *
 * Through CUPS's own clients (lp, lpstat, cancel) in the C locale rather than a hand-written IPP
 * encoder: cups-client is on the image anyway (lpadmin sets the queue up), they are CUPS's stable
 * interface, and `cancel -x` purges a job's spool files in one step. The price is parsing
 * English CLI text, confined to this folder (printer-status.ts reads the queue listing).
 */
export class CupsPrinter {
  #status: DeviceState['status'] = 'starting';
  #problem = '';
  #messageKey = '';

  constructor(private readonly config: CupsPrinterConfig) {}

  /** Checks the queue once so diagnostics are right before the first print. */
  async start(): Promise<void> {
    await this.#checkQueue();
  }

  /** Asks CUPS again (out of paper, jammed, refilled …); the daemon calls it when it needs to know. */
  async refresh(): Promise<DeviceState> {
    await this.#checkQueue();
    return this.state();
  }

  async stop(): Promise<void> {}

  state(): DeviceState {
    return {
      device: 'printer',
      kind: 'printer',
      status: this.#status,
      detail: {
        queue: this.config.printer,
        ...(this.#problem && { problem: this.#problem, messageKey: this.#messageKey }),
      },
    };
  }

  /**
   * Queues a PDF; the job id goes into the session's list for `cancelAll`. A stopped printer
   * refuses with its cause (out of paper, jammed, offline, stopped); a printer that reports a
   * fault but still queues takes the job and the result carries the notice.
   */
  async print(
    pdfPath: string,
    title: string,
  ): Promise<DeviceResult<{ jobId: string; notice?: PrinterNotice }, PrintErrorCode>> {
    const queue = await this.#checkQueue();
    if (!queue.ok) return queue;
    const out = await this.#cups('lp', ['-d', this.config.printer, '-t', title, '--', pdfPath]);
    const jobId = /request id is (\S+)/.exec(out.stdout)?.[1];
    if (out.code !== 0 || !jobId) return printError('submit-failed', out.stderr);
    return okResult({ jobId, ...queue.value });
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

  async #checkQueue(): Promise<QueueCheck> {
    const out = await this.#cups('lpstat', ['-l', '-p', this.config.printer]);
    const result = queueResult(this.config.printer, out);
    const problem = result.ok ? result.value.notice?.problem : result.error.code;
    this.#status = statusOf(result);
    this.#problem = problem ?? '';
    this.#messageKey = problem ? messageKeys[problem] : '';
    return result;
  }

  #cups(command: string, args: string[]) {
    return runCommand(command, args, this.config.server ? { CUPS_SERVER: this.config.server } : {});
  }
}

/** Maps `lpstat -l -p <queue>` to what a print can expect (see printer-status.ts). */
function queueResult(printer: string, out: CommandOutput): QueueCheck {
  if (out.code === -1 || /scheduler is not running|connect/i.test(out.stderr))
    return printError('cups-unavailable', out.stderr);
  const queue = parseQueueStatus(printer, out.stdout);
  if (!queue) return printError('printer-missing', out.stderr || out.stdout);
  const problem = printerProblem(queue.reasons);
  if (!queue.enabled) return printError(problem ?? 'printer-stopped', queue.reasons.join(' '));
  return okResult(problem ? { notice: { problem, messageKey: messageKeys[problem] } } : {});
}

function statusOf(result: QueueCheck): DeviceState['status'] {
  if (result.ok) return result.value.notice ? 'unavailable' : 'ok';
  if (result.error.code === 'printer-missing' || result.error.code === 'cups-unavailable')
    return 'missing';
  return 'stopped';
}

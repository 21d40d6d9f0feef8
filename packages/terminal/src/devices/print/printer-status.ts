/** What `lpstat -l -p <queue>` says about a queue; undefined when CUPS does not know it. */
export interface QueueStatus {
  /** False once the queue is stopped (cupsdisable, or a backend that gave up). */
  enabled: boolean;
  /** IPP printer-state-reasons, e.g. "media-empty-error", "paused". */
  reasons: string[];
}

/** Faults a printer reports that staff can fix and a citizen should be told about. */
export type PrinterProblem = 'out-of-paper' | 'paper-jam' | 'printer-offline';

export const problemMessageKeys: Record<PrinterProblem, string> = {
  'out-of-paper': 'notice.outOfPaper',
  'paper-jam': 'notice.paperJam',
  'printer-offline': 'notice.printerOffline',
};

/** IPP keywords (RFC 8011, PWG 5100.9) without their severity suffix. */
const problemOfReason: Record<string, PrinterProblem> = {
  'media-empty': 'out-of-paper',
  'media-needed': 'out-of-paper',
  'input-tray-missing': 'out-of-paper',
  'media-jam': 'paper-jam',
  'output-area-full': 'paper-jam',
  offline: 'printer-offline',
  shutdown: 'printer-offline',
  'timed-out': 'printer-offline',
};

/**
 * Reads the C-locale long listing: "printer Q is idle.  enabled since …" or "printer Q disabled
 * since …", and a tab-indented "Alerts: reason reason …" line (lpstat prints
 * printer-state-reasons there, "none" when there are none).
 */
export function parseQueueStatus(queue: string, listing: string): QueueStatus | undefined {
  const [first = '', ...rest] = listing.split('\n');
  if (!first.startsWith(`printer ${queue} `)) return undefined;
  const alerts = rest.find((line) => line.trim().startsWith('Alerts:')) ?? '';
  const reasons = alerts
    .trim()
    .slice('Alerts:'.length)
    .split(/\s+/)
    .filter((reason) => reason !== '' && reason !== 'none');
  return { enabled: !/ disabled since /.test(first), reasons };
}

/**
 * The first fault that stops printing, in the printer's own order. A "-warning" leaves the
 * printer printing (another tray still has paper); no suffix means "-error" (RFC 8011); CUPS
 * backends say "offline-report" for a printer that does not answer.
 */
export function printerProblem(reasons: readonly string[]): PrinterProblem | undefined {
  for (const reason of reasons) {
    if (reason.endsWith('-warning')) continue;
    const problem = problemOfReason[reason.replace(/-(error|report)$/, '')];
    if (problem) return problem;
  }
  return undefined;
}

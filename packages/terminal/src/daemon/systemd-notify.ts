/** What the daemon tells systemd (sd_notify), and when. */
export const notifyMessages = {
  /** Once every part has started. */
  ready: 'READY=1',
  /** Every `watchdogEveryMs` while running. */
  watchdog: 'WATCHDOG=1',
  /** When the stop begins. */
  stopping: 'STOPPING=1',
} as const;

export interface NotifyPlan {
  /** The service manager's datagram socket (NOTIFY_SOCKET). */
  socket: string;
  /** Half the unit's WatchdogSec=, as systemd advises; null without a watchdog. */
  watchdogEveryMs: number | null;
}

/**
 * Whether and how to notify, from the environment systemd gave the unit. Without NOTIFY_SOCKET
 * (not Type=notify, a test, a shell) nothing is sent. WATCHDOG_PID is not checked: it names the
 * unit's main process (cage), and the daemon below it pets on the unit's behalf
 * (NotifyAccess=all).
 */
export function notifyPlan(env: Readonly<Record<string, string | undefined>>): NotifyPlan | null {
  const socket = env.NOTIFY_SOCKET;
  if (!socket) return null;
  const usec = Number(env.WATCHDOG_USEC);
  const watchdogEveryMs = Number.isInteger(usec) && usec > 0 ? Math.max(1, usec / 2_000) : null;
  return { socket, watchdogEveryMs };
}

import { execFile } from 'node:child_process';
import type { Logger } from '@sidbox/runtime';
import type { Part } from './part.js';
import { notifyMessages, notifyPlan, type NotifyPlan } from './systemd-notify.js';

/**
 * Sends the notify plan's messages with systemd-notify (Node has no unix datagram sockets).
 * Without --no-block it waits until the service manager has read each message (a barrier), so
 * the short-lived sender is still there to be attributed to the unit (NotifyAccess=all).
 */
export class SystemdNotifier implements Part {
  readonly name = 'systemd notify';
  readonly #plan: NotifyPlan | null;
  readonly #logger: Logger;
  #watchdog: NodeJS.Timeout | undefined;

  constructor(env: Readonly<Record<string, string | undefined>>, logger: Logger) {
    this.#plan = notifyPlan(env);
    this.#logger = logger;
  }

  async start(): Promise<void> {
    const plan = this.#plan;
    if (!plan) return;
    await this.#send(plan, notifyMessages.ready);
    if (plan.watchdogEveryMs === null) return;
    this.#watchdog = setInterval(
      () => void this.#send(plan, notifyMessages.watchdog),
      plan.watchdogEveryMs,
    );
    this.#watchdog.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
    if (this.#plan) await this.#send(this.#plan, notifyMessages.stopping);
  }

  /** A failure is logged, never fatal: the daemon works without a service manager. */
  #send(plan: NotifyPlan, message: string): Promise<void> {
    return new Promise((resolve) => {
      execFile(
        'systemd-notify',
        [message],
        { env: { ...process.env, NOTIFY_SOCKET: plan.socket }, timeout: 10_000 },
        (error) => {
          if (error) this.#logger.warn({ err: error, message }, 'systemd-notify failed');
          resolve();
        },
      );
    });
  }
}

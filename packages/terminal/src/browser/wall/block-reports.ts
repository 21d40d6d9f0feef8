import type { Logger } from '@sidbox/runtime';
import type { BlockedNavigation } from '../kiosk-browser.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import type { GuardWorld } from '../overlay/guard-world.js';

export interface BlockReportsDeps {
  owner: Pick<InstanceEvents, 'blocked'>;
  notices: Pick<GuardWorld, 'showNotice'>;
  logger: Logger;
}

/** A refused attempt is logged, reported to the owner and noticed over the page. */
export class BlockReports {
  #last: { url: string; context: BlockedNavigation['context']; at: number } | null = null;

  constructor(private readonly deps: BlockReportsDeps) {}

  report(event: BlockedNavigation): void {
    this.#last = { url: event.url, context: event.context, at: Date.now() };
    this.deps.logger.info({ blocked: event }, 'blocked');
    this.deps.owner.blocked(event);
    this.deps.notices.showNotice().catch(() => undefined);
  }

  /**
   * One attempt can surface twice (a refused request, then its error page, in the same frame):
   * counted once. Another way to the same URL (a popup, then a link) is another attempt.
   */
  reportOnce(event: BlockedNavigation): void {
    const last = this.#last;
    const justNow =
      last?.url === event.url && last.context === event.context && Date.now() - last.at < 1500;
    if (!justNow) this.report(event);
  }

  /** A fresh allowed page: whatever is refused from now on is a new attempt. */
  forget(): void {
    this.#last = null;
  }
}

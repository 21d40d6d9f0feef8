import type { CDPSession, Protocol } from 'puppeteer-core';
import { decideNavigation, indexOrigins } from '../decide-navigation.js';
import type { CitizenView } from '../instance/citizen-view.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import type { BlockReports } from './block-reports.js';

export interface PopupsDeps {
  /** The browser target's session. */
  session: CDPSession;
  view: () => CitizenView | null;
  owner: Pick<InstanceEvents, 'rules'>;
  blocks: Pick<BlockReports, 'report'>;
}

/**
 * Every page target besides the citizen's view is a popup or a new tab: closed at once, so
 * nothing renders beside the kiosk view and no second page exists. Where it wanted to go is
 * decided from the opener's Page.windowOpen, which also covers `window.open()` without a URL.
 */
export class Popups {
  /** Page targets other than the citizen's view: closed on sight. */
  readonly #seen = new Set<string>();

  constructor(private readonly deps: PopupsDeps) {}

  arm(): void {
    this.deps.session.on('Target.targetCreated', ({ targetInfo }) => this.#onTarget(targetInfo));
  }

  watch(view: CitizenView): void {
    view.cdp.on('Page.windowOpen', ({ url }) => void this.#onWindowOpen(view, url));
  }

  has(targetId: string): boolean {
    return this.#seen.has(targetId);
  }

  /** Refuses the popup's document request and closes it. */
  async close(requestId: string, targetId: string): Promise<void> {
    const { session } = this.deps;
    this.#seen.add(targetId);
    await session
      .send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' })
      .catch(() => undefined);
    await session.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }

  #onTarget(info: Protocol.Target.TargetInfo): void {
    const view = this.deps.view();
    if (info.type !== 'page' || !view || info.targetId === view.targetId) return;
    this.#seen.add(info.targetId);
    void this.#resumeAndClose(info.targetId);
  }

  /**
   * A new page starts paused until a debugger lets it run (puppeteer's auto-attach asks for
   * that), and a popup shares its opener's renderer until it navigates: closing it while it is
   * paused can leave the citizen's view frozen. Resumed through a session of our own first.
   */
  async #resumeAndClose(targetId: string): Promise<void> {
    const { session } = this.deps;
    const attached = await session
      .send('Target.attachToTarget', { targetId, flatten: true })
      .catch(() => undefined);
    const popup = attached && session.connection()?.session(attached.sessionId);
    await popup?.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
    await session.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }

  /** Allowed origins (and eID starts) open in the one view, where its own interception applies. */
  async #onWindowOpen(view: CitizenView, url: string): Promise<void> {
    const decision = decideNavigation(url, 'popup', indexOrigins(this.deps.owner.rules()));
    if (decision.action === 'block') {
      this.deps.blocks.report({
        url: url || 'about:blank',
        reason: decision.reason,
        context: 'popup',
      });
      return;
    }
    // Not page.goto: a navigation the test or the daemon awaits may be under way meanwhile.
    await view.cdp.send('Page.navigate', { url }).catch(() => undefined);
  }
}

import { decideNavigation, indexOrigins, serviceOf } from '../decide-navigation.js';
import type { CitizenView } from '../instance/citizen-view.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import type { ViewZoom } from '../overlay/view-zoom.js';
import type { BlockReports } from './block-reports.js';
import type { Downloads } from './downloads.js';

export interface TopLevelCommitsDeps {
  owner: Pick<InstanceEvents, 'rules' | 'navigated'>;
  blocks: Pick<BlockReports, 'reportOnce' | 'forget'>;
  downloads: Pick<Downloads, 'allowed' | 'allow'>;
  zoom: Pick<ViewZoom, 'apply'>;
}

/**
 * Every document the view commits: an allowed one becomes the last good page (downloads and
 * zoom follow its service); anything else is reported and the view goes back to it.
 */
export class TopLevelCommits {
  #lastGoodUrl = 'about:blank';

  constructor(private readonly deps: TopLevelCommitsDeps) {}

  /** The document last committed that the rules allow. */
  get lastGoodUrl(): string {
    return this.#lastGoodUrl;
  }

  watch(view: CitizenView): void {
    view.cdp.on('Page.frameNavigated', ({ frame }) => {
      if (!frame.parentId)
        void this.#onCommit(view, frame.url + (frame.urlFragment ?? ''), frame.unreachableUrl);
    });
  }

  async #onCommit(view: CitizenView, url: string, unreachableUrl?: string): Promise<void> {
    const { owner, blocks } = this.deps;
    const rules = owner.rules();
    const index = indexOrigins(rules);
    const decision = decideNavigation(url, 'top-level', index);
    if (decision.action === 'eid-client' && decision.request.kind === 'status') {
      // A ?Status probe opened as a page shows its answer, as with AusweisApp: version facts
      // only, nothing of the citizen (see answerEidClient). The kiosk bar leads back.
      this.#lastGoodUrl = url;
      blocks.forget();
      if (this.deps.downloads.allowed)
        await this.deps.downloads.allow(false).catch(() => undefined);
      owner.navigated(url);
      return;
    }
    if (decision.action === 'allow') {
      this.#lastGoodUrl = url;
      blocks.forget();
      const serviceId = serviceOf(url, rules);
      const allowDownloads = rules.services.some((s) => s.id === serviceId && s.allowDownloads);
      if (allowDownloads !== this.deps.downloads.allowed) {
        await this.deps.downloads.allow(allowDownloads).catch(() => undefined);
      }
      await this.deps.zoom.apply(url);
      owner.navigated(url);
      return;
    }
    if (url === 'about:blank' && this.#lastGoodUrl === 'about:blank') return;
    // The policy refuses foreign navigations before our interception sees them and commits an
    // error page for them; so do refused schemes. Report the real target, then go back.
    const attempted = unreachableUrl ?? url;
    const refused = decideNavigation(attempted, 'top-level', index);
    if (refused.action === 'block') {
      blocks.reportOnce({ url: attempted, reason: refused.reason, context: 'top-level' });
    }
    await this.#returnToLastGood(view);
  }

  /** Back in history when the entry before is the last allowed page (keeps its state). */
  async #returnToLastGood(view: CitizenView): Promise<void> {
    const history = await view.cdp.send('Page.getNavigationHistory').catch(() => null);
    const previous = history?.entries[history.currentIndex - 1];
    if (previous && previous.url === this.#lastGoodUrl) {
      await view.cdp
        .send('Page.navigateToHistoryEntry', { entryId: previous.id })
        .catch(() => undefined);
    } else {
      await view.page.goto(this.#lastGoodUrl).catch(() => undefined);
    }
  }
}

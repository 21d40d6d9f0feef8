import type { Logger } from '@sidbox/runtime';
import type { CDPSession } from 'puppeteer-core';
import type { CitizenView } from '../instance/citizen-view.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import type { GuardWorld } from '../overlay/guard-world.js';
import type { ViewZoom } from '../overlay/view-zoom.js';
import { BlockReports } from './block-reports.js';
import { watchChromiumRefusals } from './chromium-refusals.js';
import { Downloads } from './downloads.js';
import { Popups } from './popups.js';
import { RequestWall } from './request-wall.js';
import { TopLevelCommits } from './top-level-commits.js';

export interface NavigationWallDeps {
  /** The browser target's session. */
  session: CDPSession;
  view: () => CitizenView | null;
  owner: Pick<InstanceEvents, 'rules' | 'blocked' | 'navigated' | 'eidStart'>;
  notices: Pick<GuardWorld, 'showNotice'>;
  zoom: Pick<ViewZoom, 'apply'>;
  downloadsDir: string;
  /** Test-only: `false` leaves request interception off so that the policy alone is seen. */
  interception: boolean;
  logger: Logger;
}

/**
 * The daemon's wall around one browser: request interception at the browser target (every
 * page, frame, popup and worker passes it), popups closed, downloads under control, and every
 * refused attempt reported, whoever refused it.
 */
export class NavigationWall {
  readonly #blocks: BlockReports;
  readonly #downloads: Downloads;
  readonly #popups: Popups;
  readonly #commits: TopLevelCommits;
  readonly #requests: RequestWall;

  constructor(private readonly deps: NavigationWallDeps) {
    const { session, view, owner, logger } = deps;
    this.#blocks = new BlockReports({ owner, notices: deps.notices, logger });
    const blocks = this.#blocks;
    this.#downloads = new Downloads({ session, dir: deps.downloadsDir, blocks });
    this.#popups = new Popups({ session, view, owner, blocks });
    this.#commits = new TopLevelCommits({
      owner,
      blocks,
      downloads: this.#downloads,
      zoom: deps.zoom,
    });
    this.#requests = new RequestWall({
      session,
      view,
      owner,
      blocks,
      popups: this.#popups,
      commits: this.#commits,
      logger,
    });
  }

  /** The document last committed that the rules allow. */
  get lastGoodUrl(): string {
    return this.#commits.lastGoodUrl;
  }

  /** Arms the wall at the browser target, before any page exists. */
  async arm(): Promise<void> {
    this.#popups.arm();
    await Promise.all([
      this.deps.session.send('Target.setDiscoverTargets', { discover: true }),
      this.deps.interception ? this.#requests.arm() : Promise.resolve(),
      this.#downloads.arm(),
    ]);
  }

  /** Watches the citizen's view for what only its page session hears. */
  watch(view: CitizenView): void {
    this.#commits.watch(view);
    this.#popups.watch(view);
    watchChromiumRefusals(view, { owner: this.deps.owner, blocks: this.#blocks });
  }
}

import type { Logger } from '@sidbox/runtime';
import type { CDPSession, Protocol } from 'puppeteer-core';
import { decideNavigation, indexOrigins, type RequestContext } from '../decide-navigation.js';
import type { CitizenView } from '../instance/citizen-view.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import type { BlockReports } from './block-reports.js';
import { answerPausedResponse, CONNECT_WALL_PATTERNS, responseAction } from './connect-wall.js';
import { answerEidClient } from './eid-answer.js';
import type { Popups } from './popups.js';
import type { TopLevelCommits } from './top-level-commits.js';

export interface RequestWallDeps {
  /** The browser target's session: its interception sees every page, frame, popup and worker. */
  session: CDPSession;
  view: () => CitizenView | null;
  owner: Pick<InstanceEvents, 'rules' | 'eidStart'>;
  blocks: Pick<BlockReports, 'report'>;
  popups: Pick<Popups, 'has' | 'close'>;
  commits: Pick<TopLevelCommits, 'lastGoodUrl'>;
  logger: Logger;
}

/**
 * Request interception at the browser target: each request is paused and let through, answered
 * (eID-Client, the connect wall's policy) or refused by the rules (see decideNavigation).
 */
export class RequestWall {
  constructor(private readonly deps: RequestWallDeps) {}

  arm(): Promise<void> {
    const { session } = this.deps;
    session.on('Fetch.requestPaused', (event) => void this.#onRequest(event));
    return session
      .send('Fetch.enable', {
        patterns: [{ urlPattern: '*', requestStage: 'Request' }, ...CONNECT_WALL_PATTERNS],
      })
      .then(() => undefined);
  }

  async #contextOf(event: Protocol.Fetch.RequestPausedEvent): Promise<RequestContext> {
    if (event.resourceType !== 'Document') return 'subresource';
    if (event.frameId === this.deps.view()?.targetId) return 'top-level';
    if (this.deps.popups.has(event.frameId)) return 'popup';
    // A document whose frame is a page target of its own is a popup or a new tab.
    const info = await this.deps.session
      .send('Target.getTargetInfo', { targetId: event.frameId })
      .catch(() => null);
    return info?.targetInfo.type === 'page' ? 'popup' : 'frame';
  }

  async #onRequest(event: Protocol.Fetch.RequestPausedEvent): Promise<void> {
    const { session, owner, blocks } = this.deps;
    const requestId = event.requestId;
    try {
      if (event.responseStatusCode !== undefined || event.responseErrorReason !== undefined) {
        const action = responseAction(event, indexOrigins(owner.rules()));
        await answerPausedResponse(session, event, action);
        return;
      }
      const context = await this.#contextOf(event);
      if (context === 'popup') {
        // Page.windowOpen on the opener already decided where this goes (see Popups).
        await this.deps.popups.close(requestId, event.frameId);
        return;
      }
      const url = event.request.url;
      const decision = decideNavigation(url, context, indexOrigins(owner.rules()));
      if (decision.action === 'allow' || decision.action === 'allow-local') {
        await session.send('Fetch.continueRequest', { requestId });
        return;
      }
      if (decision.action === 'eid-client') {
        await answerEidClient({
          session,
          requestId,
          context,
          request: decision.request,
          initiator: this.deps.commits.lastGoodUrl,
          handler: (request) => owner.eidStart(request),
          showInView: (target) =>
            this.deps
              .view()
              ?.page.goto(target)
              .then(() => undefined),
          block: (reason) => blocks.report({ url, reason, context }),
        });
        return;
      }
      if (context === 'top-level') {
        // 204 keeps the current page as it is: no error page, history and storage intact.
        await session.send('Fetch.fulfillRequest', { requestId, responseCode: 204 });
      } else {
        await session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      }
      blocks.report({ url, reason: decision.reason, context });
    } catch (error) {
      // The request or its target is gone (navigation replaced, browser closing): nothing to do.
      this.deps.logger.debug({ err: error }, 'request interception');
    }
  }
}

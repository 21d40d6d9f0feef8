import type { Protocol } from 'puppeteer-core';
import { decideNavigation, indexOrigins } from '../decide-navigation.js';
import type { CitizenView } from '../instance/citizen-view.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import { parseUrl } from '../origins.js';
import type { BlockReports } from './block-reports.js';
import { refusedByConnectWall } from './connect-wall.js';

export interface ChromiumRefusalsDeps {
  owner: Pick<InstanceEvents, 'rules'>;
  blocks: Pick<BlockReports, 'report' | 'reportOnce'>;
}

/**
 * Attempts Chromium itself refused before our request interception saw them (the policy, the
 * renderer, schemes the network never carries): reported all the same.
 */
export function watchChromiumRefusals(view: CitizenView, deps: ChromiumRefusalsDeps): void {
  const decide = (url: string, context: 'top-level' | 'frame') =>
    decideNavigation(url, context, indexOrigins(deps.owner.rules()));

  // A frame the policy refused commits an error page.
  view.cdp.on('Page.frameNavigated', ({ frame }) => {
    const url = frame.unreachableUrl;
    if (!frame.parentId || !url) return;
    const decision = decide(url, 'frame');
    if (decision.action === 'block')
      deps.blocks.reportOnce({ url, reason: decision.reason, context: 'frame' });
  });

  // Script navigations to schemes the request interception never sees.
  view.cdp.on('Page.frameRequestedNavigation', (event) => {
    const protocol = parseUrl(event.url)?.protocol;
    if (protocol === 'http:' || protocol === 'https:') return;
    const decision = decide(event.url, event.frameId === view.targetId ? 'top-level' : 'frame');
    if (decision.action === 'block')
      deps.blocks.report({ url: event.url, reason: decision.reason, context: 'top-level' });
  });

  // The renderer refuses these and only logs it.
  view.cdp.on('Log.entryAdded', ({ entry }) => onLog(entry, deps));
}

function onLog(entry: Protocol.Log.LogEntry, deps: ChromiumRefusalsDeps): void {
  const refused = refusedByConnectWall(entry.text, indexOrigins(deps.owner.rules()));
  if (refused) {
    deps.blocks.report({ url: refused, reason: 'origin-not-allowed', context: 'subresource' });
    return;
  }
  const match =
    /^Not allowed to (?:load local resource|navigate top frame to data URL): (\S+)/.exec(
      entry.text,
    );
  if (match?.[1])
    deps.blocks.report({ url: match[1], reason: 'scheme-not-allowed', context: 'top-level' });
}

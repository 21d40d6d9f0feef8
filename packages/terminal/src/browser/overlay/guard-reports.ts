import { parseKioskBarReport } from '../kiosk-bar-report.js';
import type { CitizenView } from '../instance/citizen-view.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import { GUARD_BINDING, type GuardReport } from '../page-guard-script.js';
import type { TopLevelCommits } from '../wall/top-level-commits.js';
import type { GuardWorld } from './guard-world.js';
import type { KioskBar } from './kiosk-bar.js';

export interface GuardReportDeps {
  owner: Pick<InstanceEvents, 'activity' | 'kioskBar' | 'blocked'>;
  guard: Pick<GuardWorld, 'isTopLevel'>;
  bar: Pick<KioskBar, 'languages'>;
  commits: Pick<TopLevelCommits, 'lastGoodUrl'>;
}

/**
 * What the page guard reports from the view's documents: citizen activity, taps on the kiosk
 * bar, and gestures it stopped (shortcuts, context menu, drag and drop).
 */
export function watchGuardReports(view: CitizenView, deps: GuardReportDeps): void {
  view.cdp.on('Runtime.bindingCalled', (event) => {
    if (event.name === GUARD_BINDING) onReport(event.payload, event.executionContextId, deps);
  });
}

function onReport(payload: string, contextId: number, deps: GuardReportDeps): void {
  let report: GuardReport;
  try {
    report = JSON.parse(payload) as GuardReport;
  } catch {
    return;
  }
  if (report.kind === 'activity') deps.owner.activity();
  else if (report.kind === 'kiosk-bar') {
    // Only the bar of the citizen's top-level page (the script draws none in frames).
    const tap = parseKioskBarReport(report.report, deps.bar.languages());
    if (tap && deps.guard.isTopLevel(contextId)) deps.owner.kioskBar(tap);
  } else
    deps.owner.blocked({
      url: deps.commits.lastGoodUrl,
      reason: report.reason,
      context: 'page',
      detail: report.detail,
    });
}

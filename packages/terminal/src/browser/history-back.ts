import { decideNavigation, type OriginIndex } from './decide-navigation.js';

export interface HistoryEntry {
  id: number;
  url: string;
}

/**
 * The history entry one step back for the citizen, or null when there is none. Only service
 * pages the rules allow now count: error pages, refused and blocked URLs and eID-Client
 * addresses (going back to one would start the eID again) are stepped over, and an entry that
 * only repeats the current address too. A kiosk page ends the walk: the session's own pages
 * start there (each session has a fresh browser, so nothing of an earlier one is in the
 * history), and the daemon shows its service list itself.
 */
export function backEntry(
  history: { currentIndex: number; entries: readonly HistoryEntry[] },
  index: OriginIndex,
): HistoryEntry | null {
  const current = history.entries[history.currentIndex];
  for (let i = history.currentIndex - 1; i >= 0; i--) {
    const entry = history.entries[i];
    if (!entry) continue;
    const decision = decideNavigation(entry.url, 'top-level', index);
    if (decision.action !== 'allow') continue;
    if (decision.target.kind === 'kiosk') return null;
    if (entry.url !== current?.url) return entry;
  }
  return null;
}

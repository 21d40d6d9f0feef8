import type { ControlReply, KioskActionInput, KioskView } from '@sidbox/protocol';

/**
 * The per-launch token arrives in the URL fragment (never sent over the network) and is kept
 * in sessionStorage, which dies with the browser profile at the end of the session.
 */
function token(): string {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('k');
  if (fromFragment) {
    sessionStorage.setItem('sidbox-token', fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('sidbox-token') ?? '';
}

const secret = token();

export function subscribe(onView: (view: KioskView) => void): () => void {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(secret)}`);
  source.addEventListener('view', (event) => onView(JSON.parse(event.data) as KioskView));
  return () => source.close();
}

/** Sends one action; the reply says ok, or why not (e.g. a survey answer the daemon refused). */
export async function act(action: KioskActionInput): Promise<ControlReply> {
  const response = await fetch('/api/action', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sidbox-token': secret },
    body: JSON.stringify(action),
  });
  return (await response.json()) as ControlReply;
}

const activityEveryMs = 2000;
let lastActivity = 0;

/** Taps and keys keep the session alive; one report every two seconds is enough for that. */
export function reportActivity(): void {
  const now = Date.now();
  if (now - lastActivity < activityEveryMs) return;
  lastActivity = now;
  void act({ type: 'activity' });
}

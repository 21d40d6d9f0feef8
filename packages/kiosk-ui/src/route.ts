import { outcomeCodes, type EidStep, type KioskView, type OutcomeCode } from '@sidbox/protocol';

/** What the kiosk shows: decided from the daemon's view and the page address alone. */
export type Screen =
  | { name: 'attract' }
  | { name: 'home' }
  | { name: 'fast-lane' }
  | { name: 'eid'; step: Exclude<EidStep, { step: 'done' }> }
  | { name: 'outcome'; code: OutcomeCode }
  | { name: 'survey'; ending: boolean }
  | { name: 'phone' }
  | { name: 'blocked' }
  | { name: 'error' };

export type ScreenName = Screen['name'];

const isOutcomeCode = (code: string | null): code is OutcomeCode =>
  code !== null && (outcomeCodes as readonly string[]).includes(code);

/**
 * The screen for a view at an address. A running eID workflow wins over the address: the
 * daemon sends the browser to `/eid`, `/outcome?code=…` or `/error?code=…`, but the view
 * may run ahead of the navigation. `endedHere`: the outcome of a workflow that ended while
 * this page was open; the daemon clears the view's eID step before it moves the browser on.
 */
export function screenFor(
  view: KioskView,
  pathname: string,
  search: string,
  endedHere: OutcomeCode | null = null,
): Screen {
  if (view.state === 'idle' || view.state === 'wiping') return { name: 'attract' };
  const eid = view.eid;
  if (eid && eid.step !== 'done') return { name: 'eid', step: eid };
  const code = new URLSearchParams(search).get('code');
  // The result stays until the daemon moves the browser on; the page before must not flash up.
  const ended = eid ? eid.outcome.code : endedHere;
  switch (pathname.replace(/^\/+|\/+$/g, '')) {
    case 'fast-lane':
      return ended ? { name: 'outcome', code: ended } : { name: 'fast-lane' };
    case 'survey':
      return { name: 'survey', ending: new URLSearchParams(search).has('end') };
    case 'blocked':
      return { name: 'blocked' };
    case 'phone':
      return { name: 'phone' };
    case 'outcome':
    case 'error':
      return isOutcomeCode(code) ? { name: 'outcome', code } : { name: 'error' };
    case 'eid':
      return ended ? { name: 'outcome', code: ended } : { name: 'home' };
    default:
      return { name: 'home' };
  }
}

/** Where the bar's Back goes: a kiosk page, the service page before, or nowhere (hidden). */
export type BackTarget = { kind: 'page'; path: string } | { kind: 'browser' } | null;

export function backTarget(screen: Screen): BackTarget {
  switch (screen.name) {
    case 'fast-lane':
    case 'survey':
    case 'outcome':
    case 'phone':
      return { kind: 'page', path: '/' };
    case 'blocked':
    case 'error':
      // These pages replace a service page the citizen came from: one page back in the browser.
      return { kind: 'browser' };
    default:
      // Home has nowhere to go back to; eID screens have their own Cancel.
      return null;
  }
}

/** The help text of a screen (the help overlay explains the screen the citizen is on). */
export type HelpTopic =
  | 'home'
  | 'fast-lane'
  | 'consent'
  | 'insert-card'
  | 'pin'
  | 'can'
  | 'puk'
  | 'new-pin'
  | 'working'
  | 'outcome'
  | 'survey'
  | 'phone'
  | 'blocked'
  | 'error';

export function helpTopic(screen: Screen): HelpTopic {
  if (screen.name === 'eid') {
    const topics: Record<Exclude<EidStep, { step: 'done' }>['step'], HelpTopic> = {
      starting: 'working',
      working: 'working',
      'access-rights': 'consent',
      'insert-card': 'insert-card',
      'enter-pin': 'pin',
      'enter-can': 'can',
      'enter-puk': 'puk',
      'enter-new-pin': 'new-pin',
    };
    return topics[screen.step.step];
  }
  if (screen.name === 'attract') return 'home';
  return screen.name;
}

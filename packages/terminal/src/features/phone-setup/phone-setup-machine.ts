import {
  finalPhoneCheckStates,
  type PhoneCheckCreated,
  type PhoneCheckState,
  type PhoneSetupCheck,
} from '@sidbox/protocol';

/**
 * "Ihr Smartphone einrichten" on this terminal, as a value. `closed`: no check on the screen;
 * `creating`: the eID-Server was asked; `unavailable`: it did not answer (or refused); `check`:
 * a link on the screen and how far the phone got. The status token never leaves the daemon.
 */
export type PhoneSetup =
  | { kind: 'closed' }
  | { kind: 'creating' }
  | { kind: 'unavailable' }
  | {
      kind: 'check';
      link: string;
      statusToken: string;
      expiresAt: number;
      state: PhoneCheckState;
    };

export type PhoneSetupEvent =
  | { type: 'requested' }
  | { type: 'created'; check: PhoneCheckCreated }
  | { type: 'create-failed' }
  /** The eID-Server's state of the check; `gone`: it no longer knows the check (forgotten). */
  | { type: 'status'; state: PhoneCheckState | 'gone' }
  | { type: 'closed' };

export const closedPhoneSetup: PhoneSetup = { kind: 'closed' };

export function nextPhoneSetup(setup: PhoneSetup, event: PhoneSetupEvent): PhoneSetup {
  switch (event.type) {
    case 'requested':
      return { kind: 'creating' };
    case 'closed':
      return closedPhoneSetup;
    case 'created':
      if (setup.kind !== 'creating') return setup;
      return {
        kind: 'check',
        link: event.check.link,
        statusToken: event.check.statusToken,
        expiresAt: Date.parse(event.check.expiresAt),
        state: 'waiting',
      };
    case 'create-failed':
      return setup.kind === 'creating' ? { kind: 'unavailable' } : setup;
    case 'status': {
      if (setup.kind !== 'check' || isFinal(setup.state)) return setup;
      // A check the server forgot ended long ago (it keeps an end for a minute): expired.
      const state = event.state === 'gone' ? 'expired' : event.state;
      return { ...setup, state };
    }
  }
}

const isFinal = (state: PhoneCheckState) => finalPhoneCheckStates.includes(state);

/** The terminal asks the eID-Server again only while the phone may still get somewhere. */
export function followsPhone(setup: PhoneSetup): setup is Extract<PhoneSetup, { kind: 'check' }> {
  return setup.kind === 'check' && !isFinal(setup.state);
}

/** What the kiosk UI shows: never the status token. */
export function phoneSetupCheckView(setup: PhoneSetup): PhoneSetupCheck | null {
  switch (setup.kind) {
    case 'closed':
      return null;
    case 'creating':
    case 'unavailable':
      return { state: setup.kind, link: null, expiresAt: null };
    case 'check':
      return { state: setup.state, link: setup.link, expiresAt: setup.expiresAt };
  }
}

/**
 * The staff menu as a pure machine: a long press on the reset button asks for the staff PIN;
 * the right PIN opens the menu; five wrong ones in a row lock it for five minutes. Timers and
 * the PIN check itself are the controller's (staff-menu-controller.ts).
 */
export interface StaffMenuState {
  stage: 'closed' | 'pin' | 'menu';
  /** The last PIN entered was wrong (the PIN screen says so). */
  wrong: boolean;
  /** Wrong PINs in a row since the last right one or the last lockout. */
  failures: number;
  /** Epoch ms until which the menu does not open; null when not locked. */
  lockedUntil: number | null;
}

export type StaffMenuEvent =
  | { type: 'long-press'; now: number }
  | { type: 'pin-checked'; right: boolean; now: number }
  | { type: 'close' };

/** What the controller logs (never a digit) and whether the view changes. */
export type StaffMenuNote = 'opened' | 'locked' | 'still-locked' | 'wrong-pin' | 'unlocked';

export const maxWrongPins = 5;
export const lockMs = 5 * 60_000;

export const closedStaffMenu: StaffMenuState = {
  stage: 'closed',
  wrong: false,
  failures: 0,
  lockedUntil: null,
};

export function staffMenuStep(
  state: StaffMenuState,
  event: StaffMenuEvent,
): { state: StaffMenuState; note?: StaffMenuNote } {
  switch (event.type) {
    case 'long-press': {
      if (state.stage !== 'closed') return { state };
      if (state.lockedUntil !== null && event.now < state.lockedUntil) {
        return { state, note: 'still-locked' };
      }
      // A lockout that has run out starts the count afresh.
      const failures = state.lockedUntil === null ? state.failures : 0;
      return {
        state: { stage: 'pin', wrong: false, failures, lockedUntil: null },
        note: 'opened',
      };
    }
    case 'pin-checked': {
      if (state.stage !== 'pin') return { state };
      if (event.right) {
        return { state: { ...closedStaffMenu, stage: 'menu' }, note: 'unlocked' };
      }
      const failures = state.failures + 1;
      if (failures >= maxWrongPins) {
        return {
          state: { ...closedStaffMenu, failures, lockedUntil: event.now + lockMs },
          note: 'locked',
        };
      }
      return { state: { ...state, wrong: true, failures }, note: 'wrong-pin' };
    }
    case 'close':
      return { state: { ...state, stage: 'closed', wrong: false } };
  }
}

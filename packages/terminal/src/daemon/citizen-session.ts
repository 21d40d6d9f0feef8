import type { SessionController } from '../session/controller.js';
import { ControlError } from '../control/reply.js';

/** A citizen is there: the session is active or in its warning. */
export function inSession(session: Pick<SessionController, 'snapshot'>): boolean {
  const phase = session.snapshot.phase;
  return phase === 'active' || phase === 'warning';
}

/** Starts a session if none runs (the citizen acted); false while one is being wiped. */
export function tryEnterSession(
  session: Pick<SessionController, 'snapshot' | 'dispatch'>,
): boolean {
  const phase = session.snapshot.phase;
  if (phase === 'wiping') return false;
  if (phase === 'idle') session.dispatch({ type: 'start' });
  session.dispatch({ type: 'activity' });
  return true;
}

/** As tryEnterSession, refusing a kiosk action while a session is being wiped. */
export function enterSession(session: Pick<SessionController, 'snapshot' | 'dispatch'>): void {
  if (!tryEnterSession(session))
    throw new ControlError('not-now', 'the terminal is wiping a session');
}

/** Resolves when the session is back to idle. */
export function untilIdle(session: Pick<SessionController, 'on'>): Promise<void> {
  return new Promise((resolve) => {
    const off = session.on('changed', ({ phase }) => {
      if (phase !== 'idle') return;
      off();
      resolve();
    });
  });
}

import type { Browser, CDPSession } from 'puppeteer-core';

/**
 * The browser's page targets, from its own target events. Puppeteer's `targets()` lags behind
 * them: a popup the kiosk closes at once can show up there only after a check has passed.
 */
export interface PageTargetWatch {
  /** Page targets that exist now. */
  count(): number;
  /** How many page targets were ever created: take it before an attempt, compare after. */
  created(): number;
  /** Resolves once `done()` holds, re-checked on every target event. */
  until(done: () => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function watchPageTargets(browser: Browser): Promise<PageTargetWatch> {
  const session: CDPSession = await browser.target().createCDPSession();
  const pages = new Set<string>();
  let created = 0;
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((check) => check());
  session.on('Target.targetCreated', ({ targetInfo }) => {
    if (targetInfo.type !== 'page') return;
    pages.add(targetInfo.targetId);
    created += 1;
    changed();
  });
  session.on('Target.targetDestroyed', ({ targetId }) => {
    if (pages.delete(targetId)) changed();
  });
  // Reports the targets that already exist before it answers.
  await session.send('Target.setDiscoverTargets', { discover: true });
  return {
    count: () => pages.size,
    created: () => created,
    until: (done) =>
      new Promise((resolve) => {
        const check = () => {
          if (!done()) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    close: () => session.detach(),
  };
}

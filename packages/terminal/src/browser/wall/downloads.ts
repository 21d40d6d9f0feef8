import type { CDPSession } from 'puppeteer-core';
import type { BlockReports } from './block-reports.js';

export interface DownloadsDeps {
  /** The browser target's session. */
  session: Pick<CDPSession, 'send' | 'on'>;
  /** Where allowed downloads go (wiped with the session). */
  dir: string;
  blocks: Pick<BlockReports, 'report'>;
}

/** Downloads are refused (and reported) unless the current page's service allows them. */
export class Downloads {
  #allowed = false;

  constructor(private readonly deps: DownloadsDeps) {}

  get allowed(): boolean {
    return this.#allowed;
  }

  arm(): Promise<void> {
    this.deps.session.on('Browser.downloadWillBegin', ({ url }) => {
      if (!this.#allowed)
        this.deps.blocks.report({ url, reason: 'download', context: 'top-level' });
    });
    return this.allow(false);
  }

  async allow(allowed: boolean): Promise<void> {
    this.#allowed = allowed;
    await this.deps.session.send(
      'Browser.setDownloadBehavior',
      allowed
        ? { behavior: 'allowAndName', downloadPath: this.deps.dir, eventsEnabled: true }
        : { behavior: 'deny', eventsEnabled: true },
    );
  }
}

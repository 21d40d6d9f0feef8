import type { Page } from 'puppeteer-core';

export type DragPayload = { files: readonly string[] } | { link: string };

/**
 * A drag from outside the browser (a file manager, another window) dropped onto the middle of
 * the page, as real CDP input: enter, over, drop.
 */
export async function dragOntoPage(page: Page, payload: DragPayload): Promise<void> {
  const cdp = await page.createCDPSession();
  const data =
    'files' in payload
      ? { items: [], files: [...payload.files], dragOperationsMask: 1 }
      : {
          items: [
            { mimeType: 'text/uri-list', data: payload.link },
            { mimeType: 'text/plain', data: payload.link },
          ],
          dragOperationsMask: 1 | 2 | 16,
        };
  try {
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await cdp.send('Input.dispatchDragEvent', { type, x: 100, y: 100, data });
    }
  } finally {
    await cdp.detach();
  }
}

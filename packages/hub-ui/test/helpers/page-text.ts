import type { Page } from 'puppeteer-core';

/**
 * Reading and typing on a page as a user sees it (innerText). `page` is asked for at each call,
 * so a suite can make these before its beforeAll opens the page.
 */
export function pageText(page: () => Page) {
  return {
    textOf: (selector: string) => page().$eval(selector, (el) => (el as HTMLElement).innerText),

    /** Waits until an element's text contains `text` (a status message, a row). */
    async waitForText(selector: string, text: string): Promise<void> {
      await page().waitForFunction(
        (s, t) =>
          [...document.querySelectorAll(s)].some((el) => (el as HTMLElement).innerText.includes(t)),
        {},
        selector,
        text,
      );
    },

    /** Replaces a field's value by typing, as a user would. */
    async fill(selector: string, value: string): Promise<void> {
      await page().$eval(selector, (el) => {
        (el as HTMLInputElement).value = '';
      });
      await page().type(selector, value);
    },
  };
}

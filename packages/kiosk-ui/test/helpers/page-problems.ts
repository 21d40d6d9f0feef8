import type { ConsoleMessage, HTTPRequest, Page } from 'puppeteer-core';

/** What went wrong in a page: console errors, uncaught errors and failed loads. */
export interface PageProblems {
  /** Since the last clear: `console: <text> (<url>)`, `page: <error>`, `failed: <url>`. */
  readonly list: readonly string[];
  clear(): void;
}

/**
 * Records the page's problems from now on, but for those the suite expects and asserts
 * otherwise (`ignore`), so that a suite can demand none after each step.
 */
export function watchPageProblems(
  page: Page,
  ignore: {
    console?: (message: ConsoleMessage) => boolean;
    failed?: (request: HTTPRequest) => boolean;
  } = {},
): PageProblems {
  let list: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || ignore.console?.(message) === true) return;
    list.push(`console: ${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => list.push(`page: ${String(error)}`));
  page.on('requestfailed', (request) => {
    if (ignore.failed?.(request) !== true) list.push(`failed: ${request.url()}`);
  });
  return {
    get list() {
      return list;
    },
    clear() {
      list = [];
    },
  };
}

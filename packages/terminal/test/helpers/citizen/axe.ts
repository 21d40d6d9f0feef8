import type { Page } from 'puppeteer-core';
import {
  wcagViolations as violationsNow,
  type Violation,
} from '../../../../kiosk-ui/test/helpers/axe.js';

export type { Violation };

/** The WCAG 2.1 A/AA violations on the page once its screen has finished fading in. */
export async function wcagViolations(page: Page): Promise<Violation[]> {
  // A screen still fading in would be judged on its way there.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  return violationsNow(page);
}

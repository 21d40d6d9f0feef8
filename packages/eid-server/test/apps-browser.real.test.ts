import type { Browser, HTTPResponse, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../src/apps/texts.js';
import { formatPartialDate } from '../src/pages/format.js';
import type { Language } from '../src/pages/language.js';
import { wcagViolations } from '../../kiosk-ui/test/helpers/axe.js';
import type { PageProblems } from '../../kiosk-ui/test/helpers/page-problems.js';
import {
  addDemoApps,
  afterCard,
  demoApps,
  fillForm,
  issueDoorCode,
  submit,
} from './helpers/app-pages.js';
import { startAppsServer, type AppsServer } from './helpers/apps-server.js';
import { startCitizenBrowser } from './helpers/citizen-browser.js';

/** The arrival the form helper types (helpers/app-pages.ts). */
const arrival = { year: 2025, month: 6, day: 1, iso: '2025-06-01' };

// The members' app pages in Debian's Chromium as a citizen sees them in the kiosk browser
// (the eID-Server in process with its FAKE hub, FakeAppDirectory, and the card double; the
// real AusweisApp's path is apps.real.test.ts's): WCAG 2.1 A/AA by axe-core, keyboard use with
// visible focus, targets of 44 px, no sideways scrolling at 200 % (the kiosk zooms the page: a
// 1280 px screen is 640 CSS px then) nor at 320 px, and no console errors.

let server: AppsServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let activations: string[];

beforeAll(async () => {
  ({ server, browser, page, problems, activations } = await startCitizenBrowser(startAppsServer, {
    viewportHeight: 800,
    // Chromium reports a page answered 4xx as a failed load; those statuses are asserted.
    ignoreConsole: (message, page) =>
      /status of 4\d\d/.test(message.text()) && message.location().url === page.url(),
  }));
  addDemoApps(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, status = 200): Promise<void> {
  problems.clear();
  const answer = await page.goto(new URL(path, server.origin).href);
  expect(answer?.status()).toBe(status);
}

/** Expects the answer of a navigation the test started in the page. */
function arrived(answer: HTTPResponse | null, status = 200): void {
  expect(answer?.status()).toBe(status);
}

const CONTROLS = 'a[href], button, input:not([type=hidden]), textarea';

/**
 * Tabs through the page: every control is reached, each shows a focus outline. Returns the
 * controls' labels in the order reached.
 */
async function tabThrough(): Promise<string[]> {
  const count = await page.$$eval(CONTROLS, (controls) => controls.length);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached: { index: number; label: string; outline: string }[] = [];
  for (let i = 0; i < count * 2 + 2 && new Set(reached.map((r) => r.index)).size < count; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((selector) => {
      const active = document.activeElement as HTMLElement | null;
      const index = [...document.querySelectorAll(selector)].indexOf(active as Element);
      if (active === null || index < 0) return undefined;
      const style = getComputedStyle(active);
      // Past a date field's day, month and year, Tab reaches its calendar button inside the
      // field: Chromium draws its own focus ring there, which the field's style does not show.
      const datePicker = active.matches('input[type=date]') && style.outlineStyle === 'none';
      return {
        index,
        label: (active.innerText || active.getAttribute('name') || '').trim(),
        outline: datePicker ? 'calendar button' : `${style.outlineStyle} ${style.outlineWidth}`,
      };
    }, CONTROLS);
    if (focused !== undefined) reached.push(focused);
  }
  expect(new Set(reached.map((r) => r.index)).size).toBe(count);
  for (const { label, outline } of reached)
    expect(outline, label).toMatch(/^(solid [2-9]|calendar button)/);
  return reached.map((r) => r.label);
}

/** Controls less than 44 px high or wide (WCAG 2.5.5's size, as the kiosk UI asks). */
async function smallTargets(): Promise<string[]> {
  return page.$$eval(CONTROLS, (controls) =>
    controls.flatMap((control) => {
      const box = control.getBoundingClientRect();
      return box.height >= 44 && box.width >= 44
        ? []
        : [`${control.outerHTML.slice(0, 60)}: ${box.width}×${box.height}`];
    }),
  );
}

/** What sticks out sideways at this CSS width (1280 px at 200 % = 640): the page, or an element. */
async function overflowAt(width: number): Promise<string[]> {
  await page.setViewport({ width, height: 800 });
  try {
    return await page.evaluate(() => {
      const root = document.documentElement;
      const out = root.scrollWidth > root.clientWidth ? [`page ${root.scrollWidth}px`] : [];
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.left < -1 || box.right > root.clientWidth + 1))
          out.push(`${element.outerHTML.slice(0, 60)}: ${box.left}–${box.right}`);
      }
      return out;
    });
  } finally {
    await page.setViewport({ width: 1280, height: 800 });
  }
}

/** Everything a page must pass; returns the controls' labels in keyboard order. */
async function checkPage(language: Language): Promise<string[]> {
  expect(await page.$eval('html', (el) => [el.lang, el.dir])).toEqual([
    language,
    language === 'ar' ? 'rtl' : 'ltr',
  ]);
  expect(await wcagViolations(page)).toEqual([]);
  expect(await smallTargets()).toEqual([]);
  expect(await overflowAt(640)).toEqual([]);
  expect(await overflowAt(320)).toEqual([]);
  const order = await tabThrough();
  expect(problems.list).toEqual([]);
  return order;
}

const heading = () => page.$eval('h1', (el) => (el as HTMLElement).innerText.trim());
const t = (key: keyof typeof texts, language: Language, values: Record<string, string> = {}) =>
  Object.entries(values).reduce(
    (out, [name, value]) => out.replace(`{${name}}`, value),
    texts[key][language],
  );

// German (the source) and Arabic (right to left, the hardest layout); that every English text
// exists is checked in apps.test.ts, and the screenshots show the English pages.
describe.each<Language>(['de', 'ar'])('in %s', (language) => {
  const lang = `lang=${language}`;

  it('a form app’s page starts the eID from the keyboard', async () => {
    await open(`/apps/${demoApps.form}?${lang}`);
    const order = await checkPage(language);
    expect(order).toContain(t('appStartButton', language));
    activations.length = 0;
    await page.focus('main a.button');
    await page.keyboard.press('Enter');
    await expect.poll(() => activations.length).toBe(1);
    expect(new URL(activations[0] ?? '').pathname).toBe('/eID-Client');
  });

  it('the age app’s page, and its yes and no', async () => {
    await open(`/apps/${demoApps.age}?${lang}`);
    await checkPage(language);
    problems.clear();
    arrived(await afterCard(server, page, demoApps.age, lang));
    expect(await heading()).toBe(t('ageYes', language, { age: '18' }));
    await checkPage(language);
    problems.clear();
    arrived(await afterCard(server, page, demoApps.ageTooYoung, lang));
    expect(await heading()).toBe(t('ageNo', language, { age: '99' }));
    await checkPage(language);
  });

  it('the door app: code entry, a wrong code, the code accepted, registered, code unknown', async () => {
    await open(`/apps/${demoApps.door}?${lang}`);
    await checkPage(language);
    await page.type('#code', 'abc');
    problems.clear();
    arrived(await submit(page, 'form.code-form button'), 400);
    expect(await page.$eval('.field-error', (el) => el.textContent)).toBe(
      t('codeInvalid', language),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    await checkPage(language);
    await page.$eval('#code', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('#code', 'abcd-2345');
    problems.clear();
    arrived(await submit(page, 'form.code-form button'));
    expect(await page.$eval('.code-accepted', (el) => el.textContent)).toBe(
      t('codeAccepted', language, { code: 'ABCD2345' }),
    );
    await checkPage(language);

    problems.clear();
    const code = issueDoorCode(server);
    arrived(await afterCard(server, page, demoApps.door, `${lang}&code=${code}`));
    expect(await heading()).toBe(t('registeredTitle', language, { label: 'Meisterin Werkstatt' }));
    await checkPage(language);
    problems.clear();
    arrived(await afterCard(server, page, demoApps.door, `${lang}&code=NONE2345`), 409);
    expect(await heading()).toBe(t('codeUnknownTitle', language));
    await checkPage(language);
  });

  it('a printed form: card data and fields, a field error, the check, deleted on “Done”', async () => {
    arrived(await afterCard(server, page, demoApps.form, lang));
    expect(new URL(page.url()).pathname).toMatch(/\/form\//);
    const values = await page.$$eval('dd', (items) => items.map((item) => item.innerText));
    expect(values.slice(0, 2)).toEqual(['ERIKA', 'MUSTERMANN']);
    await checkPage(language);

    problems.clear();
    arrived(await submit(page, 'main form button[type=submit]'), 400);
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toBe(
      t('formHasErrors', language),
    );
    await checkPage(language);

    await fillForm(page);
    problems.clear();
    arrived(await submit(page, 'main form button[type=submit]'));
    expect(new URL(page.url()).pathname).toMatch(/\/check$/);
    expect(await page.$eval('.note', (el) => el.textContent)).toBe(t('printHint', language));
    const order = await checkPage(language);
    expect(order.slice(-2)).toEqual([t('correctButton', language), t('doneButton', language)]);

    problems.clear();
    arrived(await submit(page, 'form.inline button'));
    expect(await heading()).toBe(t('formDeletedTitle', language));
    await checkPage(language);
  });

  it('a form handed over: the code, the reception’s page, a wrong code, the form received', async () => {
    arrived(await afterCard(server, page, demoApps.handover, lang));
    await fillForm(page);
    arrived(await submit(page, 'main form button[type=submit]'));
    problems.clear();
    const order = await checkPage(language);
    expect(order.at(-1)).toBe(t('handoverButton', language));
    arrived(await submit(page, 'form.inline button'));
    expect(await heading()).toBe(t('handoverTitle', language));
    const code = await page.$eval('.handover-code', (el) => el.textContent?.trim() ?? '');
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await checkPage(language);

    await open(`/apps/${demoApps.handover}/handover?${lang}`);
    await checkPage(language);
    await page.type('#code', 'AAAAAAAA');
    problems.clear();
    arrived(await submit(page, 'main form button'), 404);
    expect(await page.$eval('.field-error', (el) => el.textContent?.trim())).toBe(
      t('receptionCodeWrong', language),
    );
    await checkPage(language);
    await page.$eval('#code', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('#code', code.toLowerCase());
    problems.clear();
    arrived(await submit(page, 'main form button'));
    const received = await page.$$eval('dd', (items) => items.map((item) => item.innerText));
    // The typed arrival, shown like the card's dates in the reception's language.
    expect(received).toContain(formatPartialDate(arrival, language));
    await checkPage(language);
  });

  it('“not available” and the finished page', async () => {
    await open(`/apps/nichts?${lang}`, 404);
    expect(await heading()).toBe(t('notAvailableTitle', language));
    await checkPage(language);
    await open(`/apps/done?${lang}`);
    expect(await heading()).toBe(t('finishedTitle', language));
    await checkPage(language);
  });
});

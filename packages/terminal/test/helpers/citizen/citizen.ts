import type { Frame, HTTPRequest, Page } from 'puppeteer-core';
import { findScenario } from '@sidbox/eid';
import { successCodes, type OutcomeCode } from '@sidbox/protocol';
import type { ChromiumKioskBrowser } from '../../../src/browser/chromium-kiosk-browser.js';
import {
  translator,
  type Language,
  type MessageKey,
  type MessageValues,
  type Translate,
} from '../../../../kiosk-ui/src/i18n/catalogue.js';
import { within } from './waits.js';

/** What the kiosk page showed at one moment: its main heading and its root font size. */
export interface ScreenReport {
  heading: string;
  fontSize: string;
}

/** The page's own reports, in order; `until` resolves with the first one that fits. */
export interface ScreenLog {
  readonly seen: readonly ScreenReport[];
  until(fits: (report: ScreenReport) => boolean): Promise<ScreenReport>;
}

/** How long a walk waits for one screen or control before it fails. */
const stepTimeoutMs = 10_000;

type Role = 'button' | 'link' | 'heading' | 'checkbox' | 'radio' | 'textbox';

/** A puppeteer ARIA selector: the control a screen reader would announce by that name. */
export function byRole(role: Role, name: string): string {
  if (name.includes('"')) throw new Error(`an accessible name with a double quote: ${name}`);
  return `::-p-aria([name="${name}"][role="${role}"])`;
}

/**
 * The citizen at the kiosk screen: finds controls by the accessible names the kiosk UI's
 * catalogue gives them (so text changes do not break the walks) and taps them in the real
 * kiosk Chromium. The page is looked up on every use: a session's end swaps the browser.
 */
export class Citizen {
  static #watches = 0;
  #language: Language;
  #t: Translate;

  constructor(
    private readonly browser: ChromiumKioskBrowser,
    language: Language = 'de',
  ) {
    this.#language = language;
    this.#t = translator(language);
  }

  get page(): Page {
    return this.browser.devtoolsPage();
  }

  /** The texts the screen should show now (after the citizen chose another language). */
  speaks(language: Language): void {
    this.#language = language;
    this.#t = translator(language);
  }

  t(key: MessageKey, values?: MessageValues): string {
    return this.#t(key, values);
  }

  /** Taps the button named by a catalogue key (waits until it is there and enabled). */
  async tap(key: MessageKey, values?: MessageValues): Promise<void> {
    await this.tapNamed(this.t(key, values));
  }

  /** Taps the button with this accessible name. */
  async tapNamed(name: string): Promise<void> {
    await this.page.locator(byRole('button', name)).setTimeout(stepTimeoutMs).click();
  }

  /** Taps the button whose visible text contains `text` (tiles: a title plus an explanation). */
  async tapTile(text: string): Promise<void> {
    await this.page
      .locator(`button ::-p-text(${JSON.stringify(text)})`)
      .setTimeout(stepTimeoutMs)
      .click();
  }

  /**
   * Staff "insert" a training card with the picker (home or insert-card screen); the picker
   * shows the cards' German titles in German and the English ones in every other language.
   * Resolves once the daemon has taken the choice (a refusal shows in the next step).
   */
  async chooseTrainingCard(scenario: string): Promise<void> {
    const card = findScenario(scenario);
    if (!card) throw new Error(`no training card "${scenario}"`);
    const answered = this.#actionDone('training-scenario');
    await this.tapTile(card.title[this.#language === 'de' ? 'de' : 'en']);
    await answered;
  }

  /**
   * The next kiosk action of `type` has been answered by the daemon, or aborted by the page
   * moving on (the daemon had it: its answer is what moved the page).
   */
  #actionDone(type: string): Promise<void> {
    const page = this.page;
    return new Promise((resolve, reject) => {
      let sent = false;
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no answer to the kiosk action ${type}${sent ? '' : ' (never sent)'}`));
      }, stepTimeoutMs);
      const seen = (request: HTTPRequest): void => {
        if (actionType(request) === type) sent = true;
      };
      const done = (request: HTTPRequest): void => {
        if (actionType(request) !== type) return;
        stop();
        resolve();
      };
      // The daemon's answer can move the page on before the request's own end is reported
      // (puppeteer then never reports it): the page moving on after the request is an answer.
      const movedOn = (frame: Frame): void => {
        if (!sent || frame !== page.mainFrame()) return;
        stop();
        resolve();
      };
      const stop = (): void => {
        clearTimeout(timer);
        page.off('request', seen);
        page.off('requestfinished', done);
        page.off('requestfailed', done);
        page.off('framenavigated', movedOn);
      };
      page.on('request', seen);
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      page.on('framenavigated', movedOn);
    });
  }

  /** Waits for the screen whose heading is this catalogue text. */
  async sees(key: MessageKey, values?: MessageValues): Promise<void> {
    await this.page.waitForSelector(byRole('heading', this.t(key, values)), {
      timeout: stepTimeoutMs,
    });
  }

  /** Waits until the kiosk's main area shows this catalogue text. */
  async reads(key: MessageKey, values?: MessageValues): Promise<void> {
    await this.page.waitForFunction(
      (text) => document.querySelector('main')?.textContent?.includes(text) === true,
      { timeout: stepTimeoutMs },
      this.t(key, values),
    );
  }

  /** Unticks the checkbox with this accessible name. */
  async untick(name: string): Promise<void> {
    const box = await this.page.waitForSelector(byRole('checkbox', name), {
      timeout: stepTimeoutMs,
    });
    if (!box) throw new Error(`no checkbox "${name}"`);
    await box.click();
    await this.page.waitForFunction((input) => !(input as HTMLInputElement).checked, {}, box);
  }

  /** The result screen of an outcome: success or failure, what happened, what to do next. */
  async seesOutcome(code: OutcomeCode): Promise<void> {
    await this.sees(
      successCodes.includes(code) ? 'outcome.title.success' : 'outcome.title.failure',
    );
    await this.reads(`outcome.${code}`);
    await this.reads(`outcome.next.${code}`);
  }

  /**
   * The type of every action the kiosk page posts to the daemon from now on (never a value:
   * PINs stay out of the test's records), until the session's browser is swapped.
   */
  recordActions(): string[] {
    const types: string[] = [];
    this.page.on('request', (request) => {
      const type = actionType(request);
      if (type !== null) types.push(type);
    });
    return types;
  }

  /**
   * The current kiosk page reports every change of its heading or text size itself, until it
   * is left. DevTools commands to a page wait while a navigation to another site is pending;
   * the page's own reports still flow, so this sees the screen that stands until then.
   */
  async watchScreen(): Promise<ScreenLog> {
    const seen: ScreenReport[] = [];
    const waiters = new Set<() => void>();
    const binding = `sidboxScreen${Citizen.#watches++}`;
    await this.page.exposeFunction(binding, (report: ScreenReport) => {
      seen.push(report);
      for (const wake of [...waiters]) wake();
    });
    await this.page.evaluate((name) => {
      let last = '';
      const report = (): void => {
        const heading = document.querySelector('main h1')?.textContent ?? '';
        const fontSize = document.documentElement.style.fontSize;
        if (`${heading}|${fontSize}` === last) return;
        last = `${heading}|${fontSize}`;
        (window as unknown as Record<string, (report: object) => void>)[name]?.({
          heading,
          fontSize,
        });
      };
      report();
      new MutationObserver(report).observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    }, binding);
    const until = (fits: (report: ScreenReport) => boolean) =>
      new Promise<ScreenReport>((resolve) => {
        const wake = (): void => {
          const found = seen.find(fits);
          if (!found) return;
          waiters.delete(wake);
          resolve(found);
        };
        waiters.add(wake);
        wake();
      });
    return { seen, until: (fits) => within(until(fits), 'a report from the kiosk page') };
  }

  /**
   * Types a number on the on-screen pad, key by key, and confirms it with the pad's OK. A key
   * that cannot be pressed fails without naming the digit: numbers stay out of test output.
   */
  async typeOnPad(digits: string): Promise<void> {
    for (const [index, digit] of [...digits].entries()) {
      await this.tapNamed(digit).catch(() => {
        throw new Error(`the pad did not take key ${index + 1} of ${digits.length}`);
      });
    }
    await this.tap('eid.ok');
  }
}

/** The type of a kiosk action the page posts, or null for any other request. */
function actionType(request: HTTPRequest): string | null {
  if (request.method() !== 'POST' || !request.url().endsWith('/api/action')) return null;
  const { type } = JSON.parse(request.postData() ?? '{}') as { type?: string };
  return type ?? '?';
}

import type { Page } from 'puppeteer-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outcomeCodes, type KioskActionInput } from '@sidbox/protocol';
import { catalogue } from '../src/i18n/catalogue.js';
import { openKioskPage, openScreen, type KioskPage } from './helpers/kiosk-page.js';
import type { StubDaemon } from './helpers/stub-daemon.js';
import { base, screenNames, screens, type ScreenName } from './helpers/views.js';

/**
 * The built kiosk UI in real Chromium against the stub daemon: keyboard-only and touch
 * operation on every screen, and the actions each control sends.
 */
let kiosk: KioskPage;
let stub: StubDaemon;
let page: Page;

beforeAll(async () => {
  kiosk = await openKioskPage();
  ({ stub, page } = kiosk);
}, 60_000);

afterAll(() => kiosk?.close());

beforeEach(() => {
  stub.actions.length = 0;
  stub.refuseSurvey = false;
});

const typeOf =
  <T extends KioskActionInput['type']>(type: T) =>
  (action: KioskActionInput): action is Extract<KioskActionInput, { type: T }> =>
    action.type === type;

/** Clicks the button whose visible text is exactly `text` (within `scope`). */
async function press(text: string, scope = 'body'): Promise<void> {
  const handle = await page.evaluateHandle(
    (label, within) =>
      [...(document.querySelector(within)?.querySelectorAll('button') ?? [])].find(
        (button) =>
          button.textContent?.trim() === label || button.getAttribute('aria-label') === label,
      ),
    text,
    scope,
  );
  const button = handle.asElement();
  if (!button) throw new Error(`no button "${text}"`);
  await (button as import('puppeteer-core').ElementHandle<HTMLButtonElement>).click();
}

async function typeDigits(digits: string): Promise<void> {
  for (const digit of digits) await press(digit, '.pad');
}

const dotsEntered = () =>
  page.$eval('.dots', (dots) => [...(dots.textContent ?? '')].filter((c) => c === '●').length);

describe('keyboard and touch on every screen', () => {
  const keyboardScreens = screenNames.filter((name) => name !== 'text-200');

  it.each(keyboardScreens)(
    '%s: Tab reaches every control in document order, focus visible',
    async (name) => {
      await openScreen(page, stub, name);
      // Overlays trap the page behind them (inert); the controls to reach are the top layer's.
      const expected = await page.evaluate(() => {
        const scope = document.querySelector('.overlay') ?? document;
        return [
          ...scope.querySelectorAll<HTMLElement>(
            'button:not(:disabled), input, textarea, [tabindex="0"]',
          ),
        ]
          .filter((element) => !element.closest('[inert]') && element.checkVisibility())
          .filter(
            (element) =>
              !(
                element instanceof HTMLInputElement &&
                element.type === 'radio' &&
                !element.checked &&
                document.querySelector(`input[name="${element.name}"]:checked`)
              ),
          )
          .map((element, index) => {
            element.dataset['order'] = String(index);
            return index;
          });
      });
      // Radio groups take one Tab stop each.
      const radios = await page.$$eval(
        'input[type=radio]',
        (inputs) => new Set(inputs.map((input) => (input as HTMLInputElement).name)).size,
      );
      const stops =
        radios > 0
          ? expected.length -
            (await page.$$eval('input[type=radio]', (inputs) => inputs.length)) +
            radios
          : expected.length;
      // A dialog with controls traps focus; the card reminder has none.
      const dialog =
        expected.length > 0 &&
        (await page.evaluate(() => document.querySelector('.overlay') !== null));
      const orderOfFocus = () =>
        page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['order']);
      if (dialog) {
        // The dialog focused its first control; Shift+Tab cycles to its last, not behind it.
        await page.focus('.overlay [data-order="0"]');
        await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        await page.keyboard.up('Shift');
        expect(await orderOfFocus()).toBe(String(expected.length - 1));
      } else {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      }
      const reached: number[] = [];
      for (let i = 0; i < stops; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          return {
            order: Number(element.dataset['order'] ?? -1),
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 3,
            visible: element.matches(':focus-visible'),
          };
        });
        if (!focus) throw new Error(`focus left the page after ${i} tabs`);
        expect(focus.outline && focus.visible, `focus ring on ${focus.order}`).toBe(true);
        reached.push(focus.order);
      }
      const order = reached.filter((n, index) => index === 0 || n > (reached[index - 1] ?? -1));
      expect(order, 'Tab order follows the document').toEqual(reached);
      if (radios === 0) expect(reached).toEqual(expected);
      if (dialog) {
        // Focus stays in the dialog: one more Tab comes back to its first control.
        await page.keyboard.press('Tab');
        expect(await orderOfFocus()).toBe('0');
      }
    },
  );

  it.each(screenNames)('%s: every target is at least 44×44 CSS pixels', async (name) => {
    await openScreen(page, stub, name);
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'button, input:not([type=radio]):not([type=checkbox]), textarea, label.choice',
        ),
      ]
        .filter((element) => element.checkVisibility())
        .map((element) => ({ element, rect: element.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width < 44 || rect.height < 44)
        .map(
          ({ element, rect }) =>
            `${element.tagName} "${element.textContent?.trim().slice(0, 20)}" ${rect.width}×${rect.height}`,
        ),
    );
    expect(small).toEqual([]);
  });

  it('Enter and Space activate buttons', async () => {
    await openScreen(page, stub, 'home');
    await page.focus('.kiosk-bar button:first-child');
    await page.keyboard.press('Enter');
    await stub.nextAction(typeOf('home'));
    await page.focus('.tiles .tile');
    await page.keyboard.press('Space');
    expect(await stub.nextAction(typeOf('open'))).toEqual({
      type: 'open',
      serviceId: base.services[0]?.id,
    });
  });
});

describe('what the controls send', () => {
  it('consent with a deselected optional field sends deselect; untouched sends none', async () => {
    await openScreen(page, stub, 'consent');
    expect(
      await page.$$eval('fieldset.optional input', (boxes) =>
        boxes.map((b) => (b as HTMLInputElement).checked),
      ),
    ).toEqual([true, true]);
    await page.click('fieldset.optional input[value=Address]');
    await press(catalogue.de['eid.accept']);
    expect(await stub.nextAction(typeOf('eid-accept'))).toEqual({
      type: 'eid-accept',
      deselect: ['Address'],
    });

    stub.actions.length = 0;
    await openScreen(page, stub, 'consent');
    await press(catalogue.de['eid.accept']);
    expect(await stub.nextAction(typeOf('eid-accept'))).toEqual({ type: 'eid-accept' });
    // The requested data in plain words, not the SDK's names.
    const listed = await page.$$eval('ul.rights li', (items) =>
      items.map((item) => item.textContent),
    );
    expect(listed.join(' ')).toContain(catalogue.de['right.DateOfBirth']);
    expect(listed.join(' ')).not.toContain('DateOfBirth');
  });

  it('PIN pad: OK waits for six digits, sends them once, then holds nothing', async () => {
    await openScreen(page, stub, 'pin');
    await typeDigits('12345');
    expect(await page.$eval('.pad .ok', (ok) => (ok as HTMLButtonElement).disabled)).toBe(true);
    expect(await dotsEntered()).toBe(5);
    await typeDigits('67');
    expect(await dotsEntered(), 'a seventh digit is not taken').toBe(6);
    await press(catalogue.de['pad.delete']);
    await typeDigits('6');
    await page.click('.pad .ok');
    expect(await stub.nextAction(typeOf('eid-pin'))).toEqual({ type: 'eid-pin', value: '123456' });
    expect(await dotsEntered()).toBe(0);
    expect(stub.actions.filter(typeOf('eid-pin'))).toHaveLength(1);
    // The digits never reach the page as text.
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('123456');
  });

  it('a shuffled pad lays the digits out anew and still sends the digits pressed', async () => {
    await openScreen(page, stub, 'pin');
    const layout = () =>
      page.$$eval('.pad button.digit', (buttons) => buttons.map((b) => b.textContent));
    const telephone = await layout();
    await press(catalogue.de['pad.shuffle']);
    const shuffled = await layout();
    expect([...shuffled].sort()).toEqual([...telephone].sort());
    expect(shuffled).not.toEqual(telephone);
    await typeDigits('975310');
    await page.click('.pad .ok');
    expect(await stub.nextAction(typeOf('eid-pin'))).toEqual({ type: 'eid-pin', value: '975310' });
  });

  it('digits typed but not sent are gone when the step changes', async () => {
    await openScreen(page, stub, 'pin');
    await typeDigits('1357');
    expect(await dotsEntered()).toBe(4);
    stub.publish(screens.can.view());
    await page.waitForSelector('.with-picture');
    expect(await dotsEntered()).toBe(0);
    stub.publish(screens.pin.view());
    await page.waitForFunction(() => !document.querySelector('.with-picture'));
    expect(await dotsEntered()).toBe(0);
    expect(stub.actions.filter(typeOf('eid-pin'))).toEqual([]);
  });

  it('the keyboard types digits, Backspace deletes, Enter sends', async () => {
    await openScreen(page, stub, 'can');
    await page.keyboard.type('6543219');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    expect(await stub.nextAction(typeOf('eid-can'))).toEqual({ type: 'eid-can', value: '654321' });
  });

  it('a digit typed the moment the pad appears is not lost', async () => {
    await openScreen(page, stub, 'attract');
    // A key pressed in the same instant the pad is drawn: the listener must already be there.
    await page.evaluate(() => {
      const arrival = new Promise<void>((resolve) => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector('.pad')) return;
          observer.disconnect();
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '7', bubbles: true }));
          resolve();
        }).observe(document.body, { childList: true, subtree: true });
      });
      Object.assign(window, { typedOnArrival: arrival });
    });
    stub.publish(screens.can.view());
    await page.evaluate(
      () => (window as unknown as { typedOnArrival: Promise<void> }).typedOnArrival,
    );
    expect(await dotsEntered()).toBe(1);
  });

  it('the PIN change takes a five-digit transport PIN', async () => {
    await openScreen(page, stub, 'current-pin');
    await typeDigits('12345');
    await page.click('.pad .ok');
    expect(await stub.nextAction(typeOf('eid-pin'))).toEqual({ type: 'eid-pin', value: '12345' });
  });

  it('a keypad reader: the screen says so and OK sends no digits', async () => {
    await openScreen(page, stub, 'pin-keypad');
    expect(await page.$('.pad')).toBeNull();
    expect(await page.$eval('#entry-prompt', (p) => p.textContent)).toBe(
      catalogue.de['eid.onReader'],
    );
    await press(catalogue.de['eid.ok']);
    expect(await stub.nextAction(typeOf('eid-pin'))).toEqual({ type: 'eid-pin' });
  });

  it('a mismatched new PIN is caught and sends nothing; a matching one is sent once', async () => {
    await openScreen(page, stub, 'new-pin');
    await typeDigits('111111');
    await page.click('.pad .ok');
    await typeDigits('222222');
    await page.click('.pad .ok');
    await page.waitForSelector('[role=alert]');
    expect(stub.actions.filter(typeOf('eid-new-pin'))).toEqual([]);
    expect(await dotsEntered()).toBe(0);
    await typeDigits('482916');
    await page.click('.pad .ok');
    await typeDigits('482916');
    await page.click('.pad .ok');
    expect(await stub.nextAction(typeOf('eid-new-pin'))).toEqual({
      type: 'eid-new-pin',
      value: '482916',
    });
    expect(stub.actions.filter(typeOf('eid-new-pin'))).toHaveLength(1);
  });

  it('cancel on every eID screen', async () => {
    for (const name of [
      'consent',
      'insert-card',
      'pin',
      'can',
      'puk',
      'new-pin',
      'working',
    ] as ScreenName[]) {
      stub.actions.length = 0;
      await openScreen(page, stub, name);
      await press(catalogue.de['eid.cancel']);
      await stub.nextAction(typeOf('eid-cancel'));
    }
  });

  it('language and text size go to the daemon, and its new view is applied', async () => {
    await openScreen(page, stub, 'home');
    await page.click('button.lang[lang=en]');
    expect(await stub.nextAction(typeOf('language'))).toEqual({ type: 'language', language: 'en' });
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe(catalogue.en['home.title']);

    await press(`${catalogue.en['bar.textSize']} 100 %`);
    expect(await stub.nextAction(typeOf('text-size'))).toEqual({ type: 'text-size', scale: 1.5 });
    await page.waitForFunction(() => document.documentElement.style.fontSize === '33px');

    // The bar's Language opens the choice in a dialog.
    await press(catalogue.en['bar.language'], '.kiosk-bar');
    await page.click('.overlay button.lang[lang=ar]');
    expect(await stub.nextAction((a) => a.type === 'language' && a.language === 'ar')).toBeTruthy();
    await page.waitForFunction(
      () => document.documentElement.dir === 'rtl' && !document.querySelector('.overlay'),
    );
  });

  it('Back: a kiosk page returns home, a blocked page asks the daemon for the page before', async () => {
    await openScreen(page, stub, 'blocked');
    await press(catalogue.de['bar.back']);
    await stub.nextAction(typeOf('back'));
    await openScreen(page, stub, 'fast-lane');
    await press(catalogue.de['bar.back']);
    await page.waitForSelector('.tiles');
    expect(new URL(page.url()).pathname).toBe('/');
    // Home has no Back; eID screens have their own Cancel instead.
    expect(
      await page.$$eval('.kiosk-bar button', (b) => b.map((x) => x.textContent)),
    ).not.toContain(catalogue.de['bar.back']);
  });

  it('search and categories filter the tiles', async () => {
    await openScreen(page, stub, 'home-long');
    const titles = () =>
      page.$$eval('.tiles .tile strong', (strongs) => strongs.map((s) => s.textContent));
    expect(await titles()).toHaveLength(11);
    await page.type('#service-search', 'fahrzeug');
    expect(await titles()).toEqual(['Auto zulassen (i-Kfz)']);
    await page.$eval('#service-search', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#service-search', 'rente');
    expect(await titles()).toEqual(['Renteninformation abrufen']);
    await page.click('#service-search', { count: 3 });
    await page.keyboard.press('Backspace');
    await press(catalogue.de['category.vehicle']);
    expect(await titles()).toEqual(['Auto zulassen (i-Kfz)', 'Punkteauskunft Flensburg']);
    await page.type('#service-search', 'xyz');
    expect(await titles()).toEqual([]);
    expect(await page.$eval('[role=status]', (s) => s.textContent)).toBe(
      catalogue.de['home.noMatch'],
    );
  });

  it('the Fast Lane explains first, then both choices start the PIN change', async () => {
    await openScreen(page, stub, 'home');
    await page.click('.fast-lane');
    await page.waitForSelector('.choices');
    expect(new URL(page.url()).pathname).toBe('/fast-lane');
    expect(await page.$$eval('.terms dt', (terms) => terms.length)).toBe(4);
    await page.click('.choice-letter');
    await stub.nextAction(typeOf('change-pin'));
    stub.actions.length = 0;
    await page.click('.choice-known');
    await stub.nextAction(typeOf('change-pin'));
  });

  it('every outcome code has a title, a text and what to do next', async () => {
    for (const code of outcomeCodes) {
      await page.goto(`${stub.origin}/outcome?code=${code}#k=t`);
      await page.waitForSelector('.outcome');
      const text = await page.$eval('.outcome', (o) => o.textContent ?? '');
      expect(text).toContain(catalogue.de[`outcome.${code}`]);
      expect(text).toContain(catalogue.de[`outcome.next.${code}`]);
      expect(text).not.toContain(code);
    }
  });

  it('after a new PIN, "Online-Ausweis testen" comes first and opens the self-check', async () => {
    await page.goto(`${stub.origin}/outcome?code=pin-changed#k=t`);
    await page.waitForSelector('.outcome');
    const buttons = await page.$$eval('.outcome .buttons button', (all) =>
      all.map((b) => b.textContent),
    );
    expect(buttons[0]).toBe(catalogue.de['outcome.selfCheck']);
    await press(catalogue.de['outcome.selfCheck']);
    expect(await stub.nextAction(typeOf('open'))).toEqual({
      type: 'open',
      serviceId: 'online-ausweis-testen',
    });
    await page.goto(`${stub.origin}/outcome?code=wrong-pin#k=t`);
    await page.waitForSelector('.outcome');
    expect(await page.$eval('.outcome', (o) => o.textContent)).not.toContain(
      catalogue.de['outcome.selfCheck'],
    );
  });

  it('after a new PIN, "Ihr Smartphone einrichten" opens the phone screen, whose code the daemon makes', async () => {
    await openScreen(page, stub, 'outcome-success');
    await press(catalogue.de['phone.open']);
    await page.waitForSelector('.phone-setup .phone-check button');
    expect(new URL(page.url()).pathname).toBe('/phone');
    // The code is made when asked for: it runs for minutes, installing the app may come first.
    expect(stub.actions.filter(typeOf('phone-check'))).toEqual([]);
    await press(catalogue.de['phone.create'], '.phone-check');
    expect(await stub.nextAction(typeOf('phone-check'))).toEqual({ type: 'phone-check' });
    // A terminal that knows no eID-Server offers nothing of it.
    await openScreen(page, stub, 'outcome-success', 'de', (view) => ({
      ...view,
      phoneSetup: { offered: false, check: null },
    }));
    expect(await page.$eval('.outcome', (o) => o.textContent)).not.toContain(
      catalogue.de['phone.open'],
    );
  });

  it('the survey: answers and comment sent, then thanks; a refusal is shown', async () => {
    await openScreen(page, stub, 'survey');
    expect(await page.$$eval('fieldset', (sets) => sets.length)).toBe(6);
    expect(await page.$$eval('fieldset:first-of-type input', (inputs) => inputs.length)).toBe(6);
    await page.click('fieldset:nth-of-type(1) label:nth-child(1)');
    await page.click('fieldset:nth-of-type(6) label:nth-child(5)');
    await page.type('#survey-comment', '  Mehr Dienste bitte  ');
    stub.refuseSurvey = true;
    await press(catalogue.de['survey.send']);
    await page.waitForSelector('[role=alert]');
    stub.refuseSurvey = false;
    await press(catalogue.de['survey.send']);
    await page.waitForSelector('#thanks-title');
    const sent = stub.actions.filter(typeOf('survey'));
    expect(sent.at(-1)).toEqual({
      type: 'survey',
      answers: { informative: 'fully-agree', 'security-concerns': 'fully-disagree' },
      comment: 'Mehr Dienste bitte',
    });
  });

  it('End asks for the survey once; Skip ends the session', async () => {
    await openScreen(page, stub, 'home');
    await page.evaluate(() => sessionStorage.removeItem('sidbox-survey-done'));
    await page.click('.kiosk-bar .end');
    await page.waitForSelector('fieldset');
    expect(page.url()).toContain('/survey?end');
    await press(catalogue.de['survey.skipAndEnd']);
    await stub.nextAction(typeOf('end'));
    stub.actions.length = 0;
    await openScreen(page, stub, 'home');
    await page.click('.kiosk-bar .end');
    await stub.nextAction(typeOf('end'));
    expect(new URL(page.url()).pathname).toBe('/');
    // In the middle of an eID step, End ends at once.
    await page.evaluate(() => sessionStorage.removeItem('sidbox-survey-done'));
    stub.actions.length = 0;
    await openScreen(page, stub, 'pin');
    await page.click('.kiosk-bar .end');
    await stub.nextAction(typeOf('end'));
    expect(new URL(page.url()).pathname).toBe('/eid');
  });

  it('training: the picker sends the scenario, the chosen card shows its numbers', async () => {
    await openScreen(page, stub, 'insert-card');
    expect(await page.$eval('.training-banner', (b) => b.textContent)).toBe(
      catalogue.de['training.banner'],
    );
    expect(await page.$eval('.card-values', (p) => p.textContent)).toContain('CAN 654321');
    await page.click('.scenario:first-child');
    expect(await stub.nextAction(typeOf('training-scenario'))).toEqual({
      type: 'training-scenario',
      scenario: 'transport-pin',
    });
    await press(catalogue.de['eid.trainingCard']);
    expect(await stub.nextAction(typeOf('eid-insert-card'))).toEqual({
      type: 'eid-insert-card',
      reader: 'SIDbox Training Reader',
    });
    // In Turkish the scenario texts are the English ones, marked as English.
    await openScreen(page, stub, 'insert-card', 'tr');
    expect(
      await page.$eval('.scenario strong', (s) => [s.getAttribute('lang'), s.textContent]),
    ).toEqual(['en', 'PIN letter, not yet activated']);
  });

  it('staff menu: PIN sent and not kept, training switched, closed', async () => {
    await openScreen(page, stub, 'staff-pin');
    expect(await page.$eval('.overlay [role=alert]', (a) => a.textContent)).toBe(
      catalogue.de['staff.pin.wrong'],
    );
    expect(await page.evaluate(() => document.querySelector('.page')?.hasAttribute('inert'))).toBe(
      true,
    );
    await typeDigits('2468');
    await page.click('.pad .ok');
    expect(await stub.nextAction(typeOf('staff-pin'))).toEqual({
      type: 'staff-pin',
      value: '2468',
    });
    expect(await dotsEntered()).toBe(0);
    await openScreen(page, stub, 'staff-menu');
    expect(await page.$$eval('table.devices tbody tr', (rows) => rows.length)).toBe(4);
    await press(catalogue.de['staff.training.turnOff']);
    expect(await stub.nextAction(typeOf('staff-training'))).toEqual({
      type: 'staff-training',
      on: false,
    });
    await page.keyboard.press('Escape');
    await stub.nextAction(typeOf('staff-close'));
  });

  it('read aloud sends the visible text of the screen, never the digits typed', async () => {
    await openScreen(page, stub, 'home');
    expect(
      await page.$$eval('.kiosk-bar button', (b) => b.map((x) => x.textContent)),
    ).not.toContain(catalogue.de['bar.speak']);
    await openScreen(page, stub, 'pin', 'de', (view) => ({ ...view, speech: true }));
    await typeDigits('135');
    await press(catalogue.de['bar.speak']);
    const spoken = (await stub.nextAction(typeOf('speak'))) as { text: string };
    expect(spoken.text).toContain(catalogue.de['eid.pin.title']);
    expect(spoken.text).toContain(catalogue.de['eid.pin.text']);
    expect(spoken.text).not.toMatch(/●|○|135|1 3 5/);
    await press(catalogue.de['bar.speakStop']);
    await stub.nextAction(typeOf('speak-stop'));
  });

  it('the idle warning counts down and "still here" reports activity', async () => {
    await openScreen(page, stub, 'idle-warning');
    expect(await page.$eval('#warning-text', (p) => p.textContent)).toMatch(/in (60|59) Sekunden/);
    await press(catalogue.de['warning.stillHere']);
    await stub.nextAction(typeOf('activity'));
  });

  it('the attract screen: a touch starts, the explanations can be paused and turned', async () => {
    await openScreen(page, stub, 'attract');
    const title = () => page.$eval('#slide-title', (h) => h.textContent);
    expect(await title()).toBe(catalogue.de['attract.slide.what.title']);
    await press(catalogue.de['attract.pause']);
    expect(
      await page.$eval('.slide-controls button[aria-pressed]', (b) =>
        b.getAttribute('aria-pressed'),
      ),
    ).toBe('true');
    await press(catalogue.de['attract.next']);
    expect(await title()).toBe(catalogue.de['attract.slide.need.title']);
    expect(stub.actions.filter(typeOf('start')), 'the controls do not start a session').toEqual([]);
    await page.click('.attract-screen h1');
    await stub.nextAction(typeOf('start'));
  });

  it('reduced motion: the explanations stand still and do not fade', async () => {
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    try {
      await openScreen(page, stub, 'attract');
      expect(
        await page.$eval('.slide-controls button[aria-pressed]', (b) =>
          b.getAttribute('aria-pressed'),
        ),
      ).toBe('true');
      expect(await page.$eval('.slide', (s) => getComputedStyle(s).animationName)).toBe('none');
    } finally {
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
    }
  });

  it('QR codes: the AusweisApp in both stores and the configured app, each named', async () => {
    await openScreen(page, stub, 'home');
    const codes = await page.$$eval('svg.qr', (svgs) =>
      svgs.map((svg) => ({
        url: svg.getAttribute('data-url') ?? '',
        label: svg.getAttribute('aria-label'),
        role: svg.getAttribute('role'),
        path: svg.querySelector('path')?.getAttribute('d') ?? '',
        size: Number(svg.getAttribute('viewBox')?.split(' ')[2]),
      })),
    );
    expect(codes.map((code) => code.url)).toEqual([
      'https://play.google.com/store/apps/details?id=com.governikus.ausweisapp2',
      'https://apps.apple.com/de/app/ausweisapp/id948660805',
      'https://www.bonn.de/app',
    ]);
    for (const code of codes) {
      expect(code.role).toBe('img');
      expect(code.label).toMatch(/^QR-Code: /);
      // The drawn modules are exactly the encoded ones.
      const { data, size } = encode(code.url, { ecc: 'M', border: 4 });
      expect(code.size).toBe(size);
      const drawn = new Set([...code.path.matchAll(/M(\d+) (\d+)/g)].map((m) => `${m[1]},${m[2]}`));
      const dark = new Set(
        data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : []))),
      );
      expect(drawn).toEqual(dark);
    }
  });

  it('reader missing: the eID services and the Fast Lane step aside, the others stay', async () => {
    await openScreen(page, stub, 'reader-missing');
    expect(await page.$('.fast-lane')).toBeNull();
    expect(await page.$$eval('.tiles .tile strong', (s) => s.map((x) => x.textContent))).toEqual([
      'Termin buchen',
    ]);
  });
});

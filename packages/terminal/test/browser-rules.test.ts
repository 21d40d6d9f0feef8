import { describe, expect, it } from 'vitest';
import {
  connectSrcPolicy,
  refusedByConnectWall,
  responseAction,
} from '../src/browser/wall/connect-wall.js';
import { decideNavigation, indexOrigins } from '../src/browser/decide-navigation.js';
import { classifyEidClientRequest, statusAnswer } from '../src/browser/eid-client.js';
import { backEntry } from '../src/browser/history-back.js';
import {
  DEFAULT_KIOSK_BAR_SETTINGS,
  defaultLook,
  kioskBarConfig,
} from '../src/browser/kiosk-bar-config.js';
import { parseKioskBarReport } from '../src/browser/kiosk-bar-report.js';
import type { NavigationRules } from '../src/browser/kiosk-browser.js';
import { buildLockdown, originFilter } from '../src/browser/lockdown.js';
import { pageZoomFor, zoomEmulation } from '../src/browser/overlay/page-zoom.js';
import { barTextsOf } from './helpers/browser/catalogue-texts.js';

const rules: NavigationRules = {
  kioskOrigins: ['http://127.0.0.1:8080'],
  services: [
    {
      id: 'fz',
      startUrl: 'https://allowed.example/start',
      origins: ['https://allowed.example', 'https://Bürgeramt.Example:8443'],
      allowDownloads: false,
      allowPrint: true,
    },
    {
      id: 'dl',
      startUrl: 'https://files.example/',
      origins: [],
      allowDownloads: true,
      allowPrint: false,
    },
  ],
};

const decide = (url: string, context: Parameters<typeof decideNavigation>[1] = 'top-level') =>
  decideNavigation(url, context, rules);

describe('decideNavigation', () => {
  it.each([
    ['https://allowed.example/page?x=1', 'fz'],
    ['HTTPS://ALLOWED.EXAMPLE/Path', 'fz'],
    ['https://allowed.example:443/', 'fz'],
    ['https://xn--brgeramt-65a.example:8443/', 'fz'],
    ['https://bürgeramt.example:8443/x', 'fz'],
    ['https://files.example/report.pdf', 'dl'],
    ['wss://allowed.example/socket', 'fz'],
  ])('allows the service origin %s', (url, serviceId) => {
    expect(decide(url)).toEqual({ action: 'allow', target: { kind: 'service', serviceId } });
  });

  it('allows the kiosk UI', () => {
    expect(decide('http://127.0.0.1:8080/attract')).toEqual({
      action: 'allow',
      target: { kind: 'kiosk' },
    });
  });

  it.each([
    'https://evil.example/',
    'https://allowed.example@evil.example/',
    'https://allowed.example:pw@evil.example/',
    'https://user@allowed.example/',
    'https://allowed.example./',
    'https://allowed.example.evil.example/',
    'https://evilallowed.example/',
    'https://sub.allowed.example/',
    'https://allowed.example:8443/',
    'http://allowed.example/',
    'https://аllowed.example/',
    'https://xn--llowed-s2e.example/',
    'http://127.0.0.1:8081/',
    'http://localhost:8080/',
    'ws://evil.example/',
  ])('refuses the foreign origin %s', (url) => {
    expect(decide(url)).toEqual({ action: 'block', reason: 'origin-not-allowed' });
  });

  it.each([
    'file:///etc/passwd',
    'chrome://settings',
    'chrome-extension://abcdef/page.html',
    'chrome-untrusted://terminal/',
    'view-source:https://allowed.example/',
    'devtools://devtools/bundled/inspector.html',
    'data:text/html,<h1>x</h1>',
    'javascript:alert(1)',
    'blob:https://allowed.example/1234',
    'about:blank',
    'filesystem:https://allowed.example/temporary/x',
    'not a url',
  ])('refuses the scheme of %s at top level', (url) => {
    expect(decide(url)).toEqual({ action: 'block', reason: 'scheme-not-allowed' });
  });

  it.each([
    'mailto:a@b.example',
    'tel:+49301234',
    'sms:+49301234',
    'intent://scan/#Intent;end',
    'ms-settings:',
  ])('refuses the external protocol %s', (url) => {
    expect(decide(url)).toEqual({ action: 'block', reason: 'external-protocol' });
  });

  it('tells services on one origin apart by the path of their start page', () => {
    // A member's eID apps all live on the association's eID-Server, each with its own rights.
    const apps: NavigationRules = {
      kioskOrigins: rules.kioskOrigins,
      services: [
        { id: 'age', startUrl: 'https://eid.example/apps/ab-18?lang={lang}' },
        { id: 'form', startUrl: 'https://eid.example/apps/meldeschein?lang={lang}' },
        { id: 'form-2', startUrl: 'https://eid.example/apps/meldeschein-2?lang={lang}' },
        { id: 'check', startUrl: 'https://eid.example/apps/meldeschein/check' },
      ].map((service) => ({ ...service, origins: [], allowDownloads: false, allowPrint: false })),
    };
    const serviceAt = (url: string) => {
      const decision = decideNavigation(url, 'top-level', apps);
      return decision.action === 'allow' && decision.target.kind === 'service'
        ? decision.target.serviceId
        : decision.action;
    };
    expect(serviceAt('https://eid.example/apps/meldeschein/form/t0k3n?lang=de')).toBe('form');
    expect(serviceAt('https://eid.example/apps/meldeschein')).toBe('form');
    expect(serviceAt('https://eid.example/apps/meldeschein-2/form/x')).toBe('form-2');
    // The longest start path that holds the page wins.
    expect(serviceAt('https://eid.example/apps/meldeschein/check/more')).toBe('check');
    expect(serviceAt('https://eid.example/apps/ab-18/result/x')).toBe('age');
    // A page no start path holds (shared assets) is the first service's, as before.
    expect(serviceAt('https://eid.example/pages/style.css')).toBe('age');
    expect(serviceAt('https://elsewhere.example/apps/meldeschein')).toBe('block');
  });

  it('judges popups by origin, and reports foreign ones as popups', () => {
    expect(decide('https://allowed.example/x', 'popup').action).toBe('allow');
    expect(decide('https://evil.example/', 'popup')).toEqual({ action: 'block', reason: 'popup' });
    expect(decide('about:blank', 'popup')).toEqual({ action: 'block', reason: 'popup' });
  });

  it('lets embedded content use about:blank, data: and blob: without leaving the page', () => {
    expect(decide('about:blank', 'frame')).toEqual({ action: 'allow-local' });
    expect(decide('data:image/png;base64,AAAA', 'subresource')).toEqual({ action: 'allow-local' });
    expect(decide('blob:https://allowed.example/1', 'subresource')).toEqual({
      action: 'allow-local',
    });
    expect(decide('data:text/html,x', 'frame').action).toBe('block');
    expect(decide('https://evil.example/x.js', 'subresource').action).toBe('block');
  });

  it.each([
    ['http://127.0.0.1:24727/eID-Client?tcTokenURL=https%3A%2F%2Fa.example%2Ft', 'start'],
    ['http://localhost:24727/eid-client?tcTokenURL=https%3A%2F%2Fa.example%2Ft', 'start'],
    ['http://LOCALHOST:24727/EID-CLIENT?tcTokenURL=x', 'start'],
    ['http://127.0.0.1:24727/eID-Client?Status', 'status'],
    ['http://127.0.0.1:24727/eID-Client?Status=json', 'status'],
    ['http://127.0.0.1:24727/eID-Kernel', 'other'],
    ['ws://127.0.0.1:24727/eID-Kernel', 'other'],
    ['http://127.0.0.2:24727/eID-Client?ShowUI=PINManagement', 'other'],
    ['http://[::1]:24727/eID-Client?useTestUri=true', 'other'],
  ])('takes %s as an eID-Client request (%s) in every context', (url, kind) => {
    for (const context of ['top-level', 'frame', 'subresource'] as const) {
      const decision = decideNavigation(url, context, rules);
      expect(decision.action).toBe('eid-client');
      if (decision.action === 'eid-client') expect(decision.request.kind).toBe(kind);
    }
  });
});

describe('eID-Client answers', () => {
  it('keeps the tcTokenURL exactly as sent', () => {
    expect(
      classifyEidClientRequest(
        'http://127.0.0.1:24727/eID-Client?tcTokenURL=https%3A%2F%2Fa.example%2Ft%3Fs%3D1%26x%3D2',
      ),
    ).toEqual({ kind: 'start', tcTokenURL: 'https://a.example/t?s=1&x=2' });
    expect(classifyEidClientRequest('http://127.0.0.1:24728/eID-Client?Status')).toBeNull();
  });

  it('answers Status as JSON with the TR-03124 fields and CORS, and as text', () => {
    const json = statusAnswer('json');
    expect(json.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(JSON.parse(json.body)).toMatchObject({
      Name: 'SIDbox eID-Client',
      'Implementation-Title': 'SIDbox',
      'Specification-Title': 'TR-03124',
      'Specification-Vendor': 'Federal Office for Information Security',
      'Specification-Version': '1.3',
    });
    expect(statusAnswer('text').body).toContain('Specification-Title: TR-03124\n');
  });
});

describe('buildLockdown', () => {
  const options = {
    display: 'headless',
    userDataDir: '/dev/shm/p',
    printing: false,
    noSandbox: true,
  } as const;

  it('denies every URL but the kiosk, the services and the eID-Client, host by host', () => {
    const { policy } = buildLockdown(rules, options);
    expect(policy.URLBlocklist).toEqual(['*']);
    expect(policy.URLAllowlist).toEqual([
      'http://127.0.0.1:8080',
      'https://.allowed.example:443',
      'https://.xn--brgeramt-65a.example:8443',
      'https://.files.example:443',
      'http://127.0.0.1:24727',
      'http://localhost:24727',
    ]);
    expect(originFilter('http://[::1]:80')).toBe('http://[::1]:80');
  });

  it('exempts exactly the service origins from local-network-access prompts', () => {
    const { policy } = buildLockdown(rules, options);
    const services = [
      'https://allowed.example:443',
      'https://xn--brgeramt-65a.example:8443',
      'https://files.example:443',
    ];
    expect(policy.LocalNetworkAccessAllowedForUrls).toEqual(services);
    expect(policy.LoopbackNetworkAllowedForUrls).toEqual(services);
  });

  it('turns off what keeps or leaks state, and follows downloads and printing', () => {
    const { policy } = buildLockdown(rules, { ...options, printing: true });
    expect(policy).toMatchObject({
      PasswordManagerEnabled: false,
      AutofillAddressEnabled: false,
      AutofillCreditCardEnabled: false,
      BrowserSignin: 0,
      SyncDisabled: true,
      IncognitoModeAvailability: 1,
      BrowserGuestModeEnabled: false,
      SavingBrowserHistoryDisabled: true,
      DefaultPopupsSetting: 2,
      DefaultNotificationsSetting: 2,
      DefaultGeolocationSetting: 2,
      ExternalProtocolDialogShowAlwaysOpenCheckbox: false,
      TranslateEnabled: false,
      SpellcheckEnabled: false,
      AutoplayAllowed: false,
      PrintingEnabled: true,
      DownloadRestrictions: 1,
      DeveloperToolsAvailability: 1,
    });
    const noDownloads = { ...rules, services: rules.services.filter((s) => !s.allowDownloads) };
    expect(buildLockdown(noDownloads, options).policy.DownloadRestrictions).toBe(3);
  });

  it('builds headless and kiosk command lines from the same source', () => {
    const headless = buildLockdown(rules, options).flags;
    const kiosk = buildLockdown(rules, {
      ...options,
      display: 'kiosk',
      printing: true,
      noSandbox: false,
    }).flags;
    for (const flag of [
      '--no-first-run',
      '--noerrdialogs',
      '--disable-session-crashed-bubble',
      '--disable-pinch',
      '--overscroll-history-navigation=0',
      '--disable-component-update',
      '--disable-background-networking',
      '--disable-sync',
      '--remote-debugging-pipe',
      '--user-data-dir=/dev/shm/p',
    ]) {
      expect(headless).toContain(flag);
      expect(kiosk).toContain(flag);
    }
    expect(headless).toContain('--headless');
    expect(headless).toContain('--no-sandbox');
    expect(kiosk).toEqual(expect.arrayContaining(['--kiosk', '--kiosk-printing']));
    expect(kiosk).not.toContain('--no-sandbox');
    expect(headless.find((f) => f.startsWith('--disable-features='))).toContain('Translate');
    expect(headless.some((f) => f.startsWith('--remote-debugging-port'))).toBe(false);
  });
});

describe('the connect wall (WebSockets and other connections the interception never sees)', () => {
  const index = indexOrigins(rules);
  const policy = connectSrcPolicy(index);

  it('names exactly the allowed origins, each with its WebSocket twin, and the eID-Client', () => {
    expect(policy.split(' ')).toEqual([
      'connect-src',
      'http://127.0.0.1:8080',
      'https://allowed.example',
      'https://xn--brgeramt-65a.example:8443',
      'https://files.example',
      'ws://127.0.0.1:8080',
      'wss://allowed.example',
      'wss://xn--brgeramt-65a.example:8443',
      'wss://files.example',
      'http://127.0.0.1:24727',
      'http://localhost:24727',
      'data:',
      'blob:',
    ]);
  });

  const paused = (
    url: string,
    resourceType: 'Document' | 'Other',
    headers: Record<string, string>,
    status = 200,
  ) => ({
    request: { url },
    resourceType,
    responseStatusCode: status,
    responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
  });
  const csp = { name: 'Content-Security-Policy', value: policy };

  it('fulfills service documents with the policy added and the body headers dropped', () => {
    const action = responseAction(
      paused('https://allowed.example/', 'Document', {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Content-Length': '123',
        'Set-Cookie': 'a=1',
        'Content-Security-Policy': "script-src 'self'",
      }),
      index,
    );
    expect(action).toEqual({
      kind: 'fulfill',
      headers: [
        { name: 'Content-Type', value: 'text/html; charset=utf-8' },
        { name: 'Set-Cookie', value: 'a=1' },
        // The page's own policy stays; ours is one more (a page can only add, never remove).
        { name: 'Content-Security-Policy', value: "script-src 'self'" },
        csp,
      ],
    });
  });

  it('adds the policy to worker scripts, and leaves the rest alone', () => {
    expect(responseAction(paused('https://allowed.example/w.js', 'Other', {}), index)).toEqual({
      kind: 'add-policy',
      headers: [csp],
    });
    for (const event of [
      paused('http://127.0.0.1:8080/', 'Document', { 'Content-Type': 'text/html' }),
      paused('https://allowed.example/', 'Document', { 'Content-Type': 'text/html' }, 302),
      paused('https://allowed.example/', 'Document', {}, 204),
      paused('https://files.example/a.pdf', 'Document', { 'Content-Type': 'application/pdf' }),
      paused('https://files.example/x', 'Document', {
        'Content-Type': 'text/html',
        'Content-Disposition': 'attachment; filename=x.html',
      }),
    ])
      expect(responseAction(event, index)).toEqual({ kind: 'continue' });
    // An SVG or an unlabelled document can run script: it gets the policy.
    for (const type of ['image/svg+xml', ''])
      expect(
        responseAction(
          paused('https://allowed.example/x', 'Document', { 'Content-Type': type }),
          index,
        ).kind,
      ).toBe('fulfill');
  });

  it('reads the refused URL from Chromium’s message, only for our own policy', () => {
    const message = (directive: string) =>
      `Connecting to 'ws://evil.example:81/x' violates the following Content Security Policy directive: "${directive}". The action has been blocked.`;
    expect(refusedByConnectWall(message(policy), index)).toBe('ws://evil.example:81/x');
    expect(refusedByConnectWall(message("connect-src 'self'"), index)).toBeNull();
    expect(refusedByConnectWall('Failed to load resource', index)).toBeNull();
  });
});

describe('back: one step over the citizen’s service pages', () => {
  const index = indexOrigins(rules);
  const history = (urls: string[], currentIndex = urls.length - 1) => ({
    currentIndex,
    entries: urls.map((url, id) => ({ id, url })),
  });

  it('goes to the service page before, stepping over what is not one', () => {
    const entries = [
      'http://127.0.0.1:8080/#home',
      'https://allowed.example/a',
      'https://evil.example/',
      'chrome-error://chromewebdata/',
      'http://127.0.0.1:24727/eID-Client?tcTokenURL=x',
      'https://allowed.example/b',
      'https://allowed.example/b',
    ];
    expect(backEntry(history(entries), index)).toEqual({ id: 1, url: 'https://allowed.example/a' });
    expect(backEntry(history(entries, 5), index)?.id).toBe(1);
    expect(backEntry(history(entries, 1), index)).toBeNull();
  });

  it('never crosses a kiosk page, and has nothing before the first page', () => {
    const entries = [
      'https://allowed.example/a',
      'http://127.0.0.1:8080/',
      'https://files.example/',
    ];
    expect(backEntry(history(entries), index)).toBeNull();
    expect(backEntry(history(['https://allowed.example/a']), index)).toBeNull();
  });

  it('follows the rules as they are now: a service taken out of them is stepped over', () => {
    const entries = [
      'https://files.example/',
      'https://allowed.example/a',
      'https://allowed.example/b',
    ];
    const fewer = indexOrigins({ ...rules, services: rules.services.filter((s) => s.id !== 'fz') });
    expect(backEntry(history(entries), index)?.url).toBe('https://allowed.example/a');
    expect(backEntry(history(entries), fewer)?.url).toBe('https://files.example/');
  });
});

describe('the session look on service pages', () => {
  const index = indexOrigins(rules);

  it('zooms service pages only, by the emulation of browser zoom', () => {
    expect(pageZoomFor('https://allowed.example/a', index, 2)).toBe(2);
    expect(pageZoomFor('http://127.0.0.1:8080/', index, 2)).toBe(1);
    expect(pageZoomFor('chrome-error://chromewebdata/', index, 1.5)).toBe(1);
    expect(zoomEmulation({ width: 1280, height: 800 }, 1)).toBeNull();
    expect(zoomEmulation({ width: 1280, height: 800 }, 1.5)).toEqual({
      width: 853,
      height: 533,
      deviceScaleFactor: 0,
      mobile: false,
      scale: 1.5,
      dontSetVisibleSize: true,
    });
  });

  it('resolves the bar for a look: texts with a German fallback, direction, the languages', () => {
    const withLanguages = { ...rules, languages: ['de', 'en', 'ar', 'uk'] };
    const settings = {
      ...DEFAULT_KIOSK_BAR_SETTINGS,
      texts: { de: barTextsOf('de'), en: barTextsOf('en') },
    };
    expect(defaultLook(settings, withLanguages)).toEqual({ language: 'de', textScale: 1 });
    expect(defaultLook(settings, rules)).toEqual({ language: 'de', textScale: 1 });
    const english = kioskBarConfig(settings, withLanguages, { language: 'en', textScale: 2 });
    expect(english).toMatchObject({
      language: 'en',
      rtl: false,
      scale: 2,
      scales: [1, 1.5, 2],
      texts: { home: 'Home' },
      kioskOrigins: ['http://127.0.0.1:8080'],
    });
    // Print buttons come from the daemon's printButton, which these rules do not set.
    expect(english.printScopes).toEqual([
      { origin: 'https://allowed.example', path: '/start', print: false },
      { origin: 'https://Bürgeramt.Example:8443', path: null, print: false },
      { origin: 'https://files.example', path: null, print: false },
    ]);
    expect(english.languages).toEqual([
      { code: 'de', name: 'Deutsch' },
      { code: 'en', name: 'English' },
      { code: 'ar', name: 'العربية' },
      { code: 'uk', name: 'українська' },
    ]);
    const arabic = kioskBarConfig(settings, withLanguages, { language: 'ar', textScale: 1 });
    expect(arabic).toMatchObject({ rtl: true, texts: { home: barTextsOf('de').home } });
  });

  it('takes only well-formed bar reports, with a language the terminal offers', () => {
    const offered = ['de', 'en'];
    expect(parseKioskBarReport({ action: 'back' }, offered)).toEqual({ action: 'back' });
    expect(parseKioskBarReport({ action: 'language', language: 'en' }, offered)).toEqual({
      action: 'language',
      language: 'en',
    });
    expect(parseKioskBarReport({ action: 'text-size', scale: 1.5 }, offered)).toEqual({
      action: 'text-size',
      scale: 1.5,
    });
    for (const bad of [
      { action: 'language', language: 'fr' },
      { action: 'text-size', scale: 3 },
      { action: 'reload' },
      { action: 'home', extra: 1 },
      'home',
      null,
    ])
      expect(parseKioskBarReport(bad, offered)).toBeNull();
  });
});

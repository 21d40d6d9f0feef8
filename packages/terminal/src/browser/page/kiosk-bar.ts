/**
 * The kiosk bar on service pages: Home, Back, language, help, text size, Print (on the pages of
 * services the daemon lets print) and End, on every top-level service document, third-party
 * pages included. The kiosk's own pages render their own bar (packages/kiosk-ui), so the script
 * leaves their origins alone.
 *
 * It runs in the page guard's isolated world (see page-guard.ts), before any page script:
 * - a host element with a random custom-element name (a page cannot define it in advance),
 *   appended to the root element and re-attached by a MutationObserver when the page removes it
 *   or puts something after it;
 * - a closed shadow root: the page cannot reach the buttons, and its CSS cannot reach inside;
 *   `:host` rules with `!important` from the shadow context beat every page rule, inline ones
 *   included, so `* { display: none !important }` does not hide the bar;
 * - a fixed top bar at the maximum z-index that reserves its height with an `!important` inline
 *   margin on the root element, re-applied when the page changes the root's style; the same
 *   inline rules keep the root from hiding the bar or capturing its fixed position;
 * - buttons that act only on trusted input (`isTrusted`), and report through the guard's CDP
 *   binding, which exists only in this world: a page script can neither click them nor forge
 *   their reports;
 * - the language list and the help text open as a panel under the bar, inside the same shadow
 *   root (the host then covers the page, so the page cannot be tapped through it, and Tab
 *   cycles through bar and panel only); Escape or Close shuts it and returns focus to the
 *   button that opened it;
 * - the scan panel (`globalThis.__sidboxBar.scan(view)`, a ScanPanelView from the daemon) opens
 *   the same way; its taps are reported as `scan`.
 *
 * The look (language, text size) is part of the config; `globalThis.__sidboxBar.update(config)`
 * in this world re-renders the bar of the current page without a reload. At text size s the
 * page is zoomed by the browser (see session-look.ts); the host's `zoom: 1/s` keeps the bar at
 * its size on the screen.
 *
 * What it cannot stop: the top layer (a modal dialog, a popover, fullscreen) and the root's own
 * `::after` paint above every z-index, and a CSS `zoom` on the root shrinks the bar with the page.
 * A page doing that can cover the bar but cannot press it; the reset button, the contact mat and
 * the idle timeout still end the session.
 */
import type {
  KioskBarReport,
  PageScripts,
  ScanPanelCommand,
  ScanPanelView,
} from '../page-contract.js';
import { helpPanel, languagePanel, scanPanel, type Button } from './kiosk-bar-panels.js';
import { BAR_SHEET, frameRule, rootStyle } from './kiosk-bar-style.js';
import { reporter } from './report.js';
import { scopeAt } from '../service-scope.js';

type Panel = 'language' | 'help';

export const run: PageScripts['kiosk-bar'] = (initial, binding) => {
  if (window !== window.top) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  if (initial.kioskOrigins.includes(location.origin)) return;
  // A newer registration of this script (a new look) runs after the older one: update the bar.
  if (globalThis.__sidboxBar) {
    globalThis.__sidboxBar.update(initial);
    return;
  }

  let config = initial;
  let panel: Panel | null = null;
  let opener: Panel | null = null;
  let scanView: ScanPanelView | null = null;
  const previews = new Map<string, Promise<ImageBitmap>>();
  const report = reporter(binding);
  const send = (tap: KioskBarReport) => report({ kind: 'kiosk-bar', report: tap });
  const sendScan = (scan: ScanPanelCommand) => send({ action: 'scan', scan });
  const tag = `sidbox-bar-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  // Constructed style sheets: a service page's CSP (style-src) governs <style> elements, even in
  // a closed shadow root, but not sheets the bar builds itself.
  const frame = new CSSStyleSheet();
  const style = new CSSStyleSheet();
  style.replaceSync(BAR_SHEET);
  root.adoptedStyleSheets = [frame, style];

  const find = (selector: string) => root.querySelector<HTMLElement>(selector);

  const button: Button = (action, label, onTap, className) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className ?? action;
    element.dataset.action = action;
    element.textContent = label;
    // A button's click from a real tap, mouse click, Enter or Space is trusted; one a script
    // dispatches is not (and a page cannot reach this button to dispatch it anyway).
    element.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) onTap();
    });
    return element;
  };

  const percent = (scale: number) => {
    try {
      return new Intl.NumberFormat(config.language, { style: 'percent' }).format(scale);
    } catch {
      return `${Math.round(scale * 100)} %`;
    }
  };
  const nextScale = () => {
    const index = config.scales.indexOf(config.scale);
    return config.scales[(index + 1) % config.scales.length] ?? config.scale;
  };

  function closePanel() {
    if (!panel) return;
    panel = null;
    render();
    const again = opener && find(`nav [data-action="${opener}"]`);
    opener = null;
    again?.focus();
  }

  function openPanel(kind: Panel) {
    if (panel === kind) return closePanel();
    panel = kind;
    opener = kind;
    render();
    (find('.panel [aria-current=true]') ?? find('.panel button'))?.focus();
  }

  /** Draws a base64 PNG into a canvas; decoded once per preview while the panel is open. */
  function drawPreview(canvas: HTMLCanvasElement, png: string) {
    let bitmap = previews.get(png);
    if (!bitmap) {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      bitmap = createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      previews.set(png, bitmap);
    }
    bitmap.then(
      (image) => {
        canvas.width = image.width;
        canvas.height = image.height;
        canvas.getContext('2d')?.drawImage(image, 0, 0);
      },
      () => undefined,
    );
  }

  /** Opens, updates or (with null) closes the scan panel; focus goes where the citizen acts next. */
  function scan(view: ScanPanelView | null) {
    const opening = !scanView;
    const wasBusy = scanView?.busy;
    scanView = view;
    if (!view) previews.clear();
    render();
    if (!view || panel) return;
    const active = root.activeElement;
    if (!opening && wasBusy === view.busy && active?.closest('.scan')) return;
    (find('.scan button.primary') ?? find('.scan'))?.focus();
  }

  function panelContent(): HTMLElement | null {
    if (panel === 'language')
      return languagePanel(config, button, (code) => {
        send({ action: 'language', language: code });
        closePanel();
      });
    if (panel === 'help') return helpPanel(config.texts, button, closePanel);
    return scanView && scanPanel(scanView, button, sendScan, drawPreview);
  }

  function render() {
    const t = config.texts;
    const active = root.activeElement;
    const focused = active instanceof HTMLElement ? active.dataset.action : undefined;
    frame.replaceSync(frameRule(config.heightPx, config.scale, Boolean(panel || scanView)));
    for (const old of root.querySelectorAll('nav, .backdrop')) old.remove();
    const content = panelContent();
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', t.label);
    nav.lang = config.language;
    nav.dir = config.rtl ? 'rtl' : 'ltr';
    const current = config.languages.find((l) => l.code === config.language)?.name;
    const language = button('language', `${t.language}: ${current ?? t.languageName}`, () =>
      openPanel('language'),
    );
    const help = button('help', t.help, () => openPanel('help'));
    for (const [element, kind] of [
      [language, 'language'],
      [help, 'help'],
    ] as const) {
      element.setAttribute('aria-expanded', String(panel === kind));
      element.setAttribute('aria-haspopup', 'dialog');
    }
    const size = button('text-size', `${t.textSize} ${percent(config.scale)}`, () =>
      send({ action: 'text-size', scale: nextScale() }),
    );
    nav.append(
      button('home', t.home, () => send({ action: 'home' })),
      button('back', t.back, () => send({ action: 'back' })),
      Object.assign(document.createElement('span'), { className: 'spacer' }),
      language,
      help,
      size,
    );
    const scopes = config.printScopes.filter((scope) => scope.origin === location.origin);
    if (scopeAt(scopes, location.pathname)?.print === true)
      nav.append(button('print', t.print, () => send({ action: 'print' })));
    nav.append(button('end', t.end, () => send({ action: 'end' })));
    root.append(nav);
    if (content) {
      const backdrop = document.createElement('div');
      backdrop.className = 'backdrop';
      backdrop.lang = config.language;
      backdrop.dir = nav.dir;
      backdrop.addEventListener('click', (event) => {
        if (event.target === backdrop && event.isTrusted) closePanel();
      });
      backdrop.append(content);
      root.append(backdrop);
    }
    if (focused) find(`[data-action="${focused}"]`)?.focus();
  }

  // A shadow root's listeners get plain Events; keydown's are KeyboardEvents.
  const onKey = (listener: (event: KeyboardEvent) => void) =>
    root.addEventListener('keydown', (event) => {
      if (event instanceof KeyboardEvent) listener(event);
    });

  // While a panel is open the page below is out of reach: Tab cycles through the bar and the
  // panel only, as in any modal dialog.
  onKey((event) => {
    if (event.key !== 'Tab' || !(panel || scanView)) return;
    const buttons = [...root.querySelectorAll('button')];
    const edge = event.shiftKey ? buttons[0] : buttons[buttons.length - 1];
    if (root.activeElement !== edge) return;
    event.preventDefault();
    event.stopPropagation();
    (event.shiftKey ? buttons[buttons.length - 1] : buttons[0])?.focus();
  });

  onKey((event) => {
    if (event.key !== 'Escape' || !(panel || scanView)) return;
    event.preventDefault();
    event.stopPropagation();
    if (panel) closePanel();
    else sendScan({ command: 'cancel' });
  });

  const reserve = () => {
    const html = document.documentElement;
    if (!html) return;
    for (const [name, value] of Object.entries(rootStyle(config.heightPx, config.scale))) {
      if (
        html.style.getPropertyValue(name) !== value ||
        html.style.getPropertyPriority(name) !== 'important'
      ) {
        html.style.setProperty(name, value, 'important');
      }
    }
  };
  const attach = () => {
    const html = document.documentElement;
    if (!html) return;
    if (html.lastElementChild !== host) html.append(host);
    reserve();
  };
  const observer = new MutationObserver(() => {
    attach();
    watchRoot();
  });
  let watched: HTMLElement | null = null;
  function watchRoot() {
    const html = document.documentElement;
    if (!html || html === watched) return;
    watched = html;
    observer.observe(html, { childList: true, attributes: true, attributeFilter: ['style'] });
  }

  globalThis.__sidboxBar = {
    update(next) {
      config = next;
      render();
      reserve();
    },
    scan,
  };
  render();
  // The document itself: a replaced root element (document.open, replaceChild) gets the bar too.
  observer.observe(document, { childList: true });
  attach();
  watchRoot();
};

/**
 * The kiosk bar on service pages: Home, Back, language, help, text size, Print (on the pages of
 * services the daemon lets print) and End, on every top-level service document, third-party
 * pages included. The kiosk's own pages render their own bar (packages/kiosk-ui), so the script
 * leaves their origins alone.
 *
 * It runs in the page guard's isolated world (see page-guard-script.ts), before any page script:
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
 *   the same way, a modal dialog with the page previews drawn on canvases (no image URL, so the
 *   page's own Content-Security-Policy cannot hide them); its taps are reported as `scan`.
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
import type { ScanPanelView } from './kiosk-browser.js';

/** The bar's texts in one language (from the kiosk UI's catalogue). */
export interface KioskBarTexts {
  /** Accessible name of the bar. */
  label: string;
  home: string;
  back: string;
  language: string;
  help: string;
  helpText: string;
  textSize: string;
  print: string;
  end: string;
  /** This language's name in itself ("Deutsch", "Türkçe", "العربية"). */
  languageName: string;
  /** The button that closes the help panel; without it, the panel's close button shows ✕ only. */
  close?: string;
}

/** What the script gets: everything already resolved for the session's look. */
export interface KioskBarConfig {
  /** Origins of the kiosk UI, whose pages render their own bar. */
  kioskOrigins: string[];
  /** Origins of services whose pages get a Print button (the daemon decides, from the rules). */
  printOrigins: string[];
  /** Bar height in pixels on the screen; the page is pushed down by as much. */
  heightPx: number;
  /** The session's language: the bar's texts are in it. */
  language: string;
  rtl: boolean;
  /** The session's text size: the page's zoom, which the bar undoes for itself. */
  scale: number;
  /** The text sizes the button cycles through. */
  scales: readonly number[];
  texts: KioskBarTexts;
  /** The terminal's languages by their own names, for the language list. */
  languages: Array<{ code: string; name: string }>;
}

export const DEFAULT_KIOSK_BAR_HEIGHT = 64;

/**
 * Plain JavaScript run in the guard's world with the JSON config and the binding name; it
 * reports `{ kind: 'kiosk-bar', report }` with a KioskBarReport.
 */
const KIOSK_BAR_SOURCE = String.raw`(function kioskBar(initial, binding) {
  if (window !== window.top) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  if (initial.kioskOrigins.includes(location.origin)) return;
  // A newer registration of this script (a new look) runs after the older one: update the bar.
  if (globalThis.__sidboxBar) {
    globalThis.__sidboxBar.update(initial);
    return;
  }

  let config = initial;
  let panel = null;
  let opener = null;
  let scanView = null;
  const previews = new Map();
  const send = (report) => {
    const fn = globalThis[binding];
    if (typeof fn === 'function') fn(JSON.stringify({ kind: 'kiosk-bar', report }));
  };
  const tag = 'sidbox-bar-' + crypto.getRandomValues(new Uint32Array(2)).join('-');
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  // Constructed style sheets: a service page's CSP (style-src) governs <style> elements, even in
  // a closed shadow root, but not sheets the bar builds itself.
  const frame = new CSSStyleSheet();
  const style = new CSSStyleSheet();
  style.replaceSync(
    'nav{all:initial;box-sizing:border-box;display:flex;gap:8px;align-items:center;' +
    'height:var(--bar);width:100%;padding:0 8px;background:#1d3557;' +
    'font:19px/1.1 sans-serif;color:#fff;box-shadow:0 2px 6px rgba(0,0,0,.35)}' +
    '.spacer{flex:1 1 0}' +
    'button{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;' +
    'justify-content:center;min-width:56px;min-height:56px;max-height:calc(var(--bar) - 4px);' +
    'padding:4px 14px;border-radius:8px;background:#fff;color:#1d3557;' +
    'font:bold 19px/1.1 sans-serif;cursor:pointer;text-align:center;white-space:normal}' +
    'button.end{background:#c1121f;color:#fff}' +
    'button[aria-expanded=true],button[aria-current=true]{background:#ffbe0b;color:#1d3557}' +
    'button:focus-visible{outline:4px solid #ffbe0b;outline-offset:2px}' +
    'nav button:focus-visible{outline-color:#fff}' +
    '.backdrop{all:initial;position:absolute;inset:var(--bar) 0 0 0;background:rgba(0,0,0,.55);' +
    'display:flex;justify-content:center;align-items:flex-start;padding:16px}' +
    '.panel{all:initial;box-sizing:border-box;display:flex;flex-direction:column;gap:12px;' +
    'max-width:min(720px,100%);max-height:100%;overflow:auto;padding:24px;border-radius:12px;' +
    'background:#fff;color:#1d3557;font:22px/1.4 sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.4)}' +
    '.panel h2{all:initial;font:bold 26px/1.2 sans-serif;color:#1d3557}' +
    '.panel p{all:initial;font:22px/1.4 sans-serif;color:#1d3557;white-space:pre-line}' +
    '.panel button{border:3px solid #1d3557}' +
    '.panel .close{align-self:flex-end}' +
    '.panel.scan{max-width:min(960px,100%)}' +
    '.panel h3{all:initial;font:bold 22px/1.2 sans-serif;color:#1d3557}' +
    '.pages{all:initial;display:flex;flex-wrap:wrap;gap:16px;margin:0;padding:0}' +
    '.pages li{all:initial;display:flex;flex-direction:column;gap:8px;align-items:center;' +
    'font:20px/1.2 sans-serif;color:#1d3557}' +
    '.pages canvas{display:block;width:auto;height:auto;max-width:200px;max-height:260px;' +
    'border:2px solid #1d3557;background:#fff}' +
    '.actions{all:initial;display:flex;flex-wrap:wrap;gap:12px}' +
    '.panel button.primary{background:#1d3557;color:#fff}' +
    '.panel .note{font-size:19px}' +
    '@media print{:host{display:none !important}}');
  root.adoptedStyleSheets = [frame, style];

  // The host's own box: the bar's strip, or the whole viewport while a panel is open.
  function frameRule() {
    const size = panel || scanView ? 'bottom:0 !important;height:auto !important;' : 'height:var(--bar) !important;';
    return ':host{all:initial !important;display:block !important;position:fixed !important;' +
      'top:0 !important;left:0 !important;right:0 !important;' + size +
      '--bar:' + config.heightPx + 'px;zoom:' + 1 / config.scale + ' !important;' +
      'z-index:2147483647 !important;visibility:visible !important;' +
      'opacity:1 !important;pointer-events:auto !important;transform:none !important;' +
      'filter:none !important;clip-path:none !important;contain:strict !important}';
  }

  function button(action, label, onTap, className) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className || action;
    element.dataset.action = action;
    element.textContent = label;
    // A button's click from a real tap, mouse click, Enter or Space is trusted; one a script
    // dispatches is not (and a page cannot reach this button to dispatch it anyway).
    element.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) onTap(element);
    });
    return element;
  }

  const percent = (scale) => {
    try {
      return new Intl.NumberFormat(config.language, { style: 'percent' }).format(scale);
    } catch {
      return Math.round(scale * 100) + ' %';
    }
  };
  const nextScale = () => {
    const index = config.scales.indexOf(config.scale);
    return config.scales[(index + 1) % config.scales.length];
  };

  function closePanel() {
    if (!panel) return;
    panel = null;
    render();
    const again = opener && root.querySelector('nav [data-action="' + opener + '"]');
    opener = null;
    if (again) again.focus();
  }

  function openPanel(kind) {
    if (panel === kind) return closePanel();
    panel = kind;
    opener = kind;
    render();
    const first = root.querySelector('.panel [aria-current=true]') || root.querySelector('.panel button');
    if (first) first.focus();
  }

  function languagePanel(t) {
    const box = document.createElement('div');
    box.className = 'panel';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', t.language);
    for (const { code, name } of config.languages) {
      const choice = button('language:' + code, name, () => {
        send({ action: 'language', language: code });
        closePanel();
      }, 'choice');
      choice.lang = code;
      choice.dir = 'auto';
      if (code === config.language) choice.setAttribute('aria-current', 'true');
      box.append(choice);
    }
    return box;
  }

  function helpPanel(t) {
    const box = document.createElement('div');
    box.className = 'panel';
    box.setAttribute('role', 'dialog');
    const heading = document.createElement('h2');
    heading.id = 'help-title';
    heading.textContent = t.help;
    box.setAttribute('aria-labelledby', heading.id);
    const text = document.createElement('p');
    text.textContent = t.helpText;
    const close = button('close', t.close ? '✕ ' + t.close : '✕', closePanel, 'close');
    if (!t.close) close.setAttribute('aria-label', t.help + ' ✕');
    box.append(close, heading, text);
    return box;
  }

  /** Draws a base64 PNG into a canvas; decoded once per preview while the panel is open. */
  function drawPreview(canvas, png) {
    let bitmap = previews.get(png);
    if (!bitmap) {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      bitmap = createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      previews.set(png, bitmap);
    }
    bitmap.then((image) => {
      canvas.width = image.width;
      canvas.height = image.height;
      canvas.getContext('2d').drawImage(image, 0, 0);
    }, () => undefined);
  }

  const sendScan = (scan) => send({ action: 'scan', scan });

  function scanPanel(view) {
    const box = document.createElement('div');
    box.className = 'panel scan';
    box.tabIndex = -1;
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-busy', String(view.busy));
    const heading = document.createElement('h2');
    heading.id = 'scan-title';
    heading.textContent = view.title;
    box.setAttribute('aria-labelledby', heading.id);
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = view.status;
    box.append(heading, status);
    if (view.pages.length) {
      const title = document.createElement('h3');
      title.textContent = view.pagesHeading;
      const list = document.createElement('ul');
      list.className = 'pages';
      view.pages.forEach((page, index) => {
        const item = document.createElement('li');
        const preview = document.createElement('canvas');
        preview.setAttribute('role', 'img');
        preview.setAttribute('aria-label', page.label);
        drawPreview(preview, page.previewPng);
        const caption = document.createElement('span');
        caption.textContent = page.label;
        caption.setAttribute('aria-hidden', 'true');
        item.append(preview, caption);
        if (page.remove)
          item.append(button('scan-remove:' + index, page.remove, () => sendScan({ command: 'remove', page: index }), 'remove'));
        list.append(item);
      });
      box.append(title, list);
    }
    const actions = document.createElement('div');
    actions.className = 'actions';
    for (const { command, label, primary } of view.buttons)
      actions.append(button('scan-' + command, label, () => sendScan({ command }), primary ? 'primary' : 'secondary'));
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = view.note;
    box.append(actions, note);
    return box;
  }

  /** Opens, updates or (with null) closes the scan panel; focus goes where the citizen acts next. */
  function scan(view) {
    const opening = !scanView;
    const wasBusy = scanView && scanView.busy;
    scanView = view;
    if (!view) previews.clear();
    render();
    if (!view || panel) return;
    const active = root.activeElement;
    if (!opening && wasBusy === view.busy && active && active.closest('.scan')) return;
    const next = root.querySelector('.scan button.primary') || root.querySelector('.scan');
    if (next) next.focus();
  }

  function render() {
    const t = config.texts;
    const focused = root.activeElement && root.activeElement.dataset.action;
    frame.replaceSync(frameRule());
    for (const old of root.querySelectorAll('nav, .backdrop')) old.remove();
    const content = panel === 'language' ? languagePanel(t) : panel === 'help' ? helpPanel(t) : scanView && scanPanel(scanView);
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', t.label);
    nav.lang = config.language;
    nav.dir = config.rtl ? 'rtl' : 'ltr';
    const toggle = (kind) => () => openPanel(kind);
    const language = button('language', t.language + ': ' + (config.languages.find((l) => l.code === config.language) || { name: t.languageName }).name, toggle('language'));
    const help = button('help', t.help, toggle('help'));
    for (const [element, kind] of [[language, 'language'], [help, 'help']]) {
      element.setAttribute('aria-expanded', String(panel === kind));
      element.setAttribute('aria-haspopup', 'dialog');
    }
    const size = button('text-size', t.textSize + ' ' + percent(config.scale), () => send({ action: 'text-size', scale: nextScale() }));
    nav.append(
      button('home', t.home, () => send({ action: 'home' })),
      button('back', t.back, () => send({ action: 'back' })),
      Object.assign(document.createElement('span'), { className: 'spacer' }),
      language,
      help,
      size,
    );
    if (config.printOrigins.includes(location.origin))
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
    const again = focused && root.querySelector('[data-action="' + focused + '"]');
    if (again) again.focus();
  }

  // While a panel is open the page below is out of reach: Tab cycles through the bar and the
  // panel only, as in any modal dialog.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || !(panel || scanView)) return;
    const buttons = [...root.querySelectorAll('button')];
    const edge = event.shiftKey ? buttons[0] : buttons[buttons.length - 1];
    if (root.activeElement !== edge) return;
    event.preventDefault();
    event.stopPropagation();
    (event.shiftKey ? buttons[buttons.length - 1] : buttons[0]).focus();
  });

  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !(panel || scanView)) return;
    event.preventDefault();
    event.stopPropagation();
    if (panel) closePanel();
    else sendScan({ command: 'cancel' });
  });

  // Inline !important on the root beats every page stylesheet: the bar's space stays reserved,
  // and the root can neither hide it (display, opacity, clip) nor capture its fixed position
  // (transform, filter, contain, will-change, perspective).
  const rootStyle = () => ({
    'margin-top': config.heightPx / config.scale + 'px',
    display: 'block',
    opacity: '1',
    transform: 'none',
    filter: 'none',
    'backdrop-filter': 'none',
    'clip-path': 'none',
    'mask-image': 'none',
    'content-visibility': 'visible',
    contain: 'none',
    'will-change': 'auto',
    perspective: 'none',
  });
  const reserve = () => {
    const html = document.documentElement;
    if (!html) return;
    for (const [name, value] of Object.entries(rootStyle())) {
      if (html.style.getPropertyValue(name) !== value ||
          html.style.getPropertyPriority(name) !== 'important') {
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
  let watched = null;
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
})`;

/** The source handed to `Page.addScriptToEvaluateOnNewDocument` (in the guard's world). */
export function kioskBarScript(config: KioskBarConfig, binding: string): string {
  return `${KIOSK_BAR_SOURCE}(${JSON.stringify(config)}, ${JSON.stringify(binding)});`;
}

/**
 * An expression for `Runtime.evaluate` in the guard's world: the scan panel opens, changes or
 * (null) closes; true when the page has a bar to show it on.
 */
export function kioskBarScanPanel(view: ScanPanelView | null): string {
  return `globalThis.__sidboxBar ? (globalThis.__sidboxBar.scan(${JSON.stringify(view)}), true) : false`;
}

/** An expression for `Runtime.evaluate` in the guard's world: the current page's bar re-renders. */
export function kioskBarUpdate(config: KioskBarConfig): string {
  return `globalThis.__sidboxBar?.update(${JSON.stringify(config)})`;
}

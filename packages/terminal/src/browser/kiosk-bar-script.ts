/**
 * The kiosk bar on service pages: Home and End on every top-level service document, third-party
 * pages included, and Print on the pages of services the daemon lets print. The kiosk's own pages render their own bar (packages/kiosk-ui), so the script
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
 *   their reports.
 *
 * What it cannot stop: the top layer (a modal dialog, a popover, fullscreen) and the root's own
 * `::after` paint above every z-index, and a CSS `zoom` on the root shrinks the bar with the page.
 * A page doing that can cover the bar but cannot press it; the reset button, the contact mat and
 * the idle timeout still end the session.
 */

export interface KioskBarLabels {
  home: string;
  end: string;
  print?: string;
}

export interface KioskBarConfig {
  /** Origins of the kiosk UI, whose pages render their own bar. */
  kioskOrigins: string[];
  /** Origins of services whose pages get a Print button (the daemon decides, from the rules). */
  printOrigins?: string[];
  labels: KioskBarLabels;
  /** Bar height in CSS pixels; the page is pushed down by as much. */
  heightPx: number;
}

export type KioskBarAction = 'home' | 'end' | 'print';

/** German first, English after it: the kiosk's default languages. */
export const DEFAULT_KIOSK_BAR_LABELS: KioskBarLabels = {
  home: 'Startseite / Home',
  end: 'Beenden / End',
  print: 'Drucken / Print',
};

export const DEFAULT_KIOSK_BAR_HEIGHT = 64;

/**
 * Plain JavaScript run in the guard's world with the JSON config and the binding name; it
 * reports `{ kind: 'kiosk-bar', action }`.
 */
const KIOSK_BAR_SOURCE = String.raw`(function kioskBar(config, binding) {
  if (window !== window.top) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  if (config.kioskOrigins.includes(location.origin)) return;

  const send = (action) => {
    const fn = globalThis[binding];
    if (typeof fn === 'function') fn(JSON.stringify({ kind: 'kiosk-bar', action }));
  };
  const tag = 'sidbox-bar-' + crypto.getRandomValues(new Uint32Array(2)).join('-');
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const height = config.heightPx + 'px';
  const style = document.createElement('style');
  style.textContent =
    ':host{all:initial !important;display:block !important;position:fixed !important;' +
    'top:0 !important;left:0 !important;right:0 !important;' +
    'height:' + height + ' !important;z-index:2147483647 !important;visibility:visible !important;' +
    'opacity:1 !important;pointer-events:auto !important;transform:none !important;' +
    'filter:none !important;clip-path:none !important;contain:strict !important}' +
    'nav{all:initial;box-sizing:border-box;display:flex;gap:12px;align-items:center;' +
    'justify-content:flex-end;height:100%;width:100%;padding:0 12px;background:#1d3557;' +
    'font:20px/1.2 sans-serif;color:#fff;box-shadow:0 2px 6px rgba(0,0,0,.35)}' +
    'button{all:initial;box-sizing:border-box;min-width:44px;min-height:48px;padding:8px 20px;' +
    'border-radius:8px;background:#fff;color:#1d3557;font:bold 20px/1.2 sans-serif;' +
    'cursor:pointer;text-align:center}' +
    'button.end{background:#e63946;color:#fff}' +
    '@media print{:host{display:none !important}}' +
    'button:focus-visible{outline:4px solid #ffbe0b;outline-offset:2px}';
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Kiosk');
  const buttons = [['home', config.labels.home], ['end', config.labels.end]];
  if ((config.printOrigins || []).includes(location.origin))
    buttons.unshift(['print', config.labels.print || 'Drucken / Print']);
  for (const [action, label] of buttons) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = action;
    button.textContent = label;
    // A button's click from a real tap, mouse click, Enter or Space is trusted; one a script
    // dispatches is not (and a page cannot reach this button to dispatch it anyway).
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) send(action);
    });
    nav.append(button);
  }
  root.append(style, nav);

  // Inline !important on the root beats every page stylesheet: the bar's space stays reserved,
  // and the root can neither hide it (display, opacity, clip) nor capture its fixed position
  // (transform, filter, contain, will-change, perspective).
  const ROOT_STYLE = {
    'margin-top': height,
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
  };
  const reserve = () => {
    const html = document.documentElement;
    if (!html) return;
    for (const [name, value] of Object.entries(ROOT_STYLE)) {
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
  // The document itself: a replaced root element (document.open, replaceChild) gets the bar too.
  observer.observe(document, { childList: true });
  attach();
  watchRoot();
})`;

/** The source handed to `Page.addScriptToEvaluateOnNewDocument` (in the guard's world). */
export function kioskBarScript(config: KioskBarConfig, binding: string): string {
  return `${KIOSK_BAR_SOURCE}(${JSON.stringify(config)}, ${JSON.stringify(binding)});`;
}

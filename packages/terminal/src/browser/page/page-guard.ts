/**
 * The script the kiosk injects into every document, in an isolated world, before any page
 * script runs. Its capture-phase listeners on `window` are registered first, and the page
 * cannot remove them (it never sees the functions). It reports through a CDP binding that only
 * exists in this world, so a page cannot forge reports either.
 *
 * Keys handled here are a second wall: on a display, the compositor filters keys below the
 * browser, and the policies remove DevTools and new windows.
 */
import type { BlockedReason, PageScripts } from '../page-contract.js';
import { reporter } from './report.js';

const ZOOM_STEPS = [
  0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5,
];

/** Ctrl/Meta + key (lower case) that open, close or reveal browser UI. */
const CTRL_KEYS = new Set([
  'n',
  't',
  'w',
  'l',
  'o',
  's',
  'u',
  'p',
  'h',
  'j',
  'd',
  'e',
  'k',
  'q',
  'tab',
  'pageup',
  'pagedown',
]);
const CTRL_SHIFT_KEYS = new Set(['i', 'j', 'c', 'n', 't', 'w', 'b', 'o', 'q', 'delete', 'm', 'a']);
const BARE_KEYS = new Set([
  'f1',
  'f6',
  'f7',
  'f10',
  'f11',
  'f12',
  'browserback',
  'browserforward',
  'browserhome',
  'browsersearch',
]);
const ALT_KEYS = new Set(['f4', 'arrowleft', 'arrowright', 'home', 'd', 'e', 'f']);

export const run: PageScripts['page-guard'] = (config, binding) => {
  const send = reporter(binding);
  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const block = (event: Event, reason: BlockedReason, detail: string) => {
    stop(event);
    send({ kind: 'blocked', reason, detail });
    showNotice();
  };

  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  function showNotice(text?: string) {
    const host = document.createElement('sidbox-notice');
    const root = host.attachShadow({ mode: 'closed' });
    const box = document.createElement('div');
    box.textContent = typeof text === 'string' ? text : config.notice;
    box.setAttribute('role', 'alert');
    box.style.cssText =
      'position:fixed;left:50%;bottom:10%;transform:translateX(-50%);z-index:2147483647;' +
      'background:#1d3557;color:#fff;font:24px sans-serif;padding:16px 24px;border-radius:8px;' +
      'pointer-events:none;max-width:80vw;text-align:center';
    root.append(box);
    document.documentElement.append(host);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => host.remove(), 4000);
  }
  globalThis.__sidboxShowNotice = showNotice;

  let lastActivity = 0;
  const activity = () => {
    const now = Date.now();
    if (now - lastActivity < 1000) return;
    lastActivity = now;
    send({ kind: 'activity' });
  };

  const zoomLeavesRange = (direction: 1 | -1) => {
    const current = window.devicePixelRatio / config.deviceScaleFactor;
    const next =
      direction > 0
        ? ZOOM_STEPS.find((z) => z > current + 0.01)
        : [...ZOOM_STEPS].reverse().find((z) => z < current - 0.01);
    return next === undefined || next > config.zoom.max + 0.001 || next < config.zoom.min - 0.001;
  };

  function shortcut(event: KeyboardEvent): string | null {
    const key = event.key.toLowerCase();
    const ctrl = event.ctrlKey || event.metaKey;
    if (BARE_KEYS.has(key)) return event.key;
    if (event.altKey && ALT_KEYS.has(key)) return 'Alt+' + event.key;
    if (!ctrl) return null;
    if (event.shiftKey && CTRL_SHIFT_KEYS.has(key)) return 'Ctrl+Shift+' + event.key;
    if (key === '+' || key === '=' || key === 'add') return zoomLeavesRange(1) ? 'Ctrl+Plus' : null;
    if (key === '-' || key === 'subtract') return zoomLeavesRange(-1) ? 'Ctrl+Minus' : null;
    if (!event.shiftKey && CTRL_KEYS.has(key)) return 'Ctrl+' + event.key;
    return null;
  }

  window.addEventListener(
    'keydown',
    (event) => {
      activity();
      const combo = shortcut(event);
      if (combo) block(event, 'shortcut', combo);
    },
    true,
  );
  window.addEventListener(
    'wheel',
    (event) => {
      activity();
      if (event.ctrlKey && zoomLeavesRange(event.deltaY < 0 ? 1 : -1))
        block(event, 'shortcut', 'Ctrl+Wheel');
    },
    { capture: true, passive: false },
  );
  for (const type of ['pointerdown', 'touchstart']) {
    window.addEventListener(type, activity, { capture: true, passive: true });
  }
  // Mouse buttons 4/5 navigate back and forward.
  window.addEventListener(
    'mouseup',
    (event) => {
      if (event.button === 3 || event.button === 4)
        block(event, 'shortcut', 'MouseButton' + (event.button + 1));
    },
    true,
  );
  window.addEventListener(
    'contextmenu',
    (event) => block(event, 'context-menu', 'contextmenu'),
    true,
  );
  window.addEventListener('dragstart', (event) => block(event, 'drag-and-drop', 'dragstart'), true);
  // Without this, the browser's default for a dropped file or link is to navigate to it.
  for (const type of ['dragenter', 'dragover']) {
    window.addEventListener(type, stop, true);
  }
  window.addEventListener('drop', (event) => block(event, 'drag-and-drop', 'drop'), true);

  /** Non-network schemes never reach the CDP wall's request interception: stop them here. */
  function schemeBlock(href: string): { reason: BlockedReason; detail: string } | null {
    let protocol: string;
    try {
      protocol = new URL(href, document.baseURI).protocol;
    } catch {
      return null;
    }
    // javascript: runs the page's own script in the page: no navigation, nothing to escape to.
    if (protocol === 'http:' || protocol === 'https:' || protocol === 'javascript:') return null;
    const reason = config.internalSchemes.includes(protocol)
      ? 'scheme-not-allowed'
      : 'external-protocol';
    return { reason, detail: protocol };
  }
  window.addEventListener(
    'click',
    (event) => {
      const link = event
        .composedPath()
        .find(
          (node): node is HTMLAnchorElement | HTMLAreaElement =>
            node instanceof HTMLAnchorElement || node instanceof HTMLAreaElement,
        );
      const found = link?.href ? schemeBlock(link.href) : null;
      if (found) block(event, found.reason, found.detail);
    },
    true,
  );
  window.addEventListener(
    'submit',
    (event) => {
      const form = event.target instanceof HTMLFormElement ? event.target : null;
      const found = form ? schemeBlock(form.action) : null;
      if (found) block(event, found.reason, found.detail);
    },
    true,
  );
};

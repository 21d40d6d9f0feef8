/** The bar's and its panels' look, inside the closed shadow root. */
export const BAR_SHEET =
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
  '@media print{:host{display:none !important}}';

/**
 * The host's own box: the bar's strip, or the whole viewport while a panel is open (`covering`);
 * `zoom: 1/scale` undoes the page's zoom for the bar.
 */
export function frameRule(heightPx: number, scale: number, covering: boolean): string {
  const size = covering
    ? 'bottom:0 !important;height:auto !important;'
    : 'height:var(--bar) !important;';
  return (
    ':host{all:initial !important;display:block !important;position:fixed !important;' +
    'top:0 !important;left:0 !important;right:0 !important;' +
    size +
    `--bar:${heightPx}px;zoom:${1 / scale} !important;` +
    'z-index:2147483647 !important;visibility:visible !important;' +
    'opacity:1 !important;pointer-events:auto !important;transform:none !important;' +
    'filter:none !important;clip-path:none !important;contain:strict !important}'
  );
}

/**
 * Inline !important on the root beats every page stylesheet: the bar's space stays reserved,
 * and the root can neither hide it (display, opacity, clip) nor capture its fixed position
 * (transform, filter, contain, will-change, perspective).
 */
export function rootStyle(heightPx: number, scale: number): Record<string, string> {
  return {
    'margin-top': `${heightPx / scale}px`,
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
}

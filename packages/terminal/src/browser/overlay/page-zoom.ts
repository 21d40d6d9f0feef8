import type { Protocol } from 'puppeteer-core';
import { decideNavigation, type OriginIndex } from '../decide-navigation.js';

/**
 * The citizen's text size on service pages, as Chromium's emulation draws it: the page is laid
 * out in a viewport 1/s of the screen and drawn s times larger (`scale`), which is what s × 100 %
 * browser zoom does (media queries, wrapping, input coordinates). `dontSetVisibleSize` keeps the
 * view its real size. The page cannot undo it (it is not in the page), and it stays across the
 * session's navigations. The kiosk UI's own pages scale themselves (root font size): never zoomed.
 * A device scale factor alone would not do: it only sharpens pixels, the page stays as small.
 */
export function pageZoomFor(url: string, index: OriginIndex, textScale: number): number {
  const decision = decideNavigation(url, 'top-level', index);
  return decision.action === 'allow' && decision.target.kind === 'service' ? textScale : 1;
}

/** The emulation for a zoom on a view of `viewport` CSS pixels; null is none (100 %). */
export function zoomEmulation(
  viewport: { width: number; height: number },
  zoom: number,
): Protocol.Emulation.SetDeviceMetricsOverrideRequest | null {
  if (zoom === 1) return null;
  return {
    width: Math.round(viewport.width / zoom),
    height: Math.round(viewport.height / zoom),
    // 0 keeps the display's own device scale factor.
    deviceScaleFactor: 0,
    mobile: false,
    scale: zoom,
    dontSetVisibleSize: true,
  };
}

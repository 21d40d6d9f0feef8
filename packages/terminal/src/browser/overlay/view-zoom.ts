import type { Logger } from '@sidbox/runtime';
import { indexOrigins } from '../decide-navigation.js';
import type { CitizenView } from '../instance/citizen-view.js';
import type { InstanceEvents } from '../instance/owner-relay.js';
import type { KioskBar } from './kiosk-bar.js';
import { pageZoomFor, zoomEmulation } from './page-zoom.js';

export interface ViewZoomDeps {
  view: () => CitizenView | null;
  owner: Pick<InstanceEvents, 'rules'>;
  bar: Pick<KioskBar, 'currentLook'>;
  logger: Logger;
}

/** The view's zoom: the session's text size on service pages, none on kiosk pages. */
export class ViewZoom {
  /** The zoom the view has now (1: no emulation). */
  #zoom = 1;

  constructor(private readonly deps: ViewZoomDeps) {}

  /** Sets the zoom for the page at `url`. */
  async apply(url: string): Promise<void> {
    const view = this.deps.view();
    if (!view) return;
    const textScale = this.deps.bar.currentLook.textScale;
    const zoom = pageZoomFor(url, indexOrigins(this.deps.owner.rules()), textScale);
    if (zoom === this.#zoom) return;
    this.#zoom = zoom;
    const emulation = zoomEmulation(view.viewport, zoom);
    await (
      emulation
        ? view.cdp.send('Emulation.setDeviceMetricsOverride', emulation)
        : view.cdp.send('Emulation.clearDeviceMetricsOverride')
    ).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'page zoom'));
  }
}

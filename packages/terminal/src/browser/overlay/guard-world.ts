import type { Protocol } from 'puppeteer-core';
import { GUARD_WORLD } from '../page-guard-script.js';
import type { CitizenView } from '../instance/citizen-view.js';

/**
 * The page guard's isolated world in the citizen's top-level document, where the kiosk bar and
 * the notices live: the page's own scripts cannot reach it.
 */
export class GuardWorld {
  #view: CitizenView | null = null;
  #contextId: number | null = null;

  /** Follows the guard world of every new top-level document of `view`. */
  watch(view: CitizenView): void {
    this.#view = view;
    view.cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { frameId?: string; isDefault?: boolean } | undefined;
      if (context.name === GUARD_WORLD && aux?.frameId === view.targetId) {
        this.#contextId = context.id;
      }
    });
  }

  /** The report came from the top-level document's guard (not from a frame's). */
  isTopLevel(contextId: number): boolean {
    return contextId === this.#contextId;
  }

  /** Evaluates `expression` there; null while the view has no guard world yet. */
  async evaluate(
    expression: string,
    returnByValue = false,
  ): Promise<Protocol.Runtime.RemoteObject | null> {
    if (!this.#view || this.#contextId === null) return null;
    const { result } = await this.#view.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.#contextId,
      returnByValue,
    });
    return result;
  }

  /** Shows `text` over the page for a few seconds; without one, the blocked notice. */
  async showNotice(text?: string): Promise<void> {
    const argument = text === undefined ? '' : JSON.stringify(text);
    await this.evaluate(`globalThis.__sidboxShowNotice?.(${argument})`);
  }
}

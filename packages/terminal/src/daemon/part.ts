import type { KioskView } from '@sidbox/protocol';
import type { WipeFacts, WipeStep } from '../session/wipe.js';
import type { ActionHandlers, CoreActionType } from './actions.js';

/** Carries out one planned wipe step; gives up when the signal aborts. */
export type WipeExecutor = (signal: AbortSignal) => Promise<void>;
export type WipeExecutors = Record<WipeStep, WipeExecutor>;
/** The steps the core's own parts carry out; the other steps belong to features. */
export type CoreWipeStep = 'cancel-eid' | 'renew-eid' | 'reset-browser' | 'remove-session-dir';

/** What a part adds to the kiosk view; the core fills in what no part adds. */
export type PartView = Partial<
  Pick<KioskView, 'cardReminder' | 'language' | 'textScale' | 'speech' | 'staff' | 'phoneSetup'>
>;

/**
 * One piece of the daemon, a core service or a feature: started in the root's order and stopped
 * in reverse; its constructor only assigns. Everything else is optional: the kiosk actions it
 * handles, the wipe steps it carries out and the facts the wipe plan needs of it, what it does
 * when a citizen session begins or ends, and its part of the kiosk view.
 */
export interface Part {
  readonly name: string;
  start?(): void | Promise<void>;
  /** Drops its listeners and timers; safe after a failed or partial start. */
  stop?(): void | Promise<void>;
  readonly actions?: Partial<ActionHandlers>;
  readonly wipe?: Partial<WipeExecutors>;
  wipeFacts?(): Partial<WipeFacts>;
  sessionBegins?(signal: AbortSignal): Promise<void>;
  /** The session ends: before the planned wipe steps run. */
  sessionEnds?(): void | Promise<void>;
  view?(): PartView;
}

type Provided<P, K extends 'actions' | 'wipe'> = P extends { readonly [key in K]: infer R }
  ? keyof R
  : never;
type Missing<Parts extends readonly Part[], K extends 'actions' | 'wipe', All> = Exclude<
  All,
  Provided<Parts[number], K>
>;
/** A type error names the keys no part provides. */
type Complete<Parts extends readonly Part[], K extends 'actions' | 'wipe', All> = [
  Missing<Parts, K, All>,
] extends [never]
  ? unknown
  : { readonly missing: Missing<Parts, K, All> };

function merge<T>(parts: readonly Part[], key: 'actions' | 'wipe'): T {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part[key] ?? {})) {
      if (name in merged) throw new Error(`two parts carry out "${name}" (${part.name})`);
      merged[name] = value;
    }
  }
  return merged as T;
}

/**
 * The one action table. A core action no part handles does not compile; a feature's action is
 * missing when the terminal is built without the feature (the dispatcher says `not-offered`).
 */
export function actionTable<const Parts extends readonly Part[]>(
  parts: Parts & Complete<Parts, 'actions', CoreActionType>,
): Partial<ActionHandlers> {
  return merge(parts, 'actions');
}

/**
 * The executor of each step. A core step no part carries out does not compile; a feature's step
 * is missing without the feature, and then there is nothing of it to wipe.
 */
export function wipeExecutors<const Parts extends readonly Part[]>(
  parts: Parts & Complete<Parts, 'wipe', CoreWipeStep>,
): Partial<WipeExecutors> {
  return merge(parts, 'wipe');
}

/** The wipe plan's facts: true where any part says so. */
export function wipeFacts(parts: readonly Part[]): WipeFacts {
  const facts: WipeFacts = { eidWorkflowRunning: false, cardInReader: false, sessionDir: false };
  for (const part of parts) {
    for (const [name, value] of Object.entries(part.wipeFacts?.() ?? {}) as [
      keyof WipeFacts,
      boolean,
    ][])
      facts[name] = facts[name] === true || value;
  }
  return facts;
}

/** The parts' contributions to the kiosk view, in the root's order. */
export function partsView(parts: readonly Part[]): PartView {
  return Object.assign({}, ...parts.map((part) => part.view?.() ?? {})) as PartView;
}

/** Listeners a part holds; dropped all at once in its stop(). */
export class Subscriptions {
  #off: (() => void)[] = [];

  add(...off: (() => void)[]): void {
    this.#off.push(...off);
  }

  drop(): void {
    for (const off of this.#off.splice(0)) off();
  }
}

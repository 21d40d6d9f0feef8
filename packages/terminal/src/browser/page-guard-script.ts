/**
 * The page guard, as the browser injects it into every document, in an isolated world, before
 * any page script runs (the script itself, and what it stops: page/page-guard.ts).
 */
import type { GuardConfig } from './page-contract.js';
import { pageScript } from './page-script.js';

export type { GuardConfig, GuardReport } from './page-contract.js';

export const GUARD_WORLD = '__sidbox_guard';
export const GUARD_BINDING = '__sidboxGuardReport';

/** The source handed to `Page.addScriptToEvaluateOnNewDocument`. */
export function guardScript(config: GuardConfig): string {
  return pageScript('page-guard', config, GUARD_BINDING);
}

/**
 * The citizen's scan, page by page, as a pure state machine: a service page's file field opens
 * it, the citizen lays a page on the scanner and taps "scan", sees its preview, scans more,
 * removes a page, and hands the pages over as one PDF — or cancels, and the field stays empty.
 * The daemon's ScanController runs the effects (scanner, browser) and feeds results back.
 */
import type { ScanPanelCommand } from '../../browser/kiosk-browser.js';

/** One scanned page: the files the scanner made, and its preview as base64 PNG for the panel. */
export interface FlowPage {
  imagePath: string;
  previewPath: string;
  previewPng: string;
}

export type ScanStep = 'ready' | 'scanning' | 'review' | 'failed' | 'binding';

export interface ScanFlowState {
  step: ScanStep;
  pages: readonly FlowPage[];
  /** The most pages one document may have (config `scanner.maxPages`). */
  maxPages: number;
}

/** What the citizen taps in the scan panel (reported by the kiosk bar). */
export type ScanCommand = ScanPanelCommand;

export type ScanFlowEvent =
  | ScanCommand
  | { command: 'scanned'; page: FlowPage }
  | { command: 'scan-failed' }
  | { command: 'bound' }
  | { command: 'bind-failed' };

/** What the controller must do after a transition. */
export type ScanEffect = 'scan-page' | 'bind' | 'close' | 'none';

export interface ScanTransition {
  /** null: the flow is over (handed over or cancelled). */
  state: ScanFlowState | null;
  effect: ScanEffect;
}

export function openScan(maxPages: number): ScanFlowState {
  return { step: 'ready', pages: [], maxPages };
}

const stay = (state: ScanFlowState): ScanTransition => ({ state, effect: 'none' });

/** Whether the citizen can start another page now. */
export function canScanMore(state: ScanFlowState): boolean {
  return (
    (state.step === 'ready' || state.step === 'review' || state.step === 'failed') &&
    state.pages.length < state.maxPages
  );
}

/** Whether the pages can be handed over now. */
export function canHandOver(state: ScanFlowState): boolean {
  return (state.step === 'review' || state.step === 'failed') && state.pages.length > 0;
}

/** Whether a page can be taken out now (not while the scanner or the PDF binder works). */
export function canRemove(state: ScanFlowState): boolean {
  return state.step === 'review' || state.step === 'failed';
}

/** The next state for an event; an event that does not fit the step changes nothing. */
export function nextScanState(state: ScanFlowState, event: ScanFlowEvent): ScanTransition {
  switch (event.command) {
    case 'scan':
      return canScanMore(state)
        ? { state: { ...state, step: 'scanning' }, effect: 'scan-page' }
        : stay(state);
    case 'scanned':
      return state.step === 'scanning'
        ? stay({ ...state, step: 'review', pages: [...state.pages, event.page] })
        : stay(state);
    case 'scan-failed':
      return state.step === 'scanning' ? stay({ ...state, step: 'failed' }) : stay(state);
    case 'remove': {
      if (!canRemove(state) || !Number.isInteger(event.page)) return stay(state);
      if (event.page < 0 || event.page >= state.pages.length) return stay(state);
      const pages = state.pages.filter((_page, index) => index !== event.page);
      return stay({ ...state, pages, step: pages.length > 0 ? 'review' : 'ready' });
    }
    case 'done':
      return canHandOver(state)
        ? { state: { ...state, step: 'binding' }, effect: 'bind' }
        : stay(state);
    case 'bound':
      return state.step === 'binding' ? { state: null, effect: 'close' } : stay(state);
    case 'bind-failed':
      return state.step === 'binding' ? stay({ ...state, step: 'failed' }) : stay(state);
    case 'cancel':
      // Also while scanning: the page that is still coming is dropped when it arrives.
      return state.step === 'binding' ? stay(state) : { state: null, effect: 'close' };
  }
}

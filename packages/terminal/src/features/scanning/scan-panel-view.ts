import type { ScanPanelView } from '../../browser/kiosk-browser.js';
import { canHandOver, canRemove, canScanMore, type ScanFlowState } from './scan-flow.js';

/** The catalogue keys of the scan panel (packages/kiosk-ui/src/i18n, via kiosk-texts.json). */
export const scanTextKeys = [
  'scan.title',
  'scan.instruction',
  'scan.scanning',
  'scan.next',
  'scan.limit',
  'scan.failed',
  'scan.binding',
  'scan.scanPage',
  'scan.scanMore',
  'scan.retry',
  'scan.done',
  'scan.cancel',
  'scan.pages',
  'scan.page',
  'scan.remove',
  'scan.note',
] as const;
export type ScanTextKey = (typeof scanTextKeys)[number];

function status(state: ScanFlowState): ScanTextKey {
  switch (state.step) {
    case 'ready':
      return 'scan.instruction';
    case 'scanning':
      return 'scan.scanning';
    case 'binding':
      return 'scan.binding';
    case 'failed':
      return 'scan.failed';
    case 'review':
      return canScanMore(state) ? 'scan.next' : 'scan.limit';
  }
}

/** The panel for a state, in the language `text` speaks. Numbers follow words in every language. */
export function scanPanelView(
  state: ScanFlowState,
  text: (key: ScanTextKey) => string,
): ScanPanelView {
  const removable = canRemove(state);
  const buttons: ScanPanelView['buttons'] = [];
  if (canScanMore(state)) {
    const label =
      state.step === 'failed'
        ? 'scan.retry'
        : state.pages.length
          ? 'scan.scanMore'
          : 'scan.scanPage';
    buttons.push({ command: 'scan', label: text(label), primary: !canHandOver(state) });
  }
  if (canHandOver(state))
    buttons.push({ command: 'done', label: text('scan.done'), primary: true });
  if (state.step !== 'binding')
    buttons.push({ command: 'cancel', label: text('scan.cancel'), primary: false });
  return {
    title: text('scan.title'),
    status: text(status(state)),
    busy: state.step === 'scanning' || state.step === 'binding',
    pagesHeading: state.pages.length ? `${text('scan.pages')}: ${state.pages.length}` : '',
    pages: state.pages.map((page, index) => {
      const label = `${text('scan.page')} ${index + 1}`;
      return {
        label,
        previewPng: page.previewPng,
        remove: removable ? `${text('scan.remove')}: ${label}` : null,
      };
    }),
    buttons,
    note: text('scan.note'),
  };
}

import type { KioskAction } from '@sidbox/protocol';
import type { KioskBarReport, ScanPanelCommand } from '../browser/kiosk-browser.js';

/** What only the kiosk bar of a service page asks: print the page, a tap in the scan panel. */
export type KioskBarOnlyAction = { type: 'print' } | { type: 'scan'; scan: ScanPanelCommand };

/** Every citizen request the daemon carries out, from the kiosk UI or the kiosk bar alike. */
export type TerminalAction = KioskAction | KioskBarOnlyAction;
export type ActionType = TerminalAction['type'];
export type ActionOf<T extends ActionType> = Extract<TerminalAction, { type: T }>;
export type ActionHandler<T extends ActionType> = (action: ActionOf<T>) => void | Promise<void>;
/** What the core's own parts carry out: the session, the eID screens, the training card. */
export type CoreActionType =
  'start' | 'end' | 'activity' | 'home' | 'back' | 'open' | EidAction['type'] | 'training-scenario';
/** The citizen's answers on the kiosk's eID screens. */
export type EidAction = Extract<KioskAction, { type: `eid-${string}` }>;
/** One handler per action: the core and the features each fill their part. */
export type ActionHandlers = { [T in ActionType]: ActionHandler<T> };

/** A kiosk bar tap as the action the kiosk UI would send for it. */
export function actionOfKioskBarReport(report: KioskBarReport): TerminalAction {
  switch (report.action) {
    case 'language':
      return { type: 'language', language: report.language };
    case 'text-size':
      return { type: 'text-size', scale: report.scale };
    case 'scan':
      return { type: 'scan', scan: report.scan };
    default:
      return { type: report.action };
  }
}

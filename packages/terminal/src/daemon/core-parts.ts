import type { EidSession } from '../session/eid-session.js';
import type { KioskBrowser, NavigationRules } from '../browser/kiosk-browser.js';
import type { KioskUiServer } from '../kiosk-ui-server/server.js';
import type { SessionController } from '../session/controller.js';
import type { ControlSocketServer } from '../control/socket-server.js';
import type { Part, WipeExecutor } from './part.js';
import type { TerminalDevices } from './terminal-devices.js';

/** A service that only starts and stops. */
export function service(
  name: string,
  target: Pick<KioskUiServer | ControlSocketServer | TerminalDevices, 'start' | 'stop'>,
): Part {
  return { name, start: () => target.start(), stop: () => target.stop() };
}

/** The eID side: AusweisApp (or the training card), cancelled and renewed by the wipe. */
export function eidPart(eid: EidSession, cancelGraceMs: number) {
  return {
    name: 'eid',
    start: () => eid.start(),
    stop: () => eid.stop(),
    wipeFacts: () => ({
      eidWorkflowRunning: eid.workflow !== null,
      cardInReader: eid.cardInReader(),
    }),
    wipe: {
      'cancel-eid': async () => void (await eid.cancelWorkflow(cancelGraceMs)),
      'renew-eid': (signal) => eid.renew(signal),
    } satisfies Record<'cancel-eid' | 'renew-eid', WipeExecutor>,
  };
}

/** The kiosk browser: a fresh profile on the attract screen after every session. */
export function browserPart(
  browser: Pick<KioskBrowser, 'start' | 'stop' | 'reset' | 'setRules'>,
  rules: () => NavigationRules,
  attractUrl: () => string,
) {
  return {
    name: 'browser',
    start: () => {
      browser.setRules(rules());
      return browser.start(attractUrl());
    },
    stop: () => browser.stop(),
    wipe: {
      'reset-browser': () => browser.reset(attractUrl()),
    } satisfies Record<'reset-browser', WipeExecutor>,
  };
}

/** The peripherals; a card on pcscd's reader (a non-eID card too) is reminded of. */
export function devicesPart(devices: TerminalDevices): Part {
  return {
    ...service('devices', devices),
    wipeFacts: () => ({ cardInReader: devices.cardPresent() }),
  };
}

/** The session machine: stopped early, so no wipe starts while the rest goes down. */
export function sessionPart(session: Pick<SessionController, 'stop'>): Part {
  return { name: 'session', stop: () => session.stop() };
}

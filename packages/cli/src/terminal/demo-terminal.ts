import { fileURLToPath } from 'node:url';
import { defaultCtlSocketPath } from '@sidbox/terminal';
import { runTerminal } from './command.js';

const citizenOffice = fileURLToPath(
  new URL('../../../../config/examples/buergeramt.yaml', import.meta.url),
);

export interface DemoTerminalOptions {
  say: (line: string) => void;
  /** The demo hub's training-terminal credential and a state directory for hub sync. */
  hub?: { credential: string; stateDir: string };
  /** The terminal's configuration; the citizen-office example by default. */
  config?: string;
}

/** The citizen-office example YAML, for a demo to extend. */
export const citizenOfficeExample = citizenOffice;

/**
 * `npm run demo`'s terminal part: the citizen-office example in training mode, in a window
 * where a display exists and headless otherwise, until Ctrl+C or SIGTERM.
 */
export async function runDemoTerminal({ say, hub, config }: DemoTerminalOptions): Promise<void> {
  const headless = !(process.env.WAYLAND_DISPLAY ?? process.env.DISPLAY);
  const socket = defaultCtlSocketPath();
  const ctl = 'npm run sidbox -- ctl';
  await runTerminal(
    {
      config: config ?? citizenOffice,
      training: true,
      headless,
      ctlSocket: socket,
      // The demo's own lines are the interface; logs only when something goes wrong.
      logLevel: process.env.SIDBOX_LOG_LEVEL ?? 'warn',
      ...hub,
    },
    (daemon) => {
      say(`Terminal (training card, ${headless ? 'headless' : 'kiosk window'}):`);
      if (headless) say(`  kiosk UI:       ${daemon.kioskUrl}`);
      say(`  control socket: ${socket}`);
      if (hub) say('  connected to the hub as "Schulungsterminal" (Stadt Bonn)');
      say('Drive it from another shell:');
      say(`  ${ctl} status --json`);
      say(`  ${ctl} input mat-on            a citizen steps on the mat`);
      say(`  ${ctl} open fuehrungszeugnis   open a service`);
      say(`  ${ctl} input reset-button      wipe the session at once`);
      say(`  ${ctl} screenshot /tmp/kiosk.png`);
      say('Training card: PIN 123456, CAN 654321, PUK 1234567890, transport PIN 12345.');
      say(
        'Staff menu (long press on reset) → real AusweisApp: its Simulator card authenticates for real at the demo eID-Server.',
      );
      say('Ctrl+C stops everything; nothing is left behind.');
    },
  );
}

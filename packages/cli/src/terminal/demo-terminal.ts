import { fileURLToPath } from 'node:url';
import { defaultCtlSocketPath } from '@sidbox/terminal';
import { runTerminal } from './command.js';

const citizenOffice = fileURLToPath(
  new URL('../../../../config/examples/buergeramt.yaml', import.meta.url),
);

/**
 * `npm run demo`'s terminal part: the citizen-office example in training mode, in a window
 * where a display exists and headless otherwise, until Ctrl+C.
 */
export async function runDemoTerminal(
  say: (line: string) => void = (line) => void process.stdout.write(`${line}\n`),
): Promise<void> {
  const headless = !(process.env.WAYLAND_DISPLAY ?? process.env.DISPLAY);
  const socket = defaultCtlSocketPath();
  const ctl = 'npm run sidbox -- ctl';
  await runTerminal(
    { config: citizenOffice, training: true, headless, ctlSocket: socket },
    (daemon) => {
      say(`SIDbox terminal (training card, ${headless ? 'headless' : 'kiosk window'})`);
      say(`  kiosk UI:       ${daemon.kioskOrigin}`);
      say(`  control socket: ${socket}`);
      say('Drive it from another shell:');
      say(`  ${ctl} status --json`);
      say(`  ${ctl} input mat-on            a citizen steps on the mat`);
      say(`  ${ctl} open fuehrungszeugnis   open a service`);
      say(`  ${ctl} input reset-button      wipe the session at once`);
      say(`  ${ctl} screenshot /tmp/kiosk.png`);
      say('Training card: PIN 123456, CAN 654321, PUK 1234567890, transport PIN 12345.');
      say('Ctrl+C stops the terminal; nothing is left behind.');
    },
  );
}

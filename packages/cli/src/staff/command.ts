import { Command } from 'commander';
import { Secret } from '@sidbox/runtime';
import { hashStaffPin, staffPinPattern } from '@sidbox/terminal/operator';
import { UsageError } from '../usage-error.js';

/** The first line of stdin: the staff PIN never appears in argv or shell history. */
async function readStaffPin(): Promise<Secret> {
  if (process.stdin.isTTY) process.stderr.write('staff PIN (6–12 digits): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const pin = text.split(/\r?\n/)[0] ?? '';
  if (pin === '')
    throw new UsageError('no staff PIN on stdin (pipe it in: … | sidbox staff-pin-hash)');
  if (!staffPinPattern.test(pin)) throw new UsageError('the staff PIN must be 6 to 12 digits');
  return Secret.digits(pin);
}

/** `sidbox staff-pin-hash`: the `staff.pinHash` value for the terminal's YAML. */
export function staffPinHashCommand(): Command {
  return new Command('staff-pin-hash')
    .description('read a staff PIN (6–12 digits) from stdin and print its staff.pinHash value')
    .action(async () => {
      const hash = await hashStaffPin(await readStaffPin());
      process.stdout.write(`${hash}\n`);
    });
}

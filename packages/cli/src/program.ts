import { Command } from 'commander';

/**
 * The top-level commands, in the order help lists them, each loaded only when it is used:
 * importing the hub, the terminal or the eID-Server takes a second each, and an operator's
 * `sidbox ctl status` should not wait for all of them.
 */
const commands: [name: string, load: () => Promise<Command>][] = [
  ['doctor', () => import('./doctor/command.js').then((m) => m.doctorCommand())],
  ['eid', () => import('./eid/command.js').then((m) => m.eidCommand())],
  ['eid-server', () => import('./eid-server/command.js').then((m) => m.eidServerCommand())],
  ['demo', () => import('./demo.js').then((m) => m.demoCommand())],
  ['hub', () => import('./hub/command.js').then((m) => m.hubCommand())],
  ['terminal', () => import('./terminal/command.js').then((m) => m.terminalCommand())],
  ['ctl', () => import('./ctl/command.js').then((m) => m.ctlCommand())],
  ['image', () => import('./image/command.js').then((m) => m.imageCommand())],
  ['staff-pin-hash', () => import('./staff/command.js').then((m) => m.staffPinHashCommand())],
  ['access', () => import('./access/command.js').then((m) => m.accessCommand())],
];

/** The program for `argv`: just the named command, or all of them for help and typos. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('sidbox')
    .description('SIDbox — open Bürgerterminal for the online ID function')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined })
    .showSuggestionAfterError(false);
  const named = commands.filter(([name]) => name === argv[2]);
  for (const [, load] of named.length > 0 ? named : commands) {
    program.addCommand(await load());
  }
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
    for (const sub of command.commands) {
      sub
        .exitOverride()
        .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
    }
  }
  return program;
}

import { Command } from 'commander';
import { accessCommand } from './access/command.js';
import { doctorCommand } from './doctor/command.js';
import { eidCommand } from './eid/command.js';
import { eidServerCommand } from './eid-server/command.js';
import { demoCommand } from './demo.js';
import { hubCommand } from './hub/command.js';
import { terminalCommand } from './terminal/command.js';
import { ctlCommand } from './ctl/command.js';
import { imageCommand } from './image/command.js';
import { staffPinHashCommand } from './staff/command.js';

export function buildProgram(): Command {
  const program = new Command('sidbox')
    .description('SIDbox — open Bürgerterminal for the online ID function')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined })
    .showSuggestionAfterError(false);
  program.addCommand(doctorCommand());
  program.addCommand(eidCommand());
  program.addCommand(eidServerCommand());
  program.addCommand(demoCommand());
  program.addCommand(hubCommand());
  program.addCommand(terminalCommand());
  program.addCommand(ctlCommand());
  program.addCommand(imageCommand());
  program.addCommand(staffPinHashCommand());
  program.addCommand(accessCommand());
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

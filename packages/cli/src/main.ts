#!/usr/bin/env node
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { exitCodes, UsageError } from './usage-error.js';

/** One line on stderr, never a stack trace; exit 2 for bad usage, 1 for anything else. */
function fail(error: unknown): never {
  if (error instanceof UsageError) {
    process.stderr.write(`sidbox: ${error.message}\n`);
    process.exit(exitCodes.usage);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sidbox: ${message}\n`);
  if (process.env.SIDBOX_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(exitCodes.failed);
}

try {
  await (await buildProgram(process.argv)).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
      process.exit(exitCodes.ok);
    }
    fail(new UsageError(error.message.replace(/^error: /, '')));
  }
  fail(error);
}
